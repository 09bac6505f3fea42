import type { PlaygroundMessages } from "../i18n";
import type { UpdateSummary } from "../store";

/** "Ana in private chat: 🍕", in the reader's language. */
export function describeSummary(t: PlaygroundMessages, summary: UpdateSummary | undefined): string {
  if (!summary) return "?";
  const from = summary.fromName ?? "?";
  switch (summary.kind) {
    case "message":
    case "edited_message": {
      const chat = summary.chatType === "private" ? t.summary.privateChat : (summary.chatTitle ?? summary.chatType ?? "?");
      return t.summary.message(from, chat, summary.text ?? "");
    }
    case "callback_query":
      return t.summary.callback(from, summary.text ?? "");
    case "inline_query":
      return t.summary.inline(from, summary.text ?? "");
    case "poll_answer":
      return t.summary.poll(from);
    default:
      return t.summary.other(summary.field);
  }
}

/** "Update 3: Ana in private chat: 🍕". */
export function describeUpdate(t: PlaygroundMessages, updateId: number, summary: UpdateSummary | undefined): string {
  return t.traffic.update(updateId, describeSummary(t, summary));
}
