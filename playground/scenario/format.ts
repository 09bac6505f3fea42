/**
 * The scenario format: a short text that says, one line per update, who sends what where.
 *
 * ```text
 * # comments and blank lines are ignored
 * ana @ group: I love 🍕
 * ben @ group: /hunger
 * ana @ private: hello
 * chloe @ inline: pizza places
 * ben @ poll: 0
 * ana @ group: [button pizza:add]
 * ```
 *
 * Grammar (names are case-insensitive, spaces around `@` and `:` are optional):
 *
 * ```text
 * scenario := line*                      lines are separated by \n or \r\n
 * line     := blank | comment | step
 * blank    := only spaces or tabs
 * comment  := spaces, then "#", then anything (only whole lines: a "#" after the colon is text)
 * step     := person "@" place ":" content
 * person   := "ana" | "ben" | "chloe"                       see CAST
 * place    := "private" | "group" | "group2" | "inline" | "poll"
 * content  := the rest of the line, without surrounding spaces, read according to the place:
 *   private, group, group2   "[button DATA]" presses a button with callback data DATA (1–64 bytes)
 *                            on the bot's last message in that chat; anything else is a text
 *                            message of 1–4096 characters
 *   inline                   an inline query of 0–256 characters (it belongs to no chat)
 *   poll                     the options chosen in the bot's poll: distinct numbers 0–11
 *                            separated by commas or spaces; nothing retracts the vote
 * ```
 *
 * Every place is a fixed chat: `private` is the sender's own private chat with the bot, `group`
 * and `group2` are two groups all three people are in.
 */
import type { Chat, User } from "grammy/types";
import type { Locale } from "../i18n/locale";

/** A text in every language the site speaks. */
export type Localized = Readonly<Record<Locale, string>>;

/** The names a scenario can use for people, in the order error messages list them. */
export const PERSON_NAMES = ["ana", "ben", "chloe"] as const;
/** One of {@link PERSON_NAMES}. */
export type PersonName = (typeof PERSON_NAMES)[number];

/**
 * The people who appear in scenarios. Their ids are those of the chat simulator's people, so a
 * per-user session key reads the same in the comparison views as in the playground.
 */
export const CAST: Readonly<Record<PersonName, User>> = Object.freeze({
  ana: Object.freeze({ id: 424242, is_bot: false, first_name: "Ana", username: "ana_pizza", language_code: "es" }),
  ben: Object.freeze({ id: 171717, is_bot: false, first_name: "Ben", language_code: "en" }),
  chloe: Object.freeze({ id: 505050, is_bot: false, first_name: "Chloé", username: "chloe_eats", language_code: "fr" }),
});

/** The places a scenario can name, in the order error messages list them. */
export const PLACE_NAMES = ["private", "group", "group2", "inline", "poll"] as const;
/** One of {@link PLACE_NAMES}. */
export type PlaceName = (typeof PLACE_NAMES)[number];
/** The places that are chats: messages and button presses happen there. */
export type ChatPlace = "private" | "group" | "group2";

/** The two groups. Supergroups, so their ids have Telegram's `-100…` form; `group` is the chat simulator's group. */
export const GROUPS: Readonly<Record<"group" | "group2", Chat.SupergroupChat>> = Object.freeze({
  group: Object.freeze({ id: -1001234567890, type: "supergroup", title: "Pizza Lovers" }),
  group2: Object.freeze({ id: -1009876543210, type: "supergroup", title: "Night Owls" }),
});

/** The chat a step at `place` by `person` happens in: a private chat's id is the person's id, as in Telegram. */
export function chatOf(place: ChatPlace, person: PersonName): Chat {
  if (place !== "private") return GROUPS[place];
  const user = CAST[person];
  return { id: user.id, type: "private", first_name: user.first_name, ...(user.username ? { username: user.username } : {}) };
}

/** Telegram's limits, which the parser enforces so every step is an update Telegram could send. */
export const LIMITS = Object.freeze({ messageText: 4096, inlineQuery: 256, callbackDataBytes: 64, pollOptions: 12 });

/** What a parsed line does. `line` is its 1-based line number in the scenario text. */
export type Step =
  | { line: number; person: PersonName; place: ChatPlace; kind: "message"; text: string }
  | { line: number; person: PersonName; place: ChatPlace; kind: "button"; data: string }
  | { line: number; person: PersonName; place: "inline"; kind: "inline"; query: string }
  | { line: number; person: PersonName; place: "poll"; kind: "poll"; options: number[] };

/** The line that {@link parseScenario} reads back as `step` (apart from its line number). */
export function formatStep(step: Step): string {
  const head = `${step.person} @ ${step.place}:`;
  switch (step.kind) {
    case "message":
      return `${head} ${step.text}`;
    case "button":
      return `${head} [button ${step.data}]`;
    case "inline":
      return step.query === "" ? head : `${head} ${step.query}`;
    case "poll":
      return step.options.length === 0 ? head : `${head} ${step.options.join(", ")}`;
  }
}

/** A scenario text with one line per step. */
export function formatScenario(steps: readonly Step[]): string {
  return steps.map(formatStep).join("\n");
}
