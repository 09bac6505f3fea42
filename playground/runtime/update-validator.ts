/**
 * Checks an update typed by hand (the playground's JSON editor) before it is sent to the bot, so
 * the user reads "update.message.chat.id must be an integer" instead of a confusing failure deep
 * inside grammY. It checks the fields grammY and the simulator rely on, and the types of the
 * fields it knows; unknown extra fields pass, as Telegram adds new ones with every Bot API version.
 */
import type { Update } from "grammy/types";

/**
 * Every kind of update the Bot API sends, as grammY 1.46 lists them in
 * `API_CONSTANTS.ALL_UPDATE_TYPES` (a test keeps the two in step). Kept as a copy so the UI does
 * not load grammY just to validate JSON.
 */
export const UPDATE_KINDS = [
  "message",
  "edited_message",
  "channel_post",
  "edited_channel_post",
  "business_connection",
  "business_message",
  "edited_business_message",
  "deleted_business_messages",
  "guest_message",
  "stopped_message_generation",
  "inline_query",
  "chosen_inline_result",
  "callback_query",
  "shipping_query",
  "pre_checkout_query",
  "purchased_paid_media",
  "poll",
  "poll_answer",
  "my_chat_member",
  "managed_bot",
  "chat_join_request",
  "chat_boost",
  "removed_chat_boost",
  "subscription",
  "chat_member",
  "message_reaction",
  "message_reaction_count",
] as const;

/** One of {@link UPDATE_KINDS}. */
export type UpdateKind = (typeof UPDATE_KINDS)[number];

/** The verdict of {@link validateUpdate}: the typed update, or every problem found (one sentence each). */
export type UpdateValidation = { ok: true; update: Update } | { ok: false; errors: string[] };

type Check = (value: unknown, path: string, errors: string[]) => void;
interface Field {
  check: Check;
  required: boolean;
  /** Why a missing field matters, appended to the "is missing" sentence. */
  why?: string;
}

const req = (check: Check, why?: string): Field => ({ check, required: true, why });
const opt = (check: Check): Field => ({ check, required: false });

/** "a string ("12")", "an array", "null"… for error sentences. */
function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string":
      return `a string (${JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value)})`;
    case "number":
      return Number.isInteger(value) ? `the integer ${value}` : `the number ${value}`;
    case "boolean":
      return `the boolean ${value}`;
    case "object":
      return "an object";
    default:
      return `a ${typeof value}`;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const integer: Check = (v, path, errors) => {
  if (typeof v !== "number" || !Number.isInteger(v)) errors.push(`${path} must be an integer, but it is ${describe(v)}.`);
};
const nonNegativeInteger: Check = (v, path, errors) => {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
    errors.push(`${path} must be a non-negative integer, but it is ${describe(v)}.`);
  }
};
const string: Check = (v, path, errors) => {
  if (typeof v !== "string") errors.push(`${path} must be a string, but it is ${describe(v)}.`);
};
const boolean: Check = (v, path, errors) => {
  if (typeof v !== "boolean") errors.push(`${path} must be a boolean (true or false), but it is ${describe(v)}.`);
};
const trueOnly: Check = (v, path, errors) => {
  if (v !== true) errors.push(`${path} can only be true when present, but it is ${describe(v)}.`);
};
const anyObject: Check = (v, path, errors) => {
  if (!isRecord(v)) errors.push(`${path} must be an object, but it is ${describe(v)}.`);
};
const anyArray: Check = (v, path, errors) => {
  if (!Array.isArray(v)) errors.push(`${path} must be an array, but it is ${describe(v)}.`);
};

function oneOf(...allowed: string[]): Check {
  return (v, path, errors) => {
    if (typeof v !== "string" || !allowed.includes(v)) {
      errors.push(`${path} must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}, but it is ${describe(v)}.`);
    }
  };
}

function arrayOf(item: Check): Check {
  return (v, path, errors) => {
    if (!Array.isArray(v)) {
      errors.push(`${path} must be an array, but it is ${describe(v)}.`);
      return;
    }
    v.forEach((element, i) => item(element, `${path}[${i}]`, errors));
  };
}

/** An object with the given fields; `extra` runs only when the fields themselves are fine. */
function object(fields: Record<string, Field>, extra?: (value: Record<string, unknown>, path: string, errors: string[]) => void): Check {
  return (v, path, errors) => {
    if (!isRecord(v)) {
      errors.push(`${path} must be an object, but it is ${describe(v)}.`);
      return;
    }
    const before = errors.length;
    for (const [name, field] of Object.entries(fields)) {
      const value = v[name];
      if (value === undefined) {
        if (field.required) errors.push(`${path}.${name} is missing${field.why ? `: ${field.why}` : ""}.`);
        continue;
      }
      field.check(value, `${path}.${name}`, errors);
    }
    if (extra && errors.length === before) extra(v, path, errors);
  };
}

const user: Check = object({
  id: req(integer, "every user has a numeric id"),
  is_bot: req(boolean, "Telegram always says whether a user is a bot"),
  first_name: req(string, "every user has a first name"),
  last_name: opt(string),
  username: opt(string),
  language_code: opt(string),
  is_premium: opt(trueOnly),
});

