import { Bot, GrammyError, InlineKeyboard, Keyboard } from "grammy";
import type { Chat, Message, Update, User } from "grammy/types";
import { describe, expect, it } from "vitest";
import { ApiSimulator, type ApiCallEvent } from "./api-simulator";
import { createCallbackQueryUpdate, createTextMessageUpdate, SIMULATED_BOT_INFO } from "../../telegram/updates";

const alice: User = { id: 111, is_bot: false, first_name: "Alice", username: "alice" };
const bob: User = { id: 222, is_bot: false, first_name: "Bob" };
const aliceChat: Chat = { id: 111, type: "private", first_name: "Alice", username: "alice" };
const bobChat: Chat = { id: 222, type: "private", first_name: "Bob" };
const group: Chat = { id: -1001234, type: "supergroup", title: "Pizza lovers" };

const T0 = 1_750_000_000_000;

function setup(options: { random?: () => number } = {}) {
  const calls: ApiCallEvent[] = [];
  let current: number | undefined;
  let clock = T0;
  const simulator = new ApiSimulator({
    onCall: (event) => calls.push(event),
    currentUpdateId: () => current,
    now: () => clock,
    random: options.random,
  });
  const say = (from: User, chat: Chat, text: string, updateId: number, messageId: number) => {
    const update = createTextMessageUpdate({ from, chat, text, updateId, messageId, date: Math.floor(clock / 1000) });
    simulator.observeUpdate(update);
    return update;
  };
  return {
    simulator,
    calls,
    say,
    setUpdate: (id: number | undefined) => (current = id),
    advance: (ms: number) => (clock += ms),
  };
}

type Ok = { ok: true; result: Record<string, unknown> };
type Failed = { ok: false; error_code: number; description: string };

async function ok(simulator: ApiSimulator, method: string, payload: Record<string, unknown> = {}) {
  const response = await simulator.call(method, payload);
  if (!response.ok) throw new Error(`${method} failed: ${response.description}`);
  return (response as unknown as Ok).result;
}

async function fail(simulator: ApiSimulator, method: string, payload: Record<string, unknown> = {}) {
  const response = await simulator.call(method, payload);
  expect(response.ok).toBe(false);
  return response as unknown as Failed;
}

