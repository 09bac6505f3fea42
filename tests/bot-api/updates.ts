/**
 * The updates the Bot API emulator hands to a polling bot: a user's text message and a tap on an
 * inline button. Self-contained on purpose: the playground's builders (`playground/telegram/updates.ts`)
 * pull in a Vite virtual module, which Playwright's loader and plain `vite-node` cannot resolve, and the
 * emulator must load in both.
 */
import type { Chat, Message, MessageEntity, Update, User } from "grammy/types";

/** The user every emulator test writes as, unless told otherwise. */
export const ANA: User = Object.freeze({ id: 424_242, is_bot: false, first_name: "Ana", language_code: "es" });

/** Ana's private chat with the bot: in a private chat, the chat id is the user's id. */
export const ANA_CHAT: Chat.PrivateChat = Object.freeze({ id: ANA.id, type: "private", first_name: "Ana" });

/**
 * The `bot_command` entities Telegram marks in a text: `/cmd` or `/cmd@bot` at the start or after
 * whitespace. grammY's `bot.command()` matches on these entities, not on the text, so without them
 * "/start" would be plain text. Offsets are UTF-16 code units, as in the Bot API (and as JS strings count).
 */
export function commandEntities(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  for (const match of text.matchAll(/(^|\s)(\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?)(?=$|\s)/g)) {
    const offset = (match.index ?? 0) + match[1].length;
    entities.push({ type: "bot_command", offset, length: match[2].length });
  }
  return entities;
}

/** What {@link textMessageUpdate} needs; the ids come from the emulator, which keeps them increasing. */
export interface TextMessageUpdateInit {
  updateId: number;
  messageId: number;
  from: User;
  chat: Chat;
  text: string;
}

/** A `message` update with a text, as Telegram sends it when a user writes to the bot. */
export function textMessageUpdate(init: TextMessageUpdateInit): Update {
  const entities = commandEntities(init.text);
  const message = {
    message_id: init.messageId,
    from: init.from,
    chat: init.chat,
    date: nowInSeconds(),
    text: init.text,
    ...(entities.length > 0 ? { entities } : {}),
  } as Message.TextMessage;
  // In a channel the post comes from the channel itself and arrives as a channel_post.
  if (init.chat.type === "channel") {
    const { from: _from, ...post } = message;
    return { update_id: init.updateId, channel_post: { ...post, sender_chat: init.chat } } as Update;
  }
  return { update_id: init.updateId, message } as Update;
}

/** What {@link callbackQueryUpdate} needs. */
export interface CallbackQueryUpdateInit {
  updateId: number;
  /** The query id; Telegram's are opaque numeric strings. */
  queryId: string;
  from: User;
  /** The bot's message that carries the inline keyboard. */
  message: Message;
  data: string;
}

/** A `callback_query` update: `from` tapped the button with `callback_data` `data` under `message`. */
export function callbackQueryUpdate(init: CallbackQueryUpdateInit): Update {
  return {
    update_id: init.updateId,
    callback_query: {
      id: init.queryId,
      from: init.from,
      message: init.message,
      // Telegram's chat_instance is an opaque string stable per chat; the chat id is stable enough here.
      chat_instance: String(init.message.chat.id),
      data: init.data,
    },
  };
}

/** Unix time in seconds, the Bot API's `date`. */
export function nowInSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
