/**
 * The sentences of the update validator (`update-validator.ts`), in each language the playground
 * speaks. The validator decides *what* is wrong; this catalogue decides how to say it, so the
 * Spanish page lists its problems in Spanish. JSON paths, field names and values are never translated:
 * they are what the user types.
 */
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

const en: ValidatorMessages = {
  describe(d) {
    switch (d.kind) {
      case "null":
        return "null";
      case "array":
        return "an array";
      case "object":
        return "an object";
      case "string":
        return `a string (${d.quoted})`;
      case "integer":
        return `the integer ${d.value}`;
      case "number":
        return `the number ${d.value}`;
      case "boolean":
        return `the boolean ${d.value}`;
      case "other":
        return `a ${d.type}`;
    }
  },
  why: {
    userId: "every user has a numeric id",
    userIsBot: "Telegram always says whether a user is a bot",
    userFirstName: "every user has a first name",
    chatId: "grammY's default session key is the chat id",
    chatType: "it tells private chats from groups and channels",
    inlineKeyboard: "an inline keyboard is a list of button rows",
    messageId: "every message has an id in its chat",
    messageDate: "every message has a Unix date in seconds",
    messageChat: "every message belongs to a chat",
    messageFrom: "messages outside channels say who sent them",
    editDate: "an edited message says when it was edited",
    callbackId: "answerCallbackQuery needs it",
    callbackFrom: "a callback query says who tapped the button",
    callbackChatInstance: "Telegram always sends it with a callback query",
    inlineId: "answerInlineQuery needs it",
    inlineFrom: "an inline query says who typed it",
    inlineQueryText: "it is the text the user typed (may be empty)",
    inlineOffset: "it is the paging offset (may be empty)",
    pollAnswerPollId: "it names the poll that was answered",
    pollAnswerOptionIds: "it lists the chosen options (empty for a retracted vote)",
  },
  mustBeInteger: (path, actual) => `${path} must be an integer, but it is ${actual}.`,
  mustBeNonNegativeInteger: (path, actual) => `${path} must be a non-negative integer, but it is ${actual}.`,
  mustBeString: (path, actual) => `${path} must be a string, but it is ${actual}.`,
  mustBeBoolean: (path, actual) => `${path} must be a boolean (true or false), but it is ${actual}.`,
  onlyTrue: (path, actual) => `${path} can only be true when present, but it is ${actual}.`,
  mustBeObject: (path, actual) => `${path} must be an object, but it is ${actual}.`,
  mustBeArray: (path, actual) => `${path} must be an array, but it is ${actual}.`,
  mustBeOneOf: (path, allowed, actual) => `${path} must be one of ${allowed}, but it is ${actual}.`,
  missing: (path, why) => `${path} is missing${why ? `: ${why}` : ""}.`,
  privateChatNeedsFirstName: (path) => `${path}.first_name is missing: a private chat carries the user's first name.`,
  chatNeedsTitle: (path, type) => `${path}.title is missing: a ${type} always has a title.`,
  entitiesWithoutText: (path, entitiesField, textField) => `${path}.${entitiesField} is given, but ${path}.${textField} is missing.`,
  entityPastEnd: (path, entitiesField, index, textField, offset, length, textLength) =>
    `${path}.${entitiesField}[${index}] reaches past the end of ${path}.${textField} ` +
    `(offset ${offset} + length ${length} > ${textLength} UTF-16 code units).`,
  callbackNeedsMessage: (path) =>
    `${path} needs either message (a button under a bot message) or inline_message_id (under an inline message).`,
  pollAnswerNeedsVoter: (path) => `${path} needs user (who voted) or voter_chat (the anonymous chat that voted).`,
  notJson: (detail) => `The update is not valid JSON: ${detail}.`,
  notAnObject: (actual) => `The update must be a JSON object, but it is ${actual}.`,
  updateIdMissing: () => "update.update_id is missing: every update has a numeric id, which the bot uses to confirm it.",
  unknownKind: (path, known) => `${path} is not a kind of update Telegram sends (known kinds: ${known}).`,
  noContent: () => 'The update has no content: add exactly one kind of update, such as "message" or "callback_query".',
  severalKinds: (count, kinds) => `The update has ${count} kinds of update (${kinds}), but Telegram sends exactly one per update.`,
};

