import type { ValidatorMessages } from "../../playground/telegram/validator-messages";

/** The update validator's sentences (JSON paths, field names and values stay as typed). */
export const validator: ValidatorMessages = {
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
