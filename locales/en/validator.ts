import type { ValidatorMessages } from "../../playground/telegram/validator-messages";

/** The update validator's sentences (JSON paths, field names and values stay as typed). */
export const validator: ValidatorMessages = {
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
