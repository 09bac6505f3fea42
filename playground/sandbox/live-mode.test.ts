/**
 * Live mode in the sandbox runtime, against the local Bot API emulator over real HTTP: the program's
 * `new Bot("")` and `bot.start()` long-poll the emulator with the reader's token, sessions are observed as in
 * simulated mode, every call is reported, Stop confirms the updates and ends polling, and failures come back
 * as Telegram's answers or as `api-unreachable`.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startBotApiEmulator, type BotApiEmulator } from "../../tests/bot-api/emulator";
import { parseApiRoot } from "../live/api-root";
import { allowlistedFetch } from "./live-fetch";
import { startProgram, type ProgramHarness } from "./testing/sandbox-harness";

const PIZZA = [
  'import { Bot, session } from "grammy";',
  'const bot = new Bot<any>("");',
  "bot.use(session({ initial: () => ({ pizzaCount: 0 }) }));",
  'bot.command("hunger", (ctx) => ctx.reply(`Your hunger level is ${ctx.session.pizzaCount}!`));',
  "bot.hears(/🍕/, (ctx) => { ctx.session.pizzaCount++; });",
  "bot.start().catch(() => {});",
].join("\n");

let emulator: BotApiEmulator;
let harness: ProgramHarness | undefined;

function live(token: string, apiRoot: string) {
  const root = parseApiRoot(apiRoot);
  if (!root.ok) throw new Error("root");
  return { token, apiRoot: root.value.root, fetch: allowlistedFetch(fetch, root.value) };
}

beforeEach(async () => {
  emulator = await startBotApiEmulator();
});

afterEach(async () => {
  if (harness) {
    await harness.runtime.stopPolling();
    harness.runtime.dispose();
  }
  harness = undefined;
  await emulator.close();
});

describe("live mode in the sandbox", () => {
  it("long-polls the Bot API with the reader's token, observes sessions, reports calls, and Stop ends polling", async () => {
    harness = await startProgram(PIZZA, { live: live(emulator.token, emulator.url) });
    await harness.waitFor("ready");
    await emulator.waitFor(() => emulator.activePollers() === 1, "the bot polls", 5000);
    // The real getMe, not the simulated bot.
    const getMe = await harness.waitFor("api-call", (e) => e.method === "getMe");
    expect(getMe.result).toMatchObject({ username: emulator.botInfo.username });

    emulator.userSays("🍕");
    emulator.userSays("/hunger");
    const [reply] = await emulator.waitForSent(1);
    expect(reply.text).toBe("Your hunger level is 1!");
    expect(emulator.requests.every((r) => r.tokenOk)).toBe(true);

    const received = await harness.waitFor("update-received", (e) => e.update.message?.text === "/hunger", 5000);
    expect(received.update.message?.from?.first_name).toBe("Ana");
    const sent = await harness.waitFor("api-call", (e) => e.method === "sendMessage");
    expect(sent.updateId).toBe(received.updateId);
    expect(sent.result).toMatchObject({ text: "Your hunger level is 1!" });
    await harness.waitFor("update-handled", (e) => e.updateId === received.updateId);
    const storage = harness.eventsOf("storage");
    expect(storage.map((e) => e.op)).toEqual(["read", "write", "read", "write"]);
    expect(storage[1].value).toEqual({ pizzaCount: 1 });
    expect(harness.eventsOf("storage-used")[0].storage).toMatchObject({ kind: "memory", default: true });

    // Stop: the long poll ends and the handled updates are confirmed, so a next run does not get them again.
    await harness.runtime.stopPolling();
    expect(harness.eventsOf("polling-stopped")).toHaveLength(1);
    await emulator.waitFor(() => emulator.activePollers() === 0, "no poller", 5000);
    expect(emulator.pendingUpdates()).toEqual([]);
  });

  it("ignores the program's own token: every bot uses the reader's", async () => {
    harness = await startProgram(['import { Bot } from "grammy";', 'const bot = new Bot("999:not-the-readers-token");', "bot.start().catch(() => {});"].join("\n"), {
      live: live(emulator.token, emulator.url),
    });
    await emulator.waitFor(() => emulator.activePollers() === 1, "the bot polls", 5000);
    expect(emulator.requests.every((r) => r.tokenOk)).toBe(true);
  });

  it("refuses updates made up on the page: in live mode they come from Telegram", async () => {
    harness = await startProgram(PIZZA, { live: live(emulator.token, emulator.url) });
    await harness.waitFor("ready");
    harness.runtime.dispatch({ update_id: 1, message: { message_id: 1, date: 0, chat: { id: 1, type: "private", first_name: "A" }, from: { id: 1, is_bot: false, first_name: "A" }, text: "hi" } });
    expect((await harness.waitFor("not-delivered")).reason).toBe("dropped");
    expect(harness.eventsOf("update-received")).toEqual([]);
  });

  it("reports Telegram's 401 for a wrong token, and the bot stops", async () => {
    harness = await startProgram(PIZZA, { live: live("123456:wrong-token-value", emulator.url) });
    const call = await harness.waitFor("api-call", (e) => e.error !== undefined, 5000);
    expect(call).toMatchObject({ method: "getMe", error: { error_code: 401 } });
    const stopped = await harness.waitFor("bot-stopped", undefined, 5000);
    expect(stopped.error?.message).toMatch(/401/);
  });

  it("reports a 409 when another program polls the same bot, and a 429 with its retry_after", async () => {
    emulator.failNext("getMe", 429);
    harness = await startProgram(PIZZA, { live: live(emulator.token, emulator.url) });
    const flood = await harness.waitFor("api-call", (e) => e.error?.error_code === 429, 5000);
    expect(flood.error?.retry_after).toBe(3);
    await emulator.waitFor(() => emulator.activePollers() === 1, "the bot polls after the flood wait", 10_000);
    // Another program starts polling with the same token: Telegram ends the first poll with a 409.
    const other = fetch(`${emulator.url}/bot${emulator.token}/getUpdates?timeout=1`);
    const conflict = await harness.waitFor("api-call", (e) => e.error?.error_code === 409, 5000);
    expect(conflict).toMatchObject({ method: "getUpdates", error: { error_code: 409 } });
    expect((await harness.waitFor("bot-stopped", undefined, 5000)).error?.message).toMatch(/409/);
    await other;
  });

  it("reports a Bot API root that does not answer as unreachable", async () => {
    await emulator.close();
    harness = await startProgram(PIZZA, { live: live(emulator.token, emulator.url) });
    const unreachable = await harness.waitFor("api-unreachable", undefined, 5000);
    expect(unreachable.method).toBe("getMe");
    emulator = await startBotApiEmulator();
  });
});
