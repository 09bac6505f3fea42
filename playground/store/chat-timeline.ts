import type { InlineKeyboardButton, Message, Update } from "grammy/types";
import type { NotDeliveredReason, SandboxEvent } from "../protocol";
import type { ChatBotMessage, ChatEntry, ChatNotice, ChatUserMessage } from "./types";
import { displayName } from "./update-summary";

type ApiCallEvent = Extract<SandboxEvent, { type: "api-call" }>;
type UpdateReceivedEvent = Extract<SandboxEvent, { type: "update-received" }>;
type NotDeliveredEvent = Extract<SandboxEvent, { type: "not-delivered" }>;

/**
 * The conversation as a Telegram client would show it, rebuilt from the run's events: what users sent
 * (from the updates the sandbox received) and what the bot sent, edited and deleted (from its Bot API
 * calls). Entries are kept in one array, oldest first, capped so a long session stays cheap to render.
 */
export class ChatTimeline {
  /** Oldest first. Mutated in place; the store triggers views after each batch. */
  readonly entries: ChatEntry[] = [];
  private readonly botMessages = new Map<string, ChatBotMessage>();
  private nextId = 1;

  constructor(private readonly limit = 2_000) {}

  /** Adds what a user sent: a message becomes a bubble, a button press a notice. */
  received(event: UpdateReceivedEvent): void {
    this.add(event.update);
  }

  /**
   * An update the reader sent never reached the bot: its bubble (or button press) says so, whether it
   * was already shown (Telegram dropped it after it arrived) or not (nothing ran to receive it).
   */
  notDelivered(event: NotDeliveredEvent): void {
    const updateId = event.update.update_id;
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i];
      if (entry.kind === "user" && entry.updateId === updateId && entry.notDelivered === undefined) {
        this.entries[i] = { ...entry, notDelivered: event.reason };
        return;
      }
    }
    this.add(event.update, event.reason);
  }

  private add(update: Update, notDelivered?: NotDeliveredReason): void {
    const message = update.message ?? update.edited_message;
    if (message) {
      const entry: ChatUserMessage = {
        kind: "user",
        id: this.nextId++,
        chatId: message.chat.id,
        messageId: message.message_id,
        senderName: displayName(message.from) ?? ("title" in message.chat ? (message.chat.title ?? "?") : "?"),
        text: message.text ?? message.caption ?? "",
        updateId: update.update_id,
      };
      if (notDelivered) entry.notDelivered = notDelivered;
      this.push(entry);
      return;
    }
    const query = update.callback_query;
    if (query?.message) {
      const pressed = findButton(this.botMessages.get(key(query.message.chat.id, query.message.message_id))?.keyboard, query.data);
      const entry: ChatNotice = {
        kind: "notice",
        id: this.nextId++,
        chatId: query.message.chat.id,
        notice: "pressed",
        name: displayName(query.from),
        text: pressed?.text ?? query.data ?? "",
      };
      if (notDelivered) entry.notDelivered = notDelivered;
      this.push(entry);
    }
  }

  /** Applies a Bot API call: new messages, edits, deletions, and callback answers with text. */
  apiCall(event: ApiCallEvent): void {
    if (event.error) return;
    const { method, payload, result } = event;
    // Every send method answers with the Message it sent (an album with several).
    const sent = method.startsWith("send") ? (Array.isArray(result) ? result : [result]).filter(isMessage) : [];
    if (sent.length > 0) {
      for (const message of sent) {
        const entry: ChatBotMessage = {
          kind: "bot",
          id: this.nextId++,
          chatId: message.chat.id,
          messageId: message.message_id,
          text: messageText(message),
          method,
          keyboard: keyboardOf(message.reply_markup ?? payload.reply_markup),
          message,
          edited: false,
          deleted: false,
        };
        this.botMessages.set(key(entry.chatId, entry.messageId), entry);
        this.push(entry);
      }
      return;
    }
    if (method === "editMessageText" || method === "editMessageCaption" || method === "editMessageReplyMarkup") {
      const entry = this.botMessages.get(key(Number(payload.chat_id), Number(payload.message_id)));
      if (!entry) return;
      const edited = isMessage(result) ? result : undefined;
      if (method !== "editMessageReplyMarkup") {
        entry.text = edited ? messageText(edited) : String(payload.text ?? payload.caption ?? entry.text);
        entry.edited = true;
      }
      entry.keyboard = keyboardOf(edited ? edited.reply_markup : payload.reply_markup);
      if (edited) entry.message = edited;
      this.touch(entry);
      return;
    }
    if (method === "deleteMessage") {
      const entry = this.botMessages.get(key(Number(payload.chat_id), Number(payload.message_id)));
      if (!entry) return;
      entry.deleted = true;
      entry.keyboard = undefined;
      this.touch(entry);
      return;
    }
    if (method === "answerCallbackQuery" && typeof payload.text === "string" && payload.text) {
      this.push({ kind: "notice", id: this.nextId++, notice: "answer", text: payload.text, chatId: this.lastPressChat() });
    }
  }

  /** Marks a new run: earlier messages stay (as in a real chat), with a divider in every chat. */
  restarted(): void {
    if (this.entries.length === 0) return;
    this.push({ kind: "notice", id: this.nextId++, notice: "restarted" });
  }

  /** The bot message `messageId` in `chatId`, if it is still kept. */
  botMessage(chatId: number, messageId: number): ChatBotMessage | undefined {
    return this.botMessages.get(key(chatId, messageId));
  }

  private push(entry: ChatEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) {
      for (const dropped of this.entries.splice(0, this.entries.length - this.limit)) {
        if (dropped.kind === "bot") this.botMessages.delete(key(dropped.chatId, dropped.messageId));
      }
    }
  }

  /** Replaces an edited entry by a copy, so views keyed on entry identity re-render just that bubble. */
  private touch(entry: ChatBotMessage): void {
    const index = this.entries.lastIndexOf(entry);
    const copy = { ...entry };
    if (index >= 0) this.entries[index] = copy;
    this.botMessages.set(key(entry.chatId, entry.messageId), copy);
  }

  private lastPressChat(): number | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i];
      if (entry.kind === "notice" && entry.notice === "pressed") return entry.chatId;
    }
    return undefined;
  }
}

function key(chatId: number, messageId: number): string {
  return `${chatId}:${messageId}`;
}

function isMessage(value: unknown): value is Message {
  return typeof value === "object" && value !== null && "message_id" in value && "chat" in value;
}

function messageText(message: Message): string {
  return message.text ?? message.caption ?? "";
}

function keyboardOf(markup: unknown): InlineKeyboardButton[][] | undefined {
  if (typeof markup !== "object" || markup === null || !("inline_keyboard" in markup)) return undefined;
  const rows = (markup as { inline_keyboard: unknown }).inline_keyboard;
  return Array.isArray(rows) && rows.length > 0 ? (rows as InlineKeyboardButton[][]) : undefined;
}

function findButton(keyboard: InlineKeyboardButton[][] | undefined, data: string | undefined) {
  return keyboard?.flat().find((button) => "callback_data" in button && button.callback_data === data);
}
