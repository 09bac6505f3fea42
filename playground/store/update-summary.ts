import type { Update, User } from "grammy/types";
import type { UpdateSummary } from "./types";

/** A user's display name the way Telegram clients show it. */
export function displayName(user: Pick<User, "first_name" | "last_name"> | undefined): string | undefined {
  if (!user) return undefined;
  return user.last_name ? `${user.first_name} ${user.last_name}` : user.first_name;
}

/** The facts a view needs to describe `update` in one line ("Ana in private chat: 🍕"). */
export function summarizeUpdate(update: Update): UpdateSummary {
  const field = Object.keys(update).find((k) => k !== "update_id") ?? "update";
  const message = update.message ?? update.edited_message;
  if (message) {
    const chat = message.chat;
    return {
      kind: update.message ? "message" : "edited_message",
      field,
      fromName: displayName(message.from) ?? ("title" in chat ? chat.title : undefined),
      chatType: chat.type,
      chatTitle: "title" in chat ? chat.title : undefined,
      text: message.text ?? message.caption ?? undefined,
    };
  }
  if (update.callback_query) {
    return { kind: "callback_query", field, fromName: displayName(update.callback_query.from), text: update.callback_query.data };
  }
  if (update.inline_query) {
    return { kind: "inline_query", field, fromName: displayName(update.inline_query.from), text: update.inline_query.query };
  }
  if (update.poll_answer) {
    return { kind: "poll_answer", field, fromName: displayName(update.poll_answer.user) };
  }
  return { kind: "other", field };
}
