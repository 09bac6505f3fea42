/**
 * Checks an update typed by hand (the playground's JSON editor) before it is sent to the bot, so
 * the user reads "update.message.chat.id must be an integer" instead of a confusing failure deep
 * inside grammY. It checks the fields grammY and the simulator rely on, and the types of the
 * fields it knows; unknown extra fields pass, as Telegram adds new ones with every Bot API version.
 * The sentences themselves live in `validator-messages.ts`, one catalogue per page language.
 */
import type { Update } from "grammy/types";
import { UPDATE_KINDS } from "virtual:bot-api-schema";
import { validatorMessages, type Described, type MissingReason, type ValidatorMessages } from "./validator-messages";
import type { Locale } from "../i18n/locale";

/** Every kind of update the Bot API sends: the keys of grammY's `Update` type, read at build time. */
export { UPDATE_KINDS };

/** One of {@link UPDATE_KINDS}. */
export type UpdateKind = Exclude<keyof Update, "update_id">;

/** The verdict of {@link validateUpdate}: the typed update, or every problem found (one sentence each). */
export type UpdateValidation = { ok: true; update: Update } | { ok: false; errors: string[] };

/** Where a check writes its findings, and the language it writes them in. */
interface Report {
  errors: string[];
  t: ValidatorMessages;
}
type Check = (value: unknown, path: string, report: Report) => void;
interface Field {
  check: Check;
  required: boolean;
  /** Why a missing field matters, appended to the "is missing" sentence. */
  why?: MissingReason;
}

const req = (check: Check, why?: MissingReason): Field => ({ check, required: true, why });
const opt = (check: Check): Field => ({ check, required: false });

/** The value as error sentences show it: "a string ("12")", "an array", "null"… in the report's language. */
function describe(value: unknown, t: ValidatorMessages): string {
  return t.describe(classify(value));
}

function classify(value: unknown): Described {
  if (value === null) return { kind: "null" };
  if (Array.isArray(value)) return { kind: "array" };
  switch (typeof value) {
    case "string":
      return { kind: "string", quoted: JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value) };
    case "number":
      return Number.isInteger(value) ? { kind: "integer", value } : { kind: "number", value };
    case "boolean":
      return { kind: "boolean", value };
    case "object":
      return { kind: "object" };
    default:
      return { kind: "other", type: typeof value };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const integer: Check = (v, path, { errors, t }) => {
  if (typeof v !== "number" || !Number.isInteger(v)) errors.push(t.mustBeInteger(path, describe(v, t)));
};
const nonNegativeInteger: Check = (v, path, { errors, t }) => {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) errors.push(t.mustBeNonNegativeInteger(path, describe(v, t)));
};
const string: Check = (v, path, { errors, t }) => {
  if (typeof v !== "string") errors.push(t.mustBeString(path, describe(v, t)));
};
const boolean: Check = (v, path, { errors, t }) => {
  if (typeof v !== "boolean") errors.push(t.mustBeBoolean(path, describe(v, t)));
};
const trueOnly: Check = (v, path, { errors, t }) => {
  if (v !== true) errors.push(t.onlyTrue(path, describe(v, t)));
};
const anyObject: Check = (v, path, { errors, t }) => {
  if (!isRecord(v)) errors.push(t.mustBeObject(path, describe(v, t)));
};
const anyArray: Check = (v, path, { errors, t }) => {
  if (!Array.isArray(v)) errors.push(t.mustBeArray(path, describe(v, t)));
};

function oneOf(...allowed: string[]): Check {
  const list = allowed.map((a) => JSON.stringify(a)).join(", ");
  return (v, path, { errors, t }) => {
    if (typeof v !== "string" || !allowed.includes(v)) errors.push(t.mustBeOneOf(path, list, describe(v, t)));
  };
}

function arrayOf(item: Check): Check {
  return (v, path, report) => {
    if (!Array.isArray(v)) {
      report.errors.push(report.t.mustBeArray(path, describe(v, report.t)));
      return;
    }
    v.forEach((element, i) => item(element, `${path}[${i}]`, report));
  };
}

