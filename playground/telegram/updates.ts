/**
 * Builds the updates Telegram would send when a simulated user writes, taps a button, types an
 * inline query or answers a poll. Used by the playground UI (main thread) and by the sandbox tests,
 * so it imports grammY's types only: no grammY code lands in the UI's bundle because of it.
 */
import type { Chat, Message, MessageEntity, Update, User, UserFromGetMe } from "grammy/types";

/** The validator lives in its own file; the UI gets factory and validator from this one module. */

/**
 * The bot the playground pretends to be: what `getMe` answers and what `bot.botInfo` holds.
 * The id matches the numeric prefix of the simulated token, as a real token's would.
 */
export const SIMULATED_BOT_INFO: UserFromGetMe = Object.freeze({
  id: 7_350_123_456,
  is_bot: true,
  first_name: "Session Lab",
  username: "session_lab_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
}) as UserFromGetMe;

/**
 * Returns a function that hands out increasing update ids, as Telegram does for one bot.
 * `start` is the first id handed out.
 */
export function createUpdateIdSequence(start = 1): () => number {
  let next = start;
  return () => next++;
}

/**
 * The update ids one playground hands out: increasing, as Telegram's are for one bot, and always above
 * every id already sent. A hand-written update may bring any id; if later ones were lower, grammY's
 * offset (the last id it handled, plus one) would be above them, and they would never reach the bot.
 */
export class UpdateIdSequence {
  private nextId: number;

  constructor(start = 1) {
    this.nextId = start;
  }

  /** The id for the next update. */
  next(): number {
    return this.nextId++;
  }

  /** An update with id `updateId` was sent (say, written by hand): the ids handed out later are above it. */
  used(updateId: number): void {
    if (Number.isSafeInteger(updateId) && updateId >= this.nextId) this.nextId = updateId + 1;
  }
}

// Fallbacks for callers that do not track ids themselves. Callers that know better (the UI keeps
// message ids in step with the bot's replies) pass their own.
const nextDefaultUpdateId = createUpdateIdSequence(1);
const lastMessageIdByChat = new Map<number, number>();
let queryCounter = 0;

function defaultMessageId(chatId: number): number {
  const next = (lastMessageIdByChat.get(chatId) ?? 0) + 1;
  lastMessageIdByChat.set(chatId, next);
  return next;
}

function nowInSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** What {@link createTextMessageUpdate} needs. */
export interface TextMessageInit {
  /** The user who writes. Ignored for channels, whose posts carry `sender_chat` instead. */
  from: User;
  /** Where the message is written: a private chat, a group, a supergroup or a channel. */
  chat: Chat;
  text: string;
  updateId?: number;
  messageId?: number;
  /** Unix time in seconds. Default: now. */
  date?: number;
  /** The message this one replies to, if any. */
  replyTo?: Message;
}

/**
 * A `message` update (or `channel_post` for a channel) with the entities Telegram would detect:
 * `/cmd` and `/cmd@bot` get a `bot_command` entity, so grammY's `bot.command()` matches them;
 * `@mentions`, `#hashtags` and `http(s)://` links get theirs too. Offsets are in UTF-16 code units,
 * as in the Bot API.
 */
export function createTextMessageUpdate(init: TextMessageInit): Update {
  const { from, chat, text } = init;
  const message: Record<string, unknown> = {
    message_id: init.messageId ?? defaultMessageId(chat.id),
    date: init.date ?? nowInSeconds(),
    chat,
  };
  if (chat.type === "channel") message.sender_chat = chat;
  else message.from = from;
  if (init.replyTo) message.reply_to_message = withoutNestedReply(init.replyTo);
  message.text = text;
  const entities = detectEntities(text);
  if (entities.length > 0) message.entities = entities;
  const update_id = init.updateId ?? nextDefaultUpdateId();
  return chat.type === "channel"
    ? ({ update_id, channel_post: message } as unknown as Update)
    : ({ update_id, message } as unknown as Update);
}

/** Telegram never nests replies more than one level deep. */
function withoutNestedReply(message: Message): Message {
  if (!("reply_to_message" in message)) return message;
  const { reply_to_message: _dropped, ...rest } = message as Message & { reply_to_message?: unknown };
  return rest as Message;
}

/** What {@link createCallbackQueryUpdate} needs. */
export interface CallbackQueryInit {
  /** The user who tapped the button. */
  from: User;
  /** The bot's message that carries the inline keyboard. */
  message: Message;
  /** The button's `callback_data`. */
  data: string;
  updateId?: number;
  /** The query id; default: a fresh numeric string. */
  id?: string;
}