const chat: Check = object(
  {
    id: req(integer, "grammY's default session key is the chat id"),
    type: req(oneOf("private", "group", "supergroup", "channel"), "it tells private chats from groups and channels"),
    title: opt(string),
    username: opt(string),
    first_name: opt(string),
    last_name: opt(string),
  },
  (c, path, errors) => {
    if (c.type === "private" && c.first_name === undefined) {
      errors.push(`${path}.first_name is missing: a private chat carries the user's first name.`);
    }
    if (c.type !== "private" && c.title === undefined) {
      errors.push(`${path}.title is missing: a ${String(c.type)} always has a title.`);
    }
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
  return (m: Record<string, unknown>, path: string, errors: string[]) => {
    const text = m[textField];
    const entities = m[entitiesField];
    if (!Array.isArray(entities)) return;
    if (typeof text !== "string") {
      errors.push(`${path}.${entitiesField} is given, but ${path}.${textField} is missing.`);
      return;
    }
    entities.forEach((e: { offset: number; length: number }, i) => {
      if (e.offset + e.length > text.length) {
        errors.push(
          `${path}.${entitiesField}[${i}] reaches past the end of ${path}.${textField} ` +
            `(offset ${e.offset} + length ${e.length} > ${text.length} UTF-16 code units).`,
        );
      }
    });
  };
}

const inlineKeyboardMarkup: Check = object({
  inline_keyboard: req(arrayOf(arrayOf(object({ text: req(string) }))), "an inline keyboard is a list of button rows"),
});

function messageCheck(options: { from: boolean; edited: boolean }): Check {
  const fields: Record<string, Field> = {
    message_id: req(integer, "every message has an id in its chat"),
    date: req(integer, "every message has a Unix date in seconds"),
    chat: req((v, p, e) => chat(v, p, e), "every message belongs to a chat"),
    from: options.from ? req(user, "messages outside channels say who sent them") : opt(user),
    sender_chat: opt((v, p, e) => chat(v, p, e)),
    edit_date: options.edited ? req(integer, "an edited message says when it was edited") : opt(integer),
    text: opt(string),
    entities: opt(arrayOf(entity)),
    caption: opt(string),
    caption_entities: opt(arrayOf(entity)),
    reply_to_message: opt((v, p, e) => plainMessage(v, p, e)),
    reply_markup: opt(inlineKeyboardMarkup),
  };
  const text = entitiesInside("text", "entities");
  const caption = entitiesInside("caption", "caption_entities");
  return object(fields, (m, path, errors) => {
    text(m, path, errors);
    caption(m, path, errors);
  });
}

const plainMessage: Check = messageCheck({ from: false, edited: false });

const callbackQuery: Check = object(
  {
    id: req(string, "answerCallbackQuery needs it"),
    from: req(user, "a callback query says who tapped the button"),
    chat_instance: req(string, "Telegram always sends it with a callback query"),
    message: opt(plainMessage),
    inline_message_id: opt(string),
    data: opt(string),
    game_short_name: opt(string),
  },
  (q, path, errors) => {
    if (q.message === undefined && q.inline_message_id === undefined) {
      errors.push(`${path} needs either message (a button under a bot message) or inline_message_id (under an inline message).`);
    }
  },
);

const inlineQuery: Check = object({
  id: req(string, "answerInlineQuery needs it"),
  from: req(user, "an inline query says who typed it"),
  query: req(string, "it is the text the user typed (may be empty)"),
  offset: req(string, "it is the paging offset (may be empty)"),
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
    poll_id: req(string, "it names the poll that was answered"),
    option_ids: req(arrayOf(nonNegativeInteger), "it lists the chosen options (empty for a retracted vote)"),
    option_persistent_ids: opt(arrayOf(string)),
    user: opt(user),
    voter_chat: opt(chat),
  },
  (a, path, errors) => {
    if (a.user === undefined && a.voter_chat === undefined) {
      errors.push(`${path} needs user (who voted) or voter_chat (the anonymous chat that voted).`);
    }
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
 * and known kinds with missing or mistyped fields. Each error is one sentence naming the JSON
 * path, e.g. `update.message.chat.id must be an integer, but it is a string ("12").`
 */
export function validateUpdate(json: unknown): UpdateValidation {
  let value = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch (error) {
      return { ok: false, errors: [`The update is not valid JSON: ${(error as Error).message}.`] };
    }
  }
  if (!isRecord(value)) {
    return { ok: false, errors: [`The update must be a JSON object, but it is ${describe(value)}.`] };
  }
  const errors: string[] = [];
  if (value.update_id === undefined) {
    errors.push("update.update_id is missing: every update has a numeric id, which the bot uses to confirm it.");
  } else {
    nonNegativeInteger(value.update_id, "update.update_id", errors);
  }
  const keys = Object.keys(value).filter((k) => k !== "update_id");
  const unknown = keys.filter((k) => !KNOWN_KINDS.has(k));
  for (const k of unknown) {
    errors.push(`update.${k} is not a kind of update Telegram sends (known kinds: ${UPDATE_KINDS.join(", ")}).`);
  }
  const kinds = keys.filter((k) => KNOWN_KINDS.has(k)) as UpdateKind[];
  if (kinds.length === 0 && unknown.length === 0) {
    errors.push('The update has no content: add exactly one kind of update, such as "message" or "callback_query".');
  } else if (kinds.length > 1) {
    errors.push(`The update has ${kinds.length} kinds of update (${kinds.join(", ")}), but Telegram sends exactly one per update.`);
  }
  for (const kind of kinds) (KIND_CHECKS[kind] ?? anyObject)(value[kind], `update.${kind}`, errors);
  return errors.length === 0 ? { ok: true, update: value as unknown as Update } : { ok: false, errors };
}
