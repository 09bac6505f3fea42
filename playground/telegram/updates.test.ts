import { API_CONSTANTS, Bot } from "grammy";
import type { Chat, Message, Update, User } from "grammy/types";
import { describe, expect, it } from "vitest";
import {
  createCallbackQueryUpdate,
  createInlineQueryUpdate,
  createPollAnswerUpdate,
  createTextMessageUpdate,
  createUpdateIdSequence,
  detectEntities,
  SIMULATED_BOT_INFO,
  UpdateIdSequence,
} from "./updates";
import { UPDATE_KINDS, validateUpdate } from "./update-validator";

const alice: User = { id: 111, is_bot: false, first_name: "Alice" };
const privateChat: Chat = { id: 111, type: "private", first_name: "Alice" };
const group: Chat = { id: -4001, type: "group", title: "Friends" };

/** Runs one update through a real grammY bot and returns what the handlers recorded. */
async function handle(update: Update, setup: (bot: Bot, seen: string[]) => void): Promise<string[]> {
  const bot = new Bot("123:TEST", { botInfo: SIMULATED_BOT_INFO });
  const seen: string[] = [];
  setup(bot, seen);
  await bot.handleUpdate(update);
  return seen;
}

describe("createTextMessageUpdate", () => {
  it("builds a message update with the given ids and date", () => {
    const update = createTextMessageUpdate({ from: alice, chat: privateChat, text: "hello", updateId: 5, messageId: 9, date: 1700000000 });
    expect(update).toEqual({
      update_id: 5,
      message: { message_id: 9, date: 1700000000, chat: privateChat, from: alice, text: "hello" },
    });
  });

  it("gives /commands a bot_command entity that grammY's bot.command matches", async () => {
    const update = createTextMessageUpdate({ from: alice, chat: privateChat, text: "/hunger now", updateId: 1 });
    expect(update.message?.entities).toEqual([{ type: "bot_command", offset: 0, length: 7 }]);
    const seen = await handle(update, (bot, seen) => bot.command("hunger", (ctx) => void seen.push(`hunger:${ctx.match}`)));
    expect(seen).toEqual(["hunger:now"]);
  });

  it("handles /cmd@bot in groups: matched for this bot, ignored when addressed to another", async () => {
    const mine = createTextMessageUpdate({ from: alice, chat: group, text: "/hunger@session_lab_bot", updateId: 2 });
    expect(mine.message?.entities).toEqual([{ type: "bot_command", offset: 0, length: 23 }]);
    expect(mine.message?.chat).toEqual(group);
    expect(await handle(mine, (bot, seen) => bot.command("hunger", () => void seen.push("mine")))).toEqual(["mine"]);
    const other = createTextMessageUpdate({ from: alice, chat: group, text: "/hunger@other_bot", updateId: 3 });
    expect(await handle(other, (bot, seen) => bot.command("hunger", () => void seen.push("wrong")))).toEqual([]);
  });

  it("does not treat plain text as a command", async () => {
    const update = createTextMessageUpdate({ from: alice, chat: privateChat, text: "I want 🍕 and/or pasta", updateId: 4 });
    expect(update.message).not.toHaveProperty("entities");
    expect(await handle(update, (bot, seen) => bot.on("::bot_command", () => void seen.push("command")))).toEqual([]);
  });

  it("makes channel posts for channels", () => {
    const channel: Chat = { id: -100777, type: "channel", title: "News" };
    const update = createTextMessageUpdate({ from: alice, chat: channel, text: "post", updateId: 6, messageId: 1, date: 1 });
    expect(update).toEqual({ update_id: 6, channel_post: { message_id: 1, date: 1, chat: channel, sender_chat: channel, text: "post" } });
  });

  it("numbers messages per chat and updates globally when the caller does not", () => {
    const a = createTextMessageUpdate({ from: alice, chat: { ...privateChat, id: 98765 }, text: "a" });
    const b = createTextMessageUpdate({ from: alice, chat: { ...privateChat, id: 98765 }, text: "b" });
    const c = createTextMessageUpdate({ from: alice, chat: { ...group, id: -98765 }, text: "c" });
    expect(b.message!.message_id).toBe(a.message!.message_id + 1);
    expect(c.message!.message_id).toBe(1);
    expect(b.update_id).toBe(a.update_id + 1);
    expect(c.update_id).toBe(b.update_id + 1);
  });
});

describe("detectEntities", () => {
  it("finds commands, mentions, hashtags and links with UTF-16 offsets, never overlapping", () => {
    const text = "🍕 /order@session_lab_bot for @alice_b #dinner see https://grammy.dev/plugins.";
    // The pizza is one character but two UTF-16 code units, so the command starts at 3.
    const at = (part: string) => ({ offset: text.indexOf(part), length: part.length });
    expect(detectEntities(text)).toEqual([
      { type: "bot_command", offset: 3, length: 22 },
      { type: "mention", ...at("@alice_b") },
      { type: "hashtag", ...at("#dinner") },
      { type: "url", ...at("https://grammy.dev/plugins") }, // the final "." is not part of the link
    ]);
  });
});