/** An object with the given fields; `extra` runs only when the fields themselves are fine. */
function object(fields: Record<string, Field>, extra?: (value: Record<string, unknown>, path: string, report: Report) => void): Check {
  return (v, path, report) => {
    const { errors, t } = report;
    if (!isRecord(v)) {
      errors.push(t.mustBeObject(path, describe(v, t)));
      return;
    }
    const before = errors.length;
    for (const [name, field] of Object.entries(fields)) {
      const value = v[name];
      if (value === undefined) {
        if (field.required) errors.push(t.missing(`${path}.${name}`, field.why && t.why[field.why]));
        continue;
      }
      field.check(value, `${path}.${name}`, report);
    }
    if (extra && errors.length === before) extra(v, path, report);
  };
}

const user: Check = object({
  id: req(integer, "userId"),
  is_bot: req(boolean, "userIsBot"),
  first_name: req(string, "userFirstName"),
  last_name: opt(string),
  username: opt(string),
  language_code: opt(string),
  is_premium: opt(trueOnly),
});

const chat: Check = object(
  {
    id: req(integer, "chatId"),
    type: req(oneOf("private", "group", "supergroup", "channel"), "chatType"),
    title: opt(string),
    username: opt(string),
    first_name: opt(string),
    last_name: opt(string),
  },
  (c, path, { errors, t }) => {
    if (c.type === "private" && c.first_name === undefined) errors.push(t.privateChatNeedsFirstName(path));
    if (c.type !== "private" && c.title === undefined) errors.push(t.chatNeedsTitle(path, String(c.type)));
  },
);

const entity: Check = object({
  type: req(string),
  offset: req(nonNegativeInteger),
  length: req(nonNegativeInteger),
  url: opt(string),
});

/** Entities must lie inside the text they describe (offsets count UTF-16 code units). */
function entitiesInside(textField: string, entitiesField: string) {
  return (m: Record<string, unknown>, path: string, { errors, t }: Report) => {
    const text = m[textField];
    const entities = m[entitiesField];
    if (!Array.isArray(entities)) return;
    if (typeof text !== "string") {
      errors.push(t.entitiesWithoutText(path, entitiesField, textField));
      return;
    }
    entities.forEach((e: { offset: number; length: number }, i) => {
      if (e.offset + e.length > text.length) {
        errors.push(t.entityPastEnd(path, entitiesField, i, textField, e.offset, e.length, text.length));
      }
    });
  };
}

const inlineKeyboardMarkup: Check = object({
  inline_keyboard: req(arrayOf(arrayOf(object({ text: req(string) }))), "inlineKeyboard"),
});

function messageCheck(options: { from: boolean; edited: boolean }): Check {
  const fields: Record<string, Field> = {
    message_id: req(integer, "messageId"),
    date: req(integer, "messageDate"),
    chat: req((v, p, e) => chat(v, p, e), "messageChat"),
    from: options.from ? req(user, "messageFrom") : opt(user),
    sender_chat: opt((v, p, e) => chat(v, p, e)),
    edit_date: options.edited ? req(integer, "editDate") : opt(integer),
    text: opt(string),
    entities: opt(arrayOf(entity)),
    caption: opt(string),
    caption_entities: opt(arrayOf(entity)),
    reply_to_message: opt((v, p, e) => plainMessage(v, p, e)),
    reply_markup: opt(inlineKeyboardMarkup),
  };
  const text = entitiesInside("text", "entities");
  const caption = entitiesInside("caption", "caption_entities");
  return object(fields, (m, path, report) => {
    text(m, path, report);
    caption(m, path, report);
  });
}

const plainMessage: Check = messageCheck({ from: false, edited: false });

const callbackQuery: Check = object(
  {
    id: req(string, "callbackId"),
    from: req(user, "callbackFrom"),
    chat_instance: req(string, "callbackChatInstance"),
    message: opt(plainMessage),
    inline_message_id: opt(string),
    data: opt(string),
    game_short_name: opt(string),
  },
  (q, path, { errors, t }) => {
    if (q.message === undefined && q.inline_message_id === undefined) errors.push(t.callbackNeedsMessage(path));
  },
);

const inlineQuery: Check = object({
  id: req(string, "inlineId"),
  from: req(user, "inlineFrom"),
  query: req(string, "inlineQueryText"),
  offset: req(string, "inlineOffset"),
  chat_type: opt(oneOf("sender", "private", "group", "supergroup", "channel")),
});

const chosenInlineResult: Check = object({
  result_id: req(string),
  from: req(user),
  query: req(string),
  inline_message_id: opt(string),
});

