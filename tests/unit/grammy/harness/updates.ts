import type { Chat, Message, Update, User } from "grammy/types";
import { SIMULATED_BOT_INFO } from "../../../../playground/telegram/updates";

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
/** A second channel, for claims about several channels posting in one group. */
export const OTHER_CHANNEL: Chat.ChannelChat = { id: -1001876543210, type: "channel", title: "Slice Daily", username: "slicedaily" };

/**
 * The placeholder `from` of a message an anonymous group admin sent: Telegram puts this service account in
 * `from` and the group itself in `sender_chat`.
 */
export const GROUP_ANONYMOUS_BOT: User = { id: 1087968824, is_bot: true, first_name: "Group", username: "GroupAnonymousBot" };
/**
 * The placeholder `from` of a message a user posted in a group on behalf of one of their channels: Telegram puts
 * this service account in `from` and the channel in `sender_chat`.
 */
export const CHANNEL_BOT: User = { id: 136817688, is_bot: true, first_name: "Channel", username: "Channel_Bot" };

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

  /**
   * A message an anonymous admin sent in `group`, as Telegram delivers it: `from` is the placeholder
   * {@link GROUP_ANONYMOUS_BOT} (the same for every anonymous admin of every group), `sender_chat` is the group, and
   * `author_signature` carries the admin's custom title when they have one.
   */
  anonymousAdminMessage(group: Chat.SupergroupChat | Chat.GroupChat, text: string, authorSignature?: string): Update {
    const message = { ...this.textMessage(group, text), from: GROUP_ANONYMOUS_BOT, sender_chat: group, chat: group };
    return { update_id: this.updateId(), message: authorSignature ? { ...message, author_signature: authorSignature } : message };
  }

  /**
   * A message posted in `group` on behalf of `channel` (a user chose to speak as their channel), as Telegram
   * delivers it: `from` is the placeholder {@link CHANNEL_BOT}, `sender_chat` is the channel.
   */
  messageAsChannel(channel: Chat.ChannelChat, group: Chat.SupergroupChat, text: string): Update {
    return { update_id: this.updateId(), message: { ...this.textMessage(group, text), from: CHANNEL_BOT, sender_chat: channel, chat: group } };
  }

  /** A press on an inline button under a bot message in `chat`: `ctx.chat` comes from the attached message. */
  callbackQuery(from: User, data: string, chat: UserChat = privateChatOf(from)): Update {
    const message: Message = { ...this.textMessage(chat, "Choose a topping:"), chat, from: botUser(this.botUsername) };
    return { update_id: this.updateId(), callback_query: { id: this.queryId(from), from, message, chat_instance: "-7133554012958711234", data } };
  }

  /** A press on the "Play" button of a game message the bot sent in `chat`: `game_short_name` instead of `data`. */
  gameQuery(from: User, gameShortName: string, chat: UserChat = privateChatOf(from)): Update {
    const message: Message = { ...this.textMessage(chat, ""), chat, from: botUser(this.botUsername) };
    return {
      update_id: this.updateId(),
      callback_query: { id: this.queryId(from), from, message, chat_instance: "-7133554012958711234", game_short_name: gameShortName },
    };
  }

  /** `from` put `emoji` on message `messageId` in `chat` (bots receive these when they are admins and ask for them). */
  reaction(from: User, chat: UserChat, messageId: number, emoji: "👍" | "❤" | "🔥"): Update {
    return {
      update_id: this.updateId(),
      message_reaction: {
        chat,
        message_id: messageId,
        user: from,
        date: Math.floor(Date.now() / 1000),
        old_reaction: [],
        new_reaction: [{ type: "emoji", emoji }],
      },
    };
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

  /** The result a user picked from the bot's inline results: a user, no chat. */
  chosenInlineResult(from: User, query: string): Update {
    return { update_id: this.updateId(), chosen_inline_result: { result_id: "margherita", from, query } };
  }

  /**
   * A new state of a poll the bot sent (or a poll that was stopped): the poll itself, with neither a chat nor a
   * sender. Telegram sends these to the bot that owns the poll.
   */
  poll(question: string, options: string[]): Update {
    return {
      update_id: this.updateId(),
      poll: {
        id: "5440230785234567891",
        question,
        options: options.map((text, i) => ({ persistent_id: String(i), text, voter_count: 0 })),
        total_voter_count: 0,
        is_closed: false,
        is_anonymous: true,
        type: "regular",
        allows_multiple_answers: false,
        allows_revoting: false,
        members_only: false,
      },
    };
  }

  /** A shipping query for an invoice with flexible prices: a user, no chat. */
  shippingQuery(from: User): Update {
    return {
      update_id: this.updateId(),
      shipping_query: {
        id: this.queryId(from),
        from,
        invoice_payload: "pizza-order-1",
        shipping_address: { country_code: "IT", state: "", city: "Napoli", street_line1: "Via Toledo 1", street_line2: "", post_code: "80134" },
      },
    };
  }

  /** The last check before a payment: a user, no chat. */
  preCheckoutQuery(from: User): Update {
    return {
      update_id: this.updateId(),
      pre_checkout_query: { id: this.queryId(from), from, currency: "EUR", total_amount: 1250, invoice_payload: "pizza-order-1" },
    };
  }

  /**
   * The service message Telegram posts in a basic group that was upgraded to a supergroup: it comes from the old
   * group and names the new chat id.
   */
  migrateToChat(from: User, group: Chat.GroupChat, supergroupId: number): Update {
    const { message_id, date } = this.textMessage(group, "");
    return { update_id: this.updateId(), message: { message_id, date, chat: group, from, migrate_to_chat_id: supergroupId } };
  }

  /** The matching service message in the new supergroup: it names the old group's id. */
  migrateFromChat(from: User, supergroup: Chat.SupergroupChat, groupId: number): Update {
    const { message_id, date } = this.textMessage(supergroup, "");
    return { update_id: this.updateId(), message: { message_id, date, chat: supergroup, from, migrate_from_chat_id: groupId } };
  }

  /** A message edited by its sender: it belongs to the chat of the message. */
  editedMessage(from: User, text: string, chat: UserChat = privateChatOf(from)): Update {
    const message = { ...this.textMessage(chat, text), from, chat, edit_date: Math.floor(Date.now() / 1000) };
    return { update_id: this.updateId(), edited_message: message };
  }

  /** The bot was added to `chat` by `from`: a chat member update, which has both a chat and a sender. */
  botAdded(from: User, chat: UserChat): Update {
    const bot = botUser(this.botUsername);
    return {
      update_id: this.updateId(),
      my_chat_member: {
        chat,
        from,
        date: Math.floor(Date.now() / 1000),
        old_chat_member: { status: "left", user: bot },
        new_chat_member: { status: "member", user: bot },
      },
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
  return { id: SIMULATED_BOT_INFO.id, is_bot: true, first_name: SIMULATED_BOT_INFO.first_name, username };
}