/**
 * A `callback_query` update: a tap on an inline keyboard button of `message`. grammY's
 * `bot.callbackQuery(data)` matches it by `data`; `ctx.chatId` comes from the message's chat,
 * so sessions keyed by chat find the same session as the chat's messages.
 */
export function createCallbackQueryUpdate(init: CallbackQueryInit): Update {
  const { from, message, data } = init;
  return {
    update_id: init.updateId ?? nextDefaultUpdateId(),
    callback_query: {
      id: init.id ?? freshQueryId(from.id),
      from,
      message,
      chat_instance: chatInstanceOf(message.chat.id),
      data,
    },
  } as Update;
}

/** What {@link createInlineQueryUpdate} needs. */
export interface InlineQueryInit {
  from: User;
  query: string;
  updateId?: number;
  id?: string;
  /** Paging offset the bot asked for earlier; default `""`. */
  offset?: string;
  /** Where the query was typed; Telegram sends it when known. */
  chatType?: "sender" | Chat["type"];
}

/**
 * An `inline_query` update. It belongs to no chat: `ctx.chatId` is undefined, so grammY's default
 * session key is undefined and touching `ctx.session` throws, exactly as with real Telegram.
 */
export function createInlineQueryUpdate(init: InlineQueryInit): Update {
  const inline_query: Record<string, unknown> = {
    id: init.id ?? freshQueryId(init.from.id),
    from: init.from,
    query: init.query,
    offset: init.offset ?? "",
  };
  if (init.chatType !== undefined) inline_query.chat_type = init.chatType;
  return { update_id: init.updateId ?? nextDefaultUpdateId(), inline_query } as unknown as Update;
}

/** What {@link createPollAnswerUpdate} needs. */
export interface PollAnswerInit {
  from: User;
  pollId: string;
  /** Chosen option indexes; empty when the user retracts the vote. */
  optionIds: number[];
  /** Persistent ids of the chosen options; default: the indexes as strings. */
  optionPersistentIds?: string[];
  updateId?: number;
}

/**
 * A `poll_answer` update (a vote in a non-anonymous poll the bot sent). Like inline queries it
 * has no chat, so the default session key is undefined.
 */
export function createPollAnswerUpdate(init: PollAnswerInit): Update {
  return {
    update_id: init.updateId ?? nextDefaultUpdateId(),
    poll_answer: {
      poll_id: init.pollId,
      user: init.from,
      option_ids: [...init.optionIds],
      option_persistent_ids: init.optionPersistentIds ?? init.optionIds.map(String),
    },
  } as Update;
}

/** Query ids are opaque numeric strings in the Bot API; unique per bot is all that matters. */
function freshQueryId(userId: number): string {
  queryCounter += 1;
  return `${Math.abs(userId)}${String(queryCounter).padStart(7, "0")}`;
}

/**
 * Telegram's `chat_instance` is a stable opaque number per chat (it is the same for every button
 * in the chat). A deterministic mix of the chat id keeps it stable across updates.
 */
function chatInstanceOf(chatId: number): string {
  let h = BigInt.asUintN(64, BigInt(chatId) * 0x9e3779b97f4a7c15n);
  h ^= h >> 29n;
  return BigInt.asIntN(64, h).toString();
}

// Telegram recognises these only at the start of the text or after a non-word character.
const ENTITY_PATTERNS: { type: MessageEntity["type"]; pattern: RegExp }[] = [
  { type: "bot_command", pattern: /(?<![\w/])\/[a-zA-Z0-9_]{1,32}(?:@[a-zA-Z][a-zA-Z0-9_]{2,31})?(?![\w@/])/g },
  { type: "url", pattern: /(?<![\w@])https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]']/g },
  { type: "mention", pattern: /(?<![\w@/])@[a-zA-Z][a-zA-Z0-9_]{3,31}(?!\w)/g },
  { type: "hashtag", pattern: /(?<![\w#/])#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*/gu },
];

/**
 * The entities Telegram's servers add to a plain text message: bot commands, links, mentions and
 * hashtags, sorted by offset, never overlapping (a `/cmd@bot` is one command, not a mention).
 */
export function detectEntities(text: string): MessageEntity[] {
  const found: MessageEntity[] = [];
  for (const { type, pattern } of ENTITY_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const offset = match.index;
      const length = match[0].length;
      const overlaps = found.some((e) => offset < e.offset + e.length && e.offset < offset + length);
      if (!overlaps) found.push({ type, offset, length } as MessageEntity);
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}
