import type { KeyStrategy, ProgramStrings } from "../../playground/scenario/programs";
import type { ScenarioErrorStrings } from "../../playground/scenario/errors";
import type { VerdictStrings } from "../../playground/scenario/verdict";
import { LIMITS, PERSON_NAMES, PLACE_NAMES } from "../../playground/scenario/format";

const numbers = /* @__PURE__ */ new Intl.NumberFormat("en-US");
const n = (value: number) => numbers.format(value);
const calls = (count: number) => verdict.calls(count);
const bytes = (count: number) => verdict.bytes(count);
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const quote = (s: string) => `"${s}"`;
const EXAMPLE = "ana @ group: I love 🍕";

/** "a, b or c". */
function listOf(items: readonly string[]): string {
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** The scenario parser's refusals: each names what to write instead. */
export const scenarioErrors: ScenarioErrorStrings = {
  line: "Line",
  reasons: {
    "missing-at": () => `expected "person @ place: text", like "${EXAMPLE}", but there is no "@"`,
    "missing-colon": () => `expected a ":" after the place, like "${EXAMPLE}"`,
    "missing-person": () => `no person before "@" — use ${listOf(PERSON_NAMES)}`,
    "unknown-person": (r) => `unknown person ${quote(r.name)} — use ${listOf(PERSON_NAMES)}`,
    "missing-place": () => `no place between "@" and ":" — use ${listOf(PLACE_NAMES)}`,
    "unknown-place": (r) => `unknown place ${quote(r.place)} — use ${listOf(PLACE_NAMES)}`,
    "empty-message": () => `the message is empty — write some text after ":", or "[button data]" to press a button`,
    "message-too-long": (r) => `the message has ${r.length} characters; Telegram allows at most ${LIMITS.messageText}`,
    "empty-button": () => `the button has no callback data — write it like "[button pizza:add]"`,
    "button-data-too-long": (r) => `the button's callback data has ${r.bytes} bytes; Telegram allows 1 to ${LIMITS.callbackDataBytes}`,
    "button-outside-chat": (r) => `buttons are pressed in a chat, not at ${quote(r.place)} — use private, group or group2`,
    "inline-query-too-long": (r) => `the inline query has ${r.length} characters; Telegram allows at most ${LIMITS.inlineQuery}`,
    "bad-poll-option": (r) =>
      `${quote(r.option)} is not a poll option — write option numbers from 0 to ${LIMITS.pollOptions - 1}, like "0" or "0, 2", or nothing to retract the vote`,
    "duplicate-poll-option": (r) => `option ${r.option} is chosen twice — name each option once`,
  },
};

/** The plain-language summary under a comparison (the numbers come from the tallies). */
export const verdict: VerdictStrings = {
  n: (v) => numbers.format(v),
  calls: (c) => (c === 1 ? "storage call" : "storage calls"),
  bytes: (c) => (c === 1 ? "byte" : "bytes"),
  none: (base, other) => `Neither ${base} nor ${other} called the storage.`,
  saved: (other, saved, of) => `${capitalize(other)} saved ${n(saved)} of ${n(of)} ${calls(of)}.`,
  more: (other, base, more, b, a) => `${capitalize(other)} made ${n(more)} more ${calls(more)} than ${base}: ${n(b)} instead of ${n(a)}.`,
  same: (other, base, count) => `${capitalize(other)} and ${base} made the same number of storage calls: ${n(count)}.`,
  fewerBytes: (other, fewer, b, a) => `${capitalize(other)} wrote ${n(fewer)} fewer ${bytes(fewer)}: ${n(b)} instead of ${n(a)}.`,
  moreBytes: (other, more, b, a) => `${capitalize(other)} wrote ${n(more)} more ${bytes(more)}: ${n(b)} instead of ${n(a)}.`,
};

const keyWords: Record<KeyStrategy, string> = { chat: "per chat", user: "per user", "user-chat": "per user and chat" };

/** The comments and the bot's reply of the generated comparison programs. */
export const programText: ProgramStrings = {
  header: (s) =>
    `// ${s.mode === "strict" ? "Strict session()" : "lazySession()"}, one session ${keyWords[s.key]}, ` +
    `in the IndexedDB store "${s.store}".`,
  data: "// What each session remembers.",
  lazyFlavor: "// With lazy sessions, `ctx.session` is a promise of the data until it has been read.",
  keyComment: {
    chat: ["// No getSessionKey: grammY's default key is the chat id, `ctx.chatId`."],
    user: ["// Keyed by the sender: the same session in every chat. Poll answers have no `ctx.from`, so no key."],
    "user-chat": ["// Keyed by sender and chat: in a group, every member has a count of their own."],
  },
  pizza: "// A 🍕 anywhere in a message adds a pizza.",
  hunger: "// /hunger reads the count and offers a button that adds one more.",
  reply: "`Your hunger level is ${count}!`",
  button: "// Pressing the button adds a pizza too.",
  inline:
    "// Inline queries belong to no chat (with the default key they have no session): this handler leaves\n" +
    "// `ctx.session` alone. Poll answers, and messages without 🍕 or /hunger, reach no handler at all:\n" +
    "// only the session middleware sees them.",
  sessionKey: "// The session's key, and the key sequentialize keeps apart.",
  sequentialize: [
    "// Before the session: an update waits until every earlier update with its key is done, session",
    "// write included, so two updates of one session never overlap. Other keys do not wait.",
  ],
  concurrent: [
    "// No bot.start(), which hands the bot one update at a time: here each update goes to",
    "// bot.handleUpdate as soon as it arrives, while earlier ones may still be running, as with a",
    "// webhook server or grammY's runner. The playground delivers the updates that way.",
  ],
};
