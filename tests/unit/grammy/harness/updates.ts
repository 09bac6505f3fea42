import type { Chat, Message, Update, User } from "grammy/types";

/** A user as Telegram describes them in updates. */
export const ALICE: User = { id: 5012345678, is_bot: false, first_name: "Alice", username: "alice_eats", language_code: "en" };
/** A second user, for claims about two people sharing a chat. */
export const BOB: User = { id: 6023456789, is_bot: false, first_name: "Bob", language_code: "es" };

/** A basic group: Telegram gives these small negative ids. */
export const PIZZA_GROUP: Chat.GroupChat = { id: -4012345678, type: "group", title: "Pizza Friday" };
/** A supergroup: Telegram gives these ids of the form -100…. */
export const SUPERGROUP: Chat.SupergroupChat = { id: -1002087654321, type: "supergroup", title: "Pizza Makers", username: "pizzamakers" };
/** A channel: posts in it carry no `from`. */
export const CHANNEL: Chat.ChannelChat = { id: -1001987654321, type: "channel", title: "Pizza News", username: "pizzanews" };

/** The private chat between `user` and the bot: its id is the user's id. */
export function privateChatOf(user: User): Chat.PrivateChat {
  return { id: user.id, type: "private", first_name: user.first_name, ...(user.username ? { username: user.username } : {}) };
}

/** Any chat a user can write in (every chat but a channel). */
export type UserChat = Exclude<Chat, Chat.ChannelChat>;

/**
 * Builds updates the way the Bot API delivers them: increasing `update_id`s, per-chat increasing `message_id`s,
 * Unix-second dates, and a `bot_command` entity on commands (grammY's `bot.command` matches on that entity, not on the text).
 */
export class UpdateFactory {
  private nextUpdateId = 100_000_001;
  private readonly messageIds = new Map<number, number>();

  /** @param botUsername the bot's username, used for `/command@bot` in groups */
  constructor(private readonly botUsername = "session_lab_bot") {}

  /** A text message from `from` in `chat` (the user's private chat when `chat` is omitted). */
  message(from: User, text: string, chat: UserChat = privateChatOf(from)): Update {
    return { update_id: this.updateId(), message: { ...this.textMessage(chat, text), from, chat } };
  }

  /**
   * `/command args` from `from` in `chat`. In groups, pass `mention: true` to address the bot as `/command@bot`,
   * which is what Telegram's command menu sends there.
   */
  command(from: User, command: string, chat: UserChat = privateChatOf(from), options: { args?: string; mention?: boolean } = {}): Update {
    const head = `/${command}${options.mention ? `@${this.botUsername}` : ""}`;
    const text = options.args ? `${head} ${options.args}` : head;
    const message = { ...this.textMessage(chat, text), from, chat, entities: [{ type: "bot_command" as const, offset: 0, length: head.length }] };
    return { update_id: this.updateId(), message };
  }

  /** A post in a channel: it has a chat but no `from`. */
  channelPost(chat: Chat.ChannelChat, text: string): Update {
    return { update_id: this.updateId(), channel_post: { ...this.textMessage(chat, text), chat, sender_chat: chat } };
  }

  /** A press on an inline button under a bot message in `chat`: `ctx.chat` comes from the attached message. */
  callbackQuery(from: User, data: string, chat: UserChat = privateChatOf(from)): Update {
    const message: Message = { ...this.textMessage(chat, "Choose a topping:"), chat, from: botUser(this.botUsername) };
    return { update_id: this.updateId(), callback_query: { id: this.queryId(from), from, message, chat_instance: "-7133554012958711234", data } };
  }

  /** A press on a button of a message sent via inline mode: there is no message and so no chat. */
  inlineCallbackQuery(from: User, data: string): Update {
    return {
      update_id: this.updateId(),
      callback_query: { id: this.queryId(from), from, inline_message_id: "AgAAAN4tAQBVqhQHmZvXJ7G3ok0", chat_instance: "3947718841372364523", data },
    };
  }

  /** An inline query (`@bot query` typed in any chat): it has a user but no chat. */
  inlineQuery(from: User, query: string): Update {
    return { update_id: this.updateId(), inline_query: { id: this.queryId(from), from, query, offset: "", chat_type: "sender" } };
  }

  /** A vote in a non-anonymous poll: it has `user` but neither a chat nor a `from` that grammY's `ctx.from` sees. */
  pollAnswer(user: User, optionIds: number[]): Update {
    return {
      update_id: this.updateId(),
      poll_answer: { poll_id: "5440230785234567890", user, option_ids: optionIds, option_persistent_ids: optionIds.map(String) },
    };
  }

  private updateId(): number {
    return this.nextUpdateId++;
  }

  private queryId(from: User): string {
    return `${from.id}${this.nextUpdateId}`;
  }

  private textMessage(chat: Chat, text: string) {
    const messageId = (this.messageIds.get(chat.id) ?? 0) + 1;
    this.messageIds.set(chat.id, messageId);
    return { message_id: messageId, date: Math.floor(Date.now() / 1000), text };
  }
}

/** The bot as a `User`, as it appears in `from` of its own messages. */
export function botUser(username: string): User {
  return { id: 7890123456, is_bot: true, first_name: "Session Lab", username };
}