describe("other update kinds", () => {
  const botMessage = {
    message_id: 20,
    date: 1700000000,
    chat: privateChat,
    from: { id: SIMULATED_BOT_INFO.id, is_bot: true, first_name: "Session Lab", username: "session_lab_bot" },
    text: "Pick one",
    reply_markup: { inline_keyboard: [[{ text: "Pizza", callback_data: "pizza" }]] },
  } as Message;

  it("callback queries reach bot.callbackQuery and share the chat's session key", async () => {
    const update = createCallbackQueryUpdate({ from: alice, message: botMessage, data: "pizza", updateId: 7 });
    expect(update.callback_query).toMatchObject({ from: alice, message: botMessage, data: "pizza" });
    expect(typeof update.callback_query!.id).toBe("string");
    expect(update.callback_query!.chat_instance).toBe(createCallbackQueryUpdate({ from: alice, message: botMessage, data: "x" }).callback_query!.chat_instance);
    const seen = await handle(update, (bot, seen) => bot.callbackQuery("pizza", (ctx) => void seen.push(`tap in ${ctx.chatId}`)));
    expect(seen).toEqual(["tap in 111"]);
  });

  it("inline queries and poll answers have no chat, so no default session key", async () => {
    const inline = createInlineQueryUpdate({ from: alice, query: "piz", updateId: 8 });
    expect(inline.inline_query).toMatchObject({ from: alice, query: "piz", offset: "" });
    const vote = createPollAnswerUpdate({ from: alice, pollId: "poll-1", optionIds: [0, 2], updateId: 9 });
    expect(vote).toEqual({
      update_id: 9,
      poll_answer: { poll_id: "poll-1", user: alice, option_ids: [0, 2], option_persistent_ids: ["0", "2"] },
    });
    const seen: string[] = [];
    const bot = new Bot("123:TEST", { botInfo: SIMULATED_BOT_INFO });
    bot.on("inline_query", (ctx) => void seen.push(`inline chat=${ctx.chatId}`));
    bot.on("poll_answer", (ctx) => void seen.push(`poll chat=${ctx.chatId} options=${ctx.pollAnswer.option_ids.join(",")}`));
    await bot.handleUpdate(inline);
    await bot.handleUpdate(vote);
    expect(seen).toEqual(["inline chat=undefined", "poll chat=undefined options=0,2"]);
  });

  it("every factory's output passes the validator", () => {
    const updates = [
      createTextMessageUpdate({ from: alice, chat: group, text: "/start@session_lab_bot" }),
      createCallbackQueryUpdate({ from: alice, message: botMessage, data: "pizza" }),
      createInlineQueryUpdate({ from: alice, query: "" }),
      createPollAnswerUpdate({ from: alice, pollId: "p", optionIds: [] }),
    ];
    for (const update of updates) expect(validateUpdate(update)).toEqual({ ok: true, update });
  });
});

describe("createUpdateIdSequence", () => {
  it("counts up from the start", () => {
    const next = createUpdateIdSequence(100);
    expect([next(), next(), next()]).toEqual([100, 101, 102]);
  });
});