describe("sendMessage", () => {
  it("returns the full Message Telegram would, from the bot, in the chat, with the next message id", async () => {
    const { simulator, say } = setup();
    say(alice, aliceChat, "hi", 1, 41);
    const result = await ok(simulator, "sendMessage", { chat_id: 111, text: "Hello Alice" });
    expect(result).toEqual({
      message_id: 42,
      from: { id: SIMULATED_BOT_INFO.id, is_bot: true, first_name: "Session Lab", username: "session_lab_bot" },
      chat: aliceChat,
      date: Math.floor(T0 / 1000),
      text: "Hello Alice",
    });
  });

  it("keeps given entities and an inline keyboard, but not a reply keyboard (it is not part of a Message)", async () => {
    const { simulator, say } = setup();
    say(alice, aliceChat, "hi", 1, 1);
    const keyboard = new InlineKeyboard().text("Eat", "eat").url("Menu", "https://example.com");
    const withButtons = await ok(simulator, "sendMessage", {
      chat_id: 111,
      text: "Hungry?",
      entities: [{ type: "bold", offset: 0, length: 7 }],
      reply_markup: keyboard,
    });
    expect(withButtons.entities).toEqual([{ type: "bold", offset: 0, length: 7 }]);
    expect(withButtons.reply_markup).toEqual({
      inline_keyboard: [[{ text: "Eat", callback_data: "eat" }, { text: "Menu", url: "https://example.com" }]],
    });
    const withReplyKeyboard = await ok(simulator, "sendMessage", { chat_id: 111, text: "Pick", reply_markup: new Keyboard().text("A") });
    expect(withReplyKeyboard).not.toHaveProperty("reply_markup");
  });

  it("hands out fresh, increasing message ids per chat, following the user's messages too", async () => {
    const { simulator, say } = setup();
    say(alice, aliceChat, "hi", 1, 10);
    say(bob, bobChat, "hi", 2, 3);
    const ids: [number, number][] = [];
    for (const chat_id of [111, 222, 111, 222]) {
      const m = await ok(simulator, "sendMessage", { chat_id, text: "x" });
      ids.push([chat_id, m.message_id as number]);
    }
    expect(ids).toEqual([
      [111, 11],
      [222, 4],
      [111, 12],
      [222, 5],
    ]);
    say(alice, aliceChat, "again", 3, 13);
    expect((await ok(simulator, "sendMessage", { chat_id: "111", text: "y" })).message_id).toBe(14);
  });

  it("finds chats by numeric string and by @username", async () => {
    const { simulator, say } = setup();
    say(alice, aliceChat, "hi", 1, 1);
    expect((await ok(simulator, "sendMessage", { chat_id: "@Alice", text: "x" })).chat).toEqual(aliceChat);
  });

  it("answers invalid payloads with Telegram's 400 errors", async () => {
    const { simulator, say } = setup();
    say(alice, aliceChat, "hi", 1, 1);
    expect(await fail(simulator, "sendMessage", { text: "no chat" })).toEqual({
      ok: false,
      error_code: 400,
      description: "Bad Request: chat_id is empty",
    });
    expect((await fail(simulator, "sendMessage", { chat_id: 999, text: "x" })).description).toBe("Bad Request: chat not found");
    expect((await fail(simulator, "sendMessage", { chat_id: 111, text: "" })).description).toBe("Bad Request: message text is empty");
    expect((await fail(simulator, "sendMessage", { chat_id: 111 })).description).toBe("Bad Request: message text is empty");
    expect((await fail(simulator, "sendMessage", { chat_id: 111, text: "   " })).description).toBe("Bad Request: message text is empty");
    expect((await fail(simulator, "sendMessage", { chat_id: 111, text: "x".repeat(4097) })).description).toBe("Bad Request: message is too long");
    expect(
      (await fail(simulator, "sendMessage", { chat_id: 111, text: "x", reply_markup: { inline_keyboard: [[{ text: "no action" }]] } }))
        .description,
    ).toBe("Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
    expect(
      (await fail(simulator, "sendMessage", { chat_id: 111, text: "x", reply_markup: new InlineKeyboard().text("big", "x".repeat(65)) }))
        .description,
    ).toBe("Bad Request: BUTTON_DATA_INVALID");
  });

  it("accepts url buttons with the schemes Telegram opens and refuses the rest with BUTTON_URL_INVALID", async () => {
    const { simulator, say } = setup();
    say(alice, aliceChat, "hi", 1, 1);
    for (const url of ["https://grammy.dev", "http://example.com", "tg://resolve?domain=botfather"]) {
      const sent = await ok(simulator, "sendMessage", { chat_id: 111, text: "link", reply_markup: new InlineKeyboard().url("open", url) });
      expect((sent.reply_markup as { inline_keyboard: { url: string }[][] }).inline_keyboard[0][0].url).toBe(url);
    }
    for (const url of ["blob:http://localhost/1234", "javascript:alert(1)", "data:text/html,<p>x</p>", "grammy.dev"]) {
      const refused = await fail(simulator, "sendMessage", { chat_id: 111, text: "link", reply_markup: new InlineKeyboard().url("open", url) });
      expect(refused).toMatchObject({ ok: false, error_code: 400, description: "Bad Request: BUTTON_URL_INVALID" });
    }
    const edited = await ok(simulator, "sendMessage", { chat_id: 111, text: "to edit" });
    const refusedEdit = await fail(simulator, "editMessageReplyMarkup", {
      chat_id: 111,
      message_id: edited.message_id,
      reply_markup: new InlineKeyboard().url("open", "javascript:alert(1)"),
    });
    expect(refusedEdit.description).toBe("Bad Request: BUTTON_URL_INVALID");
  });

  it("replies to known messages and refuses unknown ones unless allowed", async () => {
    const { simulator, say } = setup();
    say(alice, aliceChat, "question", 1, 5);
    const reply = await ok(simulator, "sendMessage", { chat_id: 111, text: "answer", reply_parameters: { message_id: 5 } });
    expect((reply.reply_to_message as Message).message_id).toBe(5);
    expect((reply.reply_to_message as Message & { text: string }).text).toBe("question");
    expect((await fail(simulator, "sendMessage", { chat_id: 111, text: "x", reply_parameters: { message_id: 77 } })).description).toBe(
      "Bad Request: message to be replied not found",
    );
    const loose = await ok(simulator, "sendMessage", {
      chat_id: 111,
      text: "x",
      reply_parameters: { message_id: 77, allow_sending_without_reply: true },
    });
    expect(loose).not.toHaveProperty("reply_to_message");
  });

  it("parses parse_mode into entities, and fails like Telegram on bad markup", async () => {
    const { simulator, say } = setup();
    say(alice, aliceChat, "hi", 1, 1);
    const html = await ok(simulator, "sendMessage", { chat_id: 111, text: "<b>Hi</b> <i>there</i>", parse_mode: "HTML" });
    expect(html.text).toBe("Hi there");
    expect(html.entities).toEqual([
      { type: "bold", offset: 0, length: 2 },
      { type: "italic", offset: 3, length: 5 },
    ]);
    expect((await fail(simulator, "sendMessage", { chat_id: 111, text: "Price: 5.00", parse_mode: "MarkdownV2" })).description).toBe(
      "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
    );
  });

  it("detects commands and links in plain bot messages, as Telegram does", async () => {
    const { simulator, say } = setup();
    say(alice, aliceChat, "hi", 1, 1);
    const m = await ok(simulator, "sendMessage", { chat_id: 111, text: "Try /start or https://grammy.dev" });
    expect(m.entities).toEqual([
      { type: "bot_command", offset: 4, length: 6 },
      { type: "url", offset: 14, length: 18 },
    ]);
  });
});

describe("editing and deleting", () => {
  async function sent(text = "Hungry?", markup?: unknown) {
    const ctx = setup();
    ctx.say(alice, aliceChat, "hi", 1, 1);
    const message = await ok(ctx.simulator, "sendMessage", { chat_id: 111, text, reply_markup: markup });
    return { ...ctx, id: message.message_id as number };
  }

  it("editMessageText returns the edited message with edit_date", async () => {
    const { simulator, id, advance } = await sent();
    advance(5000);
    const edited = await ok(simulator, "editMessageText", { chat_id: 111, message_id: id, text: "Still hungry?" });
    expect(edited).toMatchObject({ message_id: id, text: "Still hungry?", edit_date: Math.floor((T0 + 5000) / 1000), date: Math.floor(T0 / 1000) });
  });

  it("refuses an edit that changes nothing, with Telegram's 'message is not modified'", async () => {
    const keyboard = { inline_keyboard: [[{ text: "Eat", callback_data: "eat" }]] };
    const { simulator, id } = await sent("Hungry?", keyboard);
    const error = await fail(simulator, "editMessageText", { chat_id: 111, message_id: id, text: "Hungry?", reply_markup: keyboard });
    expect(error.error_code).toBe(400);
    expect(error.description).toBe(
      "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    );
    // Same text without the keyboard removes the keyboard: that is a change.
    const edited = await ok(simulator, "editMessageText", { chat_id: 111, message_id: id, text: "Hungry?" });
    expect(edited).not.toHaveProperty("reply_markup");
  });

  it("reports unknown and foreign messages", async () => {
    const { simulator } = await sent();
    expect((await fail(simulator, "editMessageText", { chat_id: 111, message_id: 999, text: "x" })).description).toBe(
      "Bad Request: message to edit not found",
    );
    expect((await fail(simulator, "editMessageText", { chat_id: 111, message_id: 1, text: "x" })).description).toBe(
      "Bad Request: message can't be edited",
    );
    expect((await fail(simulator, "editMessageText", { chat_id: 111, text: "x" })).description).toBe(
      "Bad Request: message identifier is not specified",
    );
  });

  it("editMessageReplyMarkup swaps the keyboard and refuses a no-op", async () => {
    const first = { inline_keyboard: [[{ text: "A", callback_data: "a" }]] };
    const second = { inline_keyboard: [[{ text: "B", callback_data: "b" }]] };
    const { simulator, id } = await sent("Pick", first);
    const edited = await ok(simulator, "editMessageReplyMarkup", { chat_id: 111, message_id: id, reply_markup: second });
    expect(edited.reply_markup).toEqual(second);
    expect(edited.text).toBe("Pick");
    expect((await fail(simulator, "editMessageReplyMarkup", { chat_id: 111, message_id: id, reply_markup: second })).description).toMatch(
      /^Bad Request: message is not modified/,
    );
  });
});

describe("other methods", () => {
  it("answers unknown methods with Telegram's 404 and the Bot API's other methods generically", async () => {
    const { simulator, say } = setup();
    say(alice, group, "hi", 1, 1);
    expect(await simulator.call("sendPizza", {})).toEqual({ ok: false, error_code: 404, description: "Not Found: method not found" });
    // Methods that return true in the Bot API return true; ones naming an unknown chat fail as on Telegram.
    expect(await ok(simulator, "sendChatAction", { chat_id: group.id, action: "typing" })).toBe(true);
    expect(await ok(simulator, "setMyCommands", { commands: [{ command: "start", description: "Start" }] })).toBe(true);
    expect(await ok(simulator, "pinChatMessage", { chat_id: group.id, message_id: 1 })).toBe(true);
    expect((await fail(simulator, "banChatMember", { chat_id: 999, user_id: 1 })).description).toBe("Bad Request: chat not found");
    // get… methods: a list comes back empty, anything else is Telegram's 400.
    expect(await ok(simulator, "getMyCommands")).toEqual([]);
    expect(await ok(simulator, "getChatAdministrators", { chat_id: group.id })).toEqual([]);
    expect(await fail(simulator, "getFile", { file_id: "x" })).toMatchObject({ error_code: 400, description: expect.stringMatching(/^Bad Request: .*getFile/) });
    expect((await fail(simulator, "getChatMember", { chat_id: 999, user_id: 1 })).description).toBe("Bad Request: chat not found");
  });

  it("answers getMe, getChat and webhooks", async () => {
    const { simulator, say } = setup();
    say(alice, group, "hi", 1, 1);
    expect(await ok(simulator, "getMe")).toEqual(SIMULATED_BOT_INFO);
    expect(await ok(simulator, "getChat", { chat_id: group.id })).toEqual(group);
    expect((await fail(simulator, "getChat", { chat_id: 5 })).description).toBe("Bad Request: chat not found");
    expect(await ok(simulator, "setWebhook", { url: "https://example.com/hook" })).toBe(true);
    expect(await ok(simulator, "getWebhookInfo")).toMatchObject({ url: "https://example.com/hook" });
    expect((await fail(simulator, "getUpdates")).error_code).toBe(409);
    expect(await ok(simulator, "deleteWebhook", { drop_pending_updates: true })).toBe(true);
    expect(await ok(simulator, "getWebhookInfo")).toEqual({ url: "", has_custom_certificate: false, pending_update_count: 0 });
  });

  it("answers a callback query once, and only one that Telegram sent", async () => {
    const { simulator, say } = setup();
    say(alice, aliceChat, "hi", 1, 1);
    const message = (await ok(simulator, "sendMessage", {
      chat_id: 111,
      text: "Tap",
      reply_markup: { inline_keyboard: [[{ text: "Go", callback_data: "go" }]] },
    })) as unknown as Message;
    const tap = createCallbackQueryUpdate({ from: alice, message, data: "go", updateId: 2 });
    simulator.observeUpdate(tap);
    expect(await ok(simulator, "answerCallbackQuery", { callback_query_id: tap.callback_query!.id })).toBe(true);
    expect((await fail(simulator, "answerCallbackQuery", { callback_query_id: tap.callback_query!.id })).description).toBe(
      "Bad Request: query is too old and response timeout expired or query ID is invalid",
    );
  });

  it("sends a plausible Message for every send method, shaped by its return type", async () => {
    const { simulator, say } = setup({ random: () => 0.99 });
    say(alice, aliceChat, "hi", 1, 1);
    const photo = await ok(simulator, "sendPhoto", { chat_id: 111, photo: "https://example.com/pizza.jpg", caption: "<b>Pizza</b>", parse_mode: "HTML" });
    expect(photo).toMatchObject({ message_id: 2, chat: aliceChat, from: { username: "session_lab_bot" } });
    expect(photo.photo).toEqual([expect.objectContaining({ file_id: expect.any(String), width: 800, height: 600 })]);
    expect(photo.caption).toBe("Pizza");
    expect(photo.caption_entities).toEqual([{ type: "bold", offset: 0, length: 5 }]);
    // An animation is a document too, one file under both fields, as Telegram sends it.
    const gif = await ok(simulator, "sendAnimation", { chat_id: 111, animation: "attach://cat.gif" });
    expect(gif.animation).toEqual(gif.document);
    expect((await ok(simulator, "sendDice", { chat_id: 111 })).dice).toEqual({ emoji: "🎲", value: 6 });
    expect((await ok(simulator, "sendDice", { chat_id: 111, emoji: "🎰" })).dice).toEqual({ emoji: "🎰", value: 64 });
    const place = await ok(simulator, "sendLocation", { chat_id: 111, latitude: 41.39, longitude: 2.17, reply_markup: new InlineKeyboard().text("Go", "go") });
    expect(place.location).toEqual({ latitude: 41.39, longitude: 2.17 });
    expect(place.reply_markup).toEqual({ inline_keyboard: [[{ text: "Go", callback_data: "go" }]] });
    const album = (await ok(simulator, "sendMediaGroup", {
      chat_id: 111,
      media: [{ type: "photo", media: "https://example.com/a.jpg", caption: "a" }, { type: "video", media: "https://example.com/b.mp4" }],
    })) as unknown as Record<string, unknown>[];
    expect(album.map((m) => [m.message_id, "photo" in m, "video" in m, m.caption])).toEqual([
      [7, true, false, "a"],
      [8, false, true, undefined],
    ]);
    expect(album[0].media_group_id).toBe(album[1].media_group_id);
    expect((await fail(simulator, "sendPhoto", { chat_id: 999, photo: "https://example.com/a.jpg" })).description).toBe("Bad Request: chat not found");
  });

  it("reports every call with its result or error, duration and the current update", async () => {
    const { simulator, calls, say, setUpdate } = setup();
    say(alice, aliceChat, "hi", 1, 1);
    setUpdate(1);
    await simulator.call("sendMessage", { chat_id: 111, text: "ok", parse_mode: undefined });
    setUpdate(undefined);
    await simulator.call("sendMessage", { chat_id: 5, text: "nope" });
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({ type: "api-call", callId: 1, method: "sendMessage", payload: { chat_id: 111, text: "ok" }, updateId: 1 });
    expect(calls[0].result).toMatchObject({ message_id: 2, text: "ok" });
    expect(calls[0].durationMs).toBeGreaterThanOrEqual(0);
    expect(calls[1]).toMatchObject({ callId: 2, error: { error_code: 400, description: "Bad Request: chat not found" } });
    expect(calls[1]).not.toHaveProperty("updateId");
    expect(calls[1]).not.toHaveProperty("result");
    // The payload is what Telegram receives: undefined fields are gone.
    expect(Object.keys(calls[0].payload)).toEqual(["chat_id", "text"]);
  });

  it("returns copies: a bot mutating a result cannot rewrite the chat's history", async () => {
    const { simulator, say } = setup();
    say(alice, aliceChat, "hi", 1, 1);
    const first = await ok(simulator, "sendMessage", { chat_id: 111, text: "original" });
    first.text = "tampered";
    const error = await fail(simulator, "editMessageText", { chat_id: 111, message_id: first.message_id, text: "original" });
    expect(error.description).toMatch(/message is not modified/);
  });
});

describe("getUpdates", () => {
  const update = (id: number, text = "hi"): Update => createTextMessageUpdate({ from: alice, chat: aliceChat, text, updateId: id, messageId: id });

  it("answers at once when updates wait, and confirms them with the next offset", async () => {
    const { simulator } = setup();
    simulator.enqueueUpdate(update(1));
    simulator.enqueueUpdate(update(2));
    expect((await ok(simulator, "getUpdates", { timeout: 30 })) as unknown as Update[]).toHaveLength(2);
    // Not confirmed yet: delivered again.
    expect(((await ok(simulator, "getUpdates", { offset: 1 })) as unknown as Update[]).map((u) => u.update_id)).toEqual([1, 2]);
    expect(((await ok(simulator, "getUpdates", { offset: 2 })) as unknown as Update[]).map((u) => u.update_id)).toEqual([2]);
    expect(await ok(simulator, "getUpdates", { offset: 3 })).toEqual([]);
    expect(simulator.queuedUpdates).toBe(0);
  });

  it("long-polls: waits until an update is queued", async () => {
    const { simulator } = setup();
    const pending = simulator.call("getUpdates", { offset: 1, timeout: 30 });
    await new Promise((r) => setTimeout(r, 20));
    expect(simulator.isPolling).toBe(true);
    simulator.enqueueUpdate(update(1, "ping"));
    const response = (await pending) as unknown as Ok;
    expect((response.result as unknown as Update[]).map((u) => u.message?.text)).toEqual(["ping"]);
    expect(simulator.isPolling).toBe(false);
  });

  it("returns an empty list when the timeout passes", async () => {
    const { simulator } = setup();
    const started = Date.now();
    expect(await ok(simulator, "getUpdates", { timeout: 1 })).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("is cancelled by its abort signal, without an answer", async () => {
    const { simulator, calls } = setup();
    const controller = new AbortController();
    const pending = simulator.call("getUpdates", { timeout: 30 }, controller.signal);
    controller.abort();
    await expect(pending).rejects.toThrow(/cancelled/);
    expect(calls).toHaveLength(0);
    expect(simulator.isPolling).toBe(false);
  });

  it("ends an older waiting call with 409 when another one starts, as Telegram does", async () => {
    const { simulator } = setup();
    const first = simulator.call("getUpdates", { timeout: 30 });
    const second = simulator.call("getUpdates", { timeout: 30 });
    expect(await first).toEqual({
      ok: false,
      error_code: 409,
      description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    });
    simulator.enqueueUpdate(update(1));
    expect(((await second) as unknown as Ok).result).toHaveLength(1);
  });

  it("drops kinds outside allowed_updates and updates below the confirmed offset, saying why", async () => {
    const dropped: string[] = [];
    const simulator = new ApiSimulator({ onUpdateDropped: (u, reason) => dropped.push(`${u.update_id}: ${reason}`) });
    simulator.enqueueUpdate({ update_id: 1, message_reaction: { chat: aliceChat, message_id: 1, date: 1, old_reaction: [], new_reaction: [] } } as Update);
    simulator.enqueueUpdate(update(2));
    expect(((await ok(simulator, "getUpdates", { allowed_updates: [] })) as unknown as Update[]).map((u) => u.update_id)).toEqual([2]);
    expect(dropped[0]).toMatch(/^1: Telegram did not deliver update 1: "message_reaction" updates are not in the allowed_updates/);
    await ok(simulator, "getUpdates", { offset: 3 });
    simulator.enqueueUpdate(update(2));
    expect(dropped[1]).toMatch(/^2: Update 2 was dropped: the bot already confirmed every update below 3/);
  });
});

describe("through a real grammY Bot", () => {
  function botWithSimulator() {
    const simulator = new ApiSimulator();
    const bot = new Bot("123:TEST", { botInfo: SIMULATED_BOT_INFO });
    bot.api.config.use(simulator.transformer);
    return { simulator, bot };
  }

  it("surfaces Telegram errors as GrammyError, exactly as in production", async () => {
    const { bot } = botWithSimulator();
    const error = await bot.api.sendMessage(424242, "hello").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({
      error_code: 400,
      description: "Bad Request: chat not found",
      method: "sendMessage",
      message: "Call to 'sendMessage' failed! (400: Bad Request: chat not found)",
    });
  });

  it("gives ctx.reply a real Message, and ctx.editMessageText its errors", async () => {
    const { simulator, bot } = botWithSimulator();
    const seen: unknown[] = [];
    bot.command("start", async (ctx) => {
      const sent = await ctx.reply("Welcome!");
      seen.push(sent.message_id, sent.chat.id, sent.from?.username);
      const edited = await ctx.api.editMessageText(ctx.chat.id, sent.message_id, "Welcome back!");
      seen.push(edited === true ? true : (edited as { text?: string }).text);
      const same = await ctx.api.editMessageText(ctx.chat.id, sent.message_id, "Welcome back!").catch((e: GrammyError) => e.description);
      seen.push(same);
    });
    const update = createTextMessageUpdate({ from: alice, chat: aliceChat, text: "/start", updateId: 1, messageId: 1 });
    simulator.observeUpdate(update);
    await bot.handleUpdate(update);
    expect(seen).toEqual([2, 111, "session_lab_bot", "Welcome back!", expect.stringMatching(/^Bad Request: message is not modified/)]);
  });
});
