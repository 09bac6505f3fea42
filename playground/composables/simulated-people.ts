import type { Chat, User } from "grammy/types";

/** The people who talk to the bot in the chat simulator. Their ids are what per-user keys will show. */
export const PEOPLE: readonly User[] = [
  { id: 424242, is_bot: false, first_name: "Ana", username: "ana_pizza", language_code: "es" },
  { id: 171717, is_bot: false, first_name: "Ben", language_code: "en" },
  { id: 505050, is_bot: false, first_name: "Chloé", username: "chloe_eats", language_code: "fr" },
];

/** The group all three are in: a supergroup, so its id has Telegram's `-100…` form. */
export const GROUP_ID = -1001234567890;

/** Where a message goes: the sender's private chat with the bot, or the group. */
export type ChatChoice = "private" | "group";

/** The chat a message from `from` lands in. A private chat's id is the user's id, as in Telegram. */
export function chatFor(choice: ChatChoice, from: User, groupTitle: string): Chat {
  if (choice === "group") return { id: GROUP_ID, type: "supergroup", title: groupTitle };
  return { id: from.id, type: "private", first_name: from.first_name, ...(from.username ? { username: from.username } : {}) };
}
