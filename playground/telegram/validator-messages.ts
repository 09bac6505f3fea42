/**
 * The sentences of the update validator (`update-validator.ts`), in each language the playground
 * speaks (each language's are in `locales/<lang>/validator.ts`). The validator decides *what* is wrong; the sentences decide how to say it, so the
 * Spanish page lists its problems in Spanish. JSON paths, field names and values are never translated:
 * they are what the user types.
 */
import { VALIDATOR_MESSAGES } from "../../locales";
import type { Locale } from "../i18n/locale";

/**
 * A JSON value as the validator saw it, before it is put into words: strings arrive already quoted
 * and shortened, so every language shows the same excerpt.
 */
export type Described =
  | { kind: "null" }
  | { kind: "array" }
  | { kind: "object" }
  | { kind: "string"; quoted: string }
  | { kind: "integer"; value: number }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "other"; type: string };

/** Why a missing required field matters; each key is explained in every language. */
export type MissingReason =
  | "userId"
  | "userIsBot"
  | "userFirstName"
  | "chatId"
  | "chatType"
  | "inlineKeyboard"
  | "messageId"
  | "messageDate"
  | "messageChat"
  | "messageFrom"
  | "editDate"
  | "callbackId"
  | "callbackFrom"
  | "callbackChatInstance"
  | "inlineId"
  | "inlineFrom"
  | "inlineQueryText"
  | "inlineOffset"
  | "pollAnswerPollId"
  | "pollAnswerOptionIds";

/** Every sentence the validator can produce; `actual` is always the output of {@link ValidatorMessages.describe}. */
export interface ValidatorMessages {
  /** A value in words: "a string ("12")", "an array"… */
  describe(value: Described): string;
  /** The explanation for a missing field, without the trailing full stop. */
  why: Record<MissingReason, string>;
  mustBeInteger(path: string, actual: string): string;
  mustBeNonNegativeInteger(path: string, actual: string): string;
  mustBeString(path: string, actual: string): string;
  mustBeBoolean(path: string, actual: string): string;
  onlyTrue(path: string, actual: string): string;
  mustBeObject(path: string, actual: string): string;
  mustBeArray(path: string, actual: string): string;
  /** `allowed` is already quoted and joined: `"private", "group"`. */
  mustBeOneOf(path: string, allowed: string, actual: string): string;
  missing(path: string, why?: string): string;
  privateChatNeedsFirstName(path: string): string;
  chatNeedsTitle(path: string, type: string): string;
  entitiesWithoutText(path: string, entitiesField: string, textField: string): string;
  entityPastEnd(path: string, entitiesField: string, index: number, textField: string, offset: number, length: number, textLength: number): string;
  callbackNeedsMessage(path: string): string;
  pollAnswerNeedsVoter(path: string): string;
  notJson(detail: string): string;
  notAnObject(actual: string): string;
  updateIdMissing(): string;
  /** `known` is already joined: `message, edited_message, …`. */
  unknownKind(path: string, known: string): string;
  noContent(): string;
  /** `kinds` is already joined: `message, inline_query`. */
  severalKinds(count: number, kinds: string): string;
}

/** The validator's sentences in `locale`. */
export function validatorMessages(locale: Locale): ValidatorMessages {
  return VALIDATOR_MESSAGES[locale];
}
