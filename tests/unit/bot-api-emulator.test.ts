import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Bot, GrammyError, InlineKeyboard } from "grammy";
import type { Update } from "grammy/types";
import { BOT_API_ERRORS, startBotApiEmulator, type BotApiEmulator } from "../bot-api/emulator";

// Real grammY against the emulator over real HTTP. Long polls use grammY's default 30 s timeout or
// a short one; tests wait for conditions the emulator reports, never for times.

let emulator: BotApiEmulator;
const bots: Bot[] = [];

beforeEach(async () => {
  emulator = await startBotApiEmulator();
});

afterEach(async () => {
  for (const bot of bots.splice(0)) if (bot.isRunning()) await bot.stop().catch(() => undefined);
  await emulator.close();
});

function makeBot(token = emulator.token): Bot {
  const bot = new Bot(token, { client: { apiRoot: emulator.url } });
  bots.push(bot);
  return bot;
}

/** Calls the emulator without grammY: the way a browser page or a test harness would. */
async function call(method: string, params: Record<string, unknown> = {}, init: RequestInit = {}) {
  const response = await fetch(`${emulator.url}/bot${emulator.token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(params),
    ...init,
  });
  return { status: response.status, body: (await response.json()) as { ok: boolean; result?: any; error_code?: number; description?: string } };
}

/** What `promise` rejected with, or a failure if it resolved. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail, and it succeeded");
}

describe("Bot API emulator with real grammY", () => {
  it("answers getMe with the bot, and a long-polling bot's reply to /start lands in sent", async () => {
    const bot = makeBot();
    bot.command("start", (ctx) => ctx.reply("Hola, Ana", { reply_markup: new InlineKeyboard().text("🍕", "pizza") }));
    const running = bot.start();
    await emulator.waitFor(() => emulator.activePollers() === 1, "the bot to poll");
    expect(bot.botInfo).toMatchObject({ is_bot: true, id: 123456, username: emulator.botInfo.username });

    emulator.userSays("/start");
    const [reply] = await emulator.waitForSent(1);
    expect(reply).toMatchObject({ chat_id: 424242, text: "Hola, Ana" });
    expect(reply.params.reply_markup).toEqual({ inline_keyboard: [[{ text: "🍕", callback_data: "pizza" }]] });
    expect(reply.message).toMatchObject({ message_id: 2, chat: { id: 424242, type: "private" }, from: { is_bot: true } });

    await bot.stop();
    await running;
  });

  it("confirms updates with offset, so none reaches the bot twice", async () => {
    const seen: number[] = [];
    const bot = makeBot();
    bot.on("message:text", (ctx) => {
      seen.push(ctx.update.update_id);
      return ctx.reply(`echo ${ctx.message.text}`);
    });
    const running = bot.start();
    for (const [index, text] of ["one", "two", "three"].entries()) {
      emulator.userSays(text);
      await emulator.waitForSent(index + 1);
    }
    // The bot polls again after the last reply; that poll's offset confirms everything it handled.
    await emulator.waitFor(() => emulator.activePollers() === 1 && emulator.pendingUpdates().length === 0, "the last update confirmed");
    expect(seen).toEqual([1, 2, 3]);
    expect(emulator.sent.map((s) => s.text)).toEqual(["echo one", "echo two", "echo three"]);
    await bot.stop();
    await running;
  });

  it("keeps an update until an offset confirms it (raw getUpdates)", async () => {
    const update = emulator.userSays("hello");
    expect((await call("getUpdates")).body.result).toEqual([update]);
    expect((await call("getUpdates")).body.result).toEqual([update]);
    expect((await call("getUpdates", { offset: update.update_id + 1 })).body.result).toEqual([]);
    expect(emulator.pendingUpdates()).toEqual([]);
  });

  it("answers a held long poll with [] when its timeout passes", async () => {
    const answer = call("getUpdates", { timeout: 1 });
    await emulator.waitFor(() => emulator.activePollers() === 1, "the poll to be held");
    expect((await answer).body).toEqual({ ok: true, result: [] });
    expect(emulator.activePollers()).toBe(0);
  });

  it("ends the earlier poller with 409 when a second one polls, and grammY's error says so", async () => {
    const first = makeBot();
    const firstRun = rejectionOf(first.start());
    await emulator.waitFor(() => emulator.activePollers() === 1, "the first bot to poll");

    const second = makeBot();
    const secondRun = second.start();
    const error = await firstRun;
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 409, description: BOT_API_ERRORS.conflictPoller });
    expect(first.isRunning()).toBe(false);

    await emulator.waitFor(() => emulator.activePollers() === 1, "the second bot to poll");
    await second.stop();
    await secondRun;
  });

  it("answers getUpdates with 409 while a webhook is set, until deleteWebhook", async () => {
    const bot = makeBot();
    emulator.setWebhook("https://example.org/hook");
    expect(await bot.api.getWebhookInfo()).toMatchObject({ url: "https://example.org/hook" });
    const error = await rejectionOf(bot.api.getUpdates());
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 409, description: BOT_API_ERRORS.conflictWebhook });

    expect(await bot.api.deleteWebhook()).toBe(true);
    expect(await bot.api.getUpdates()).toEqual([]);
  });

  it("gives a bad token 401 Unauthorized on bot.init()", async () => {
    const bot = makeBot("999:not-the-token");
    const error = await rejectionOf(bot.init());
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 401, description: "Unauthorized" });
    expect(emulator.requests.at(-1)).toMatchObject({ method: "getMe", tokenOk: false, status: 401 });
  });

  it("fails the next sendMessage with 429 and retry_after, then sends again", async () => {
    const bot = makeBot();
    emulator.failNext("sendMessage", 429);
    const error = await rejectionOf(bot.api.sendMessage(424242, "too soon"));
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 429, parameters: { retry_after: 3 } });
    expect(emulator.sent).toEqual([]);

    await bot.api.sendMessage(424242, "now");
    expect(emulator.sent.map((s) => s.text)).toEqual(["now"]);
  });

  it("fails with a custom error once", async () => {
    emulator.failNext("getMe", { error_code: 400, description: "Bad Request: made up" });
    expect(await call("getMe")).toEqual({ status: 400, body: { ok: false, error_code: 400, description: "Bad Request: made up" } });
    expect((await call("getMe")).status).toBe(200);
  });

  it("leaves no poller after bot.stop()", async () => {
    const bot = makeBot();
    const running = bot.start();
    await emulator.waitFor(() => emulator.activePollers() === 1, "the bot to poll");
    await bot.stop();
    await running;
    await emulator.waitFor(() => emulator.activePollers() === 0, "no poller left");
    expect(emulator.activePollers()).toBe(0);
  });

  it("stops counting a held poll the moment its client aborts", async () => {
    const controller = new AbortController();
    // 30 s: only the abort, not the timeout, can end this poll within waitFor's 10 s.
    const poll = call("getUpdates", { timeout: 30 }, { signal: controller.signal }).catch((error: Error) => error);
    await emulator.waitFor(() => emulator.activePollers() === 1, "the poll to be held");
    controller.abort();
    await emulator.waitFor(() => emulator.activePollers() === 0, "the aborted poll to be dropped");
    expect(await poll).toMatchObject({ name: "AbortError" });
  });

  it("delivers a button tap as a callback_query the bot answers", async () => {
    const bot = makeBot();
    bot.command("order", (ctx) => ctx.reply("Pizza?", { reply_markup: new InlineKeyboard().text("Yes", "yes") }));
    bot.callbackQuery("yes", async (ctx) => {
      await ctx.answerCallbackQuery();
      await ctx.reply(`You tapped ${ctx.callbackQuery.data} under message ${ctx.callbackQuery.message?.message_id}`);
    });
    const running = bot.start();
    emulator.userSays("/order");
    const [keyboard] = await emulator.waitForSent(1);
    emulator.pressButton("yes");
    await emulator.waitForSent(2);
    expect(emulator.sent[1].text).toBe(`You tapped yes under message ${keyboard.message.message_id}`);
    expect(emulator.requests.some((r) => r.method === "answerCallbackQuery" && r.status === 200)).toBe(true);
    await bot.stop();
    await running;
  });

  it("reads GET query strings and form bodies, and answers unknown methods 404", async () => {
    const viaQuery = await fetch(`${emulator.url}/bot${emulator.token}/sendMessage?chat_id=424242&text=hi`);
    expect(viaQuery.status).toBe(200);
    const form = new URLSearchParams({ chat_id: "424242", text: "form", reply_markup: JSON.stringify({ inline_keyboard: [[{ text: "A", callback_data: "a" }]] }) });
    const viaForm = await fetch(`${emulator.url}/bot${emulator.token}/sendmessage`, { method: "POST", body: form });
    expect(((await viaForm.json()) as { result: { reply_markup: unknown } }).result.reply_markup).toEqual({ inline_keyboard: [[{ text: "A", callback_data: "a" }]] });
    expect(emulator.sent.map((s) => s.text)).toEqual(["hi", "form"]);

    expect(await call("sendTelepathy")).toEqual({ status: 404, body: { ok: false, error_code: 404, description: "Not Found" } });
  });

  it("filters updates by allowed_updates, as Telegram does", async () => {
    emulator.userSays("a message");
    emulator.pushUpdate({ update_id: 50, message_reaction: {} } as unknown as Update);
    // Asking for callback queries only drops the message; the default ([]) then still leaves out reactions.
    expect((await call("getUpdates", { allowed_updates: ["callback_query"] })).body.result).toEqual([]);
    emulator.userSays("another");
    const result = (await call("getUpdates", { allowed_updates: [] })).body.result as Update[];
    expect(result.map((u) => u.message?.text)).toEqual(["another"]);
    expect(result[0].update_id).toBe(51);
  });

  it("answers a CORS preflight and puts Access-Control-Allow-Origin on every answer", async () => {
    const preflight = await fetch(`${emulator.url}/bot${emulator.token}/getUpdates`, {
      method: "OPTIONS",
      headers: { origin: "http://localhost:5173", "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("content-type");

    const unauthorized = await fetch(`${emulator.url}/botnope/getMe`, { headers: { origin: "http://localhost:5173" } });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get("access-control-allow-origin")).toBe("*");
    expect(emulator.requests.filter((r) => r.httpMethod === "OPTIONS")).toEqual([]);
  });
});