const es: ValidatorMessages = {
  describe(d) {
    switch (d.kind) {
      case "null":
        return "null";
      case "array":
        return "un array";
      case "object":
        return "un objeto";
      case "string":
        return `una cadena (${d.quoted})`;
      case "integer":
        return `el número entero ${d.value}`;
      case "number":
        return `el número ${d.value}`;
      case "boolean":
        return `el booleano ${d.value}`;
      case "other":
        return `un valor de tipo ${d.type}`;
    }
  },
  why: {
    userId: "todo usuario tiene un id numérico",
    userIsBot: "Telegram siempre indica si un usuario es un bot",
    userFirstName: "todo usuario tiene un nombre",
    chatId: "la clave de sesión predeterminada de grammY es el id del chat",
    chatType: "distingue los chats privados de los grupos y canales",
    inlineKeyboard: "un teclado inline es una lista de filas de botones",
    messageId: "todo mensaje tiene un id dentro de su chat",
    messageDate: "todo mensaje tiene una fecha Unix en segundos",
    messageChat: "todo mensaje pertenece a un chat",
    messageFrom: "los mensajes que no son de canales indican quién los envió",
    editDate: "un mensaje editado indica cuándo se editó",
    callbackId: "answerCallbackQuery lo necesita",
    callbackFrom: "una callback query indica quién pulsó el botón",
    callbackChatInstance: "Telegram siempre lo envía con una callback query",
    inlineId: "answerInlineQuery lo necesita",
    inlineFrom: "una inline query indica quién la escribió",
    inlineQueryText: "es el texto que escribió el usuario (puede estar vacío)",
    inlineOffset: "es el desplazamiento para paginar (puede estar vacío)",
    pollAnswerPollId: "indica qué encuesta se respondió",
    pollAnswerOptionIds: "enumera las opciones elegidas (vacío si se retiró el voto)",
  },
  mustBeInteger: (path, actual) => `${path} debe ser un número entero, pero es ${actual}.`,
  mustBeNonNegativeInteger: (path, actual) => `${path} debe ser un número entero no negativo, pero es ${actual}.`,
  mustBeString: (path, actual) => `${path} debe ser una cadena, pero es ${actual}.`,
  mustBeBoolean: (path, actual) => `${path} debe ser un booleano (true o false), pero es ${actual}.`,
  onlyTrue: (path, actual) => `${path} solo puede ser true cuando aparece, pero es ${actual}.`,
  mustBeObject: (path, actual) => `${path} debe ser un objeto, pero es ${actual}.`,
  mustBeArray: (path, actual) => `${path} debe ser un array, pero es ${actual}.`,
  mustBeOneOf: (path, allowed, actual) => `${path} debe ser uno de estos valores: ${allowed}; pero es ${actual}.`,
  missing: (path, why) => `Falta ${path}${why ? `: ${why}` : ""}.`,
  privateChatNeedsFirstName: (path) => `Falta ${path}.first_name: un chat privado lleva el nombre del usuario.`,
  chatNeedsTitle: (path, type) => `Falta ${path}.title: un chat de tipo "${type}" siempre tiene título.`,
  entitiesWithoutText: (path, entitiesField, textField) => `Has puesto ${path}.${entitiesField}, pero falta ${path}.${textField}.`,
  entityPastEnd: (path, entitiesField, index, textField, offset, length, textLength) =>
    `${path}.${entitiesField}[${index}] se sale del final de ${path}.${textField} ` +
    `(offset ${offset} + length ${length} > ${textLength} unidades de código UTF-16).`,
  callbackNeedsMessage: (path) =>
    `${path} necesita message (un botón bajo un mensaje del bot) o inline_message_id (bajo un mensaje inline).`,
  pollAnswerNeedsVoter: (path) => `${path} necesita user (quién votó) o voter_chat (el chat anónimo que votó).`,
  notJson: (detail) => `La actualización no es JSON válido: ${detail}.`,
  notAnObject: (actual) => `La actualización debe ser un objeto JSON, pero es ${actual}.`,
  updateIdMissing: () => "Falta update.update_id: toda actualización tiene un id numérico, que el bot usa para confirmarla.",
  unknownKind: (path, known) => `${path} no es un tipo de actualización que envíe Telegram (tipos conocidos: ${known}).`,
  noContent: () => 'La actualización no tiene contenido: añade exactamente un tipo de actualización, como "message" o "callback_query".',
  severalKinds: (count, kinds) =>
    `La actualización tiene ${count} tipos de actualización (${kinds}), pero Telegram envía exactamente uno por actualización.`,
};

/** The validator's sentences in `locale`. */
export function validatorMessages(locale: Locale): ValidatorMessages {
  return MESSAGES[locale];
}

const MESSAGES: Record<Locale, ValidatorMessages> = { en, es };
