import type { PresetStrings } from "../../playground/scenario/presets";

/**
 * The ready-made scenarios' words: title, description, the scenario's comment line, and the lines people
 * write in words, in the order they are sent. The updates themselves (who, where, commands, lone 🍕,
 * buttons, poll answers) are in `playground/scenario/presets.ts`, the same in every language.
 */
export const presets: PresetStrings = {
  "busy-group": {
    title: "A busy group",
    description:
      "Ten messages in a group: two add a pizza, two ask /hunger, six are chatter the bot ignores. Strict sessions read the storage for all ten; lazy sessions only for the four that touch ctx.session.",
    comment: "Ten updates in one group chat",
    lines: [
      "morning everyone!",
      "who is up for lunch?",
      "I love 🍕",
      "same here",
      "one more 🍕",
      "ok, see you at one",
      "bring napkins",
      "will do",
    ],
  },
  "private-chat": {
    title: "A private chat",
    description:
      "Ana talks to the bot alone, and every message adds a pizza or asks for the count. Both kinds of session read and write on every update: here lazy sessions save nothing.",
    comment: "Every update touches the session",
    lines: [
      "another 🍕 please",
    ],
  },
  "inline-mix": {
    title: "Chats, inline queries and a poll",
    description:
      "Messages in a group and in private chats, mixed with inline queries and poll answers. Chatter costs a read under strict sessions only. Inline queries and poll answers belong to no chat: with the default key they get no session and cause no storage call, even under strict sessions. A per-user key gives inline queries a session; poll answers still have none.",
    comment: "Updates with and without a chat",
    lines: [
      "I love 🍕",
      "pizza places",
      "anyone hungry?",
      "🍕 for me too",
      "see you later",
    ],
  },
  "lost-update": {
    title: "Two pizzas at the same moment",
    description:
      "Ana sends a pizza in her private chat and another in the group at the same moment. With a per-user key both updates load the same session. Handled one after another (as bot.start() does), the count ends at 2. Handled concurrently (a webhook server, grammY's runner), both read the old value and the second write overwrites the first: one pizza is lost.",
    comment: "Sent at the same moment",
    lines: [],
  },
};