describe("validateUpdate", () => {
  const good = { update_id: 1, message: { message_id: 1, date: 1700000000, chat: privateChat, from: alice, text: "hi" } };

  it("accepts a well-formed update, as a value or as JSON text", () => {
    expect(validateUpdate(good)).toEqual({ ok: true, update: good });
    expect(validateUpdate(JSON.stringify(good))).toEqual({ ok: true, update: good });
  });

  it("knows the same update kinds as grammY", () => {
    expect([...UPDATE_KINDS].sort()).toEqual([...API_CONSTANTS.ALL_UPDATE_TYPES].sort());
  });

  const errorsOf = (value: unknown) => {
    const result = validateUpdate(value);
    if (result.ok) throw new Error("expected the update to be refused");
    return result.errors;
  };

  it("refuses non-objects and broken JSON", () => {
    expect(errorsOf([good])).toEqual(["The update must be a JSON object, but it is an array."]);
    expect(errorsOf(42)).toEqual(["The update must be a JSON object, but it is the integer 42."]);
    expect(errorsOf("{ nope")[0]).toMatch(/^The update is not valid JSON: /);
  });

  it("needs a numeric update_id", () => {
    expect(errorsOf({ message: good.message })).toEqual([
      "update.update_id is missing: every update has a numeric id, which the bot uses to confirm it.",
    ]);
    expect(errorsOf({ ...good, update_id: "1" })).toEqual(['update.update_id must be a non-negative integer, but it is a string ("1").']);
  });

  it("needs exactly one known kind", () => {
    expect(errorsOf({ update_id: 1 })).toEqual([
      'The update has no content: add exactly one kind of update, such as "message" or "callback_query".',
    ]);
    const two = errorsOf({ ...good, inline_query: { id: "1", from: alice, query: "", offset: "" } });
    expect(two).toEqual(["The update has 2 kinds of update (message, inline_query), but Telegram sends exactly one per update."]);
    const unknown = errorsOf({ update_id: 1, mesage: good.message });
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatch(/^update\.mesage is not a kind of update Telegram sends \(known kinds: message, edited_message, /);
  });

  it("checks messages: chat, date, message_id and the sender", () => {
    const { chat: _c, date: _d, message_id: _m, from: _f, ...bare } = good.message;
    expect(errorsOf({ update_id: 1, message: bare })).toEqual([
      "update.message.message_id is missing: every message has an id in its chat.",
      "update.message.date is missing: every message has a Unix date in seconds.",
      "update.message.chat is missing: every message belongs to a chat.",
      "update.message.from is missing: messages outside channels say who sent them.",
    ]);
  });

  it("checks chats and users, with types", () => {
    const errors = errorsOf({
      update_id: 1,
      message: { ...good.message, chat: { id: "111", first_name: "Alice" }, from: { id: 111, first_name: 7 } },
    });
    expect(errors).toEqual([
      'update.message.chat.id must be an integer, but it is a string ("111").',
      "update.message.chat.type is missing: it tells private chats from groups and channels.",
      "update.message.from.is_bot is missing: Telegram always says whether a user is a bot.",
      "update.message.from.first_name must be a string, but it is the integer 7.",
    ]);
    expect(errorsOf({ update_id: 1, message: { ...good.message, chat: { id: -5, type: "group" } } })).toEqual([
      "update.message.chat.title is missing: a group always has a title.",
    ]);
    expect(errorsOf({ update_id: 1, message: { ...good.message, chat: { id: 5, type: "secret" } } })[0]).toBe(
      'update.message.chat.type must be one of "private", "group", "supergroup", "channel", but it is a string ("secret").',
    );
  });

  it("checks entities against the text", () => {
    const errors = errorsOf({ update_id: 1, message: { ...good.message, entities: [{ type: "bot_command", offset: 0, length: 6 }] } });
    expect(errors).toEqual([
      "update.message.entities[0] reaches past the end of update.message.text (offset 0 + length 6 > 2 UTF-16 code units).",
    ]);
    expect(errorsOf({ update_id: 1, message: { ...good.message, entities: [{ type: "bold", offset: -1, length: 1 }] } })).toEqual([
      "update.message.entities[0].offset must be a non-negative integer, but it is the integer -1.",
    ]);
  });

  it("checks callback queries", () => {
    expect(errorsOf({ update_id: 1, callback_query: { data: "x" } })).toEqual([
      "update.callback_query.id is missing: answerCallbackQuery needs it.",
      "update.callback_query.from is missing: a callback query says who tapped the button.",
      "update.callback_query.chat_instance is missing: Telegram always sends it with a callback query.",
    ]);
    expect(errorsOf({ update_id: 1, callback_query: { id: "1", from: alice, chat_instance: "1", data: 5 } })).toEqual([
      "update.callback_query.data must be a string, but it is the integer 5.",
    ]);
    expect(errorsOf({ update_id: 1, callback_query: { id: "1", from: alice, chat_instance: "1", data: "x" } })).toEqual([
      "update.callback_query needs either message (a button under a bot message) or inline_message_id (under an inline message).",
    ]);
  });

  it("needs edit_date on edited messages", () => {
    expect(errorsOf({ update_id: 1, edited_message: good.message })).toEqual([
      "update.edited_message.edit_date is missing: an edited message says when it was edited.",
    ]);
  });
});

describe("UpdateIdSequence", () => {
  it("hands out increasing ids from its start", () => {
    const ids = new UpdateIdSequence(5);
    expect([ids.next(), ids.next(), ids.next()]).toEqual([5, 6, 7]);
  });

  it("goes above an id sent by other means, so later updates are never below the bot's offset", () => {
    const ids = new UpdateIdSequence(1);
    ids.next();
    ids.used(900_000);
    expect(ids.next()).toBe(900_001);
    // A lower (or the same) id sent by hand changes nothing: ids never go back.
    ids.used(3);
    ids.used(900_001);
    expect(ids.next()).toBe(900_002);
  });

  it("ignores ids that are not safe integers", () => {
    const ids = new UpdateIdSequence(1);
    ids.used(Number.MAX_SAFE_INTEGER + 2);
    ids.used(2.5);
    expect(ids.next()).toBe(1);
  });
});