const pollAnswer: Check = object(
  {
    poll_id: req(string, "pollAnswerPollId"),
    option_ids: req(arrayOf(nonNegativeInteger), "pollAnswerOptionIds"),
    option_persistent_ids: opt(arrayOf(string)),
    user: opt(user),
    voter_chat: opt(chat),
  },
  (a, path, { errors, t }) => {
    if (a.user === undefined && a.voter_chat === undefined) errors.push(t.pollAnswerNeedsVoter(path));
  },
);

const poll: Check = object({
  id: req(string),
  question: req(string),
  options: req(arrayOf(object({ text: req(string), voter_count: req(nonNegativeInteger) }))),
  total_voter_count: req(nonNegativeInteger),
  is_closed: req(boolean),
  is_anonymous: req(boolean),
  type: req(oneOf("regular", "quiz")),
  allows_multiple_answers: req(boolean),
});

const chatMemberUpdated: Check = object({
  chat: req(chat),
  from: req(user),
  date: req(integer),
  old_chat_member: req(object({ status: req(string), user: req(user) })),
  new_chat_member: req(object({ status: req(string), user: req(user) })),
});

const chatJoinRequest: Check = object({
  chat: req(chat),
  from: req(user),
  user_chat_id: req(integer),
  date: req(integer),
});

const messageReaction: Check = object({
  chat: req(chat),
  message_id: req(integer),
  date: req(integer),
  old_reaction: req(anyArray),
  new_reaction: req(anyArray),
  user: opt(user),
  actor_chat: opt(chat),
});

/** Detailed checks for the kinds the playground sends; the others must at least be objects. */
const KIND_CHECKS: Partial<Record<UpdateKind, Check>> = {
  message: messageCheck({ from: true, edited: false }),
  edited_message: messageCheck({ from: true, edited: true }),
  channel_post: messageCheck({ from: false, edited: false }),
  edited_channel_post: messageCheck({ from: false, edited: true }),
  business_message: messageCheck({ from: false, edited: false }),
  edited_business_message: messageCheck({ from: false, edited: true }),
  guest_message: messageCheck({ from: true, edited: false }),
  callback_query: callbackQuery,
  inline_query: inlineQuery,
  chosen_inline_result: chosenInlineResult,
  poll_answer: pollAnswer,
  poll,
  my_chat_member: chatMemberUpdated,
  chat_member: chatMemberUpdated,
  chat_join_request: chatJoinRequest,
  message_reaction: messageReaction,
};

const KNOWN_KINDS = new Set<string>(UPDATE_KINDS);

/**
 * Validates an update before it is sent: accepts a parsed JSON value or JSON text. Refuses
 * non-objects, a missing or non-integer `update_id`, zero or several update kinds, unknown kinds,
 * and known kinds with missing or mistyped fields. Each error is one sentence in `locale` naming the
 * JSON path, e.g. `update.message.chat.id must be an integer, but it is a string ("12").`
 */
export function validateUpdate(json: unknown, locale: Locale = "en"): UpdateValidation {
  const t = validatorMessages(locale);
  let value = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch (error) {
      return { ok: false, errors: [t.notJson((error as Error).message)] };
    }
  }
  if (!isRecord(value)) return { ok: false, errors: [t.notAnObject(describe(value, t))] };
  const report: Report = { errors: [], t };
  const { errors } = report;
  if (value.update_id === undefined) errors.push(t.updateIdMissing());
  else nonNegativeInteger(value.update_id, "update.update_id", report);
  const keys = Object.keys(value).filter((k) => k !== "update_id");
  const unknown = keys.filter((k) => !KNOWN_KINDS.has(k));
  for (const k of unknown) errors.push(t.unknownKind(`update.${k}`, UPDATE_KINDS.join(", ")));
  const kinds = keys.filter((k) => KNOWN_KINDS.has(k)) as UpdateKind[];
  if (kinds.length === 0 && unknown.length === 0) errors.push(t.noContent());
  else if (kinds.length > 1) errors.push(t.severalKinds(kinds.length, kinds.join(", ")));
  for (const kind of kinds) (KIND_CHECKS[kind] ?? anyObject)(value[kind], `update.${kind}`, report);
  return errors.length === 0 ? { ok: true, update: value as unknown as Update } : { ok: false, errors };
}
