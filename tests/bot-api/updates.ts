/**
 * Who writes to the emulator's bot by default, and its clock. The updates themselves are the
 * playground's (`playground/telegram/updates.ts`), built the way the chat simulator builds them.
 */
import type { Chat, User } from "grammy/types";

/** The user every emulator test writes as, unless told otherwise. */
export const ANA: User = Object.freeze({ id: 424_242, is_bot: false, first_name: "Ana", language_code: "es" });

/** Ana's private chat with the bot: in a private chat, the chat id is the user's id. */
export const ANA_CHAT: Chat.PrivateChat = Object.freeze({ id: ANA.id, type: "private", first_name: "Ana" });

/** Unix time in seconds, the Bot API's `date`. */
export function nowInSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
