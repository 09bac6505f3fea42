/**
 * What the sandbox says about the bot's real state: grammY's default error handler stopping it, an
 * update that waits on a promise that never settles, and updates that can no longer be delivered.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Chat, User } from "grammy/types";
import { startProgram, type ProgramHarness } from "./testing/sandbox-harness";
import { createTextMessageUpdate } from "../telegram/updates";

const ana: User = { id: 424242, is_bot: false, first_name: "Ana" };
const anaChat: Chat.PrivateChat = { id: 424242, type: "private", first_name: "Ana" };
const say = (text: string, updateId: number) => createTextMessageUpdate({ from: ana, chat: anaChat, text, updateId, messageId: updateId });

let harness: ProgramHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness?.runtime.dispose();
  harness = undefined;
});

describe("the bot's real state", () => {
  it("reports that grammY's default error handler stopped the bot, naming the update and the error", async () => {
    harness = await startProgram(
      [
        'import { Bot, session } from "grammy";',
        'const bot = new Bot("");',
        "bot.use(session({ initial: { pizzaCount: 0 } } as never));",
        'bot.on("message", (ctx) => ctx.reply("hi"));',
        // The rejection is the program's to handle; in the worker an unhandled one is reported too.
        "bot.start().catch(() => {});",
      ].join("\n"),
    );
    await harness.waitFor("ready");
    harness.runtime.dispatch(say("🍕", 1));
    const stopped = await harness.waitFor("bot-stopped");
    expect(stopped.updateId).toBe(1);
    expect(stopped.error?.name).toBe("TypeError");
    expect(stopped.error?.message).toMatch(/is not a function/);
    expect(harness.runtime.createdBots[0].isRunning()).toBe(false);

    // What is sent now never reaches the bot, and the page is told so.
    harness.runtime.dispatch(say("🍕", 2));
    const lost = await harness.waitFor("not-delivered");
    expect(lost).toMatchObject({ reason: "bot-stopped", update: { update_id: 2 } });
    expect(harness.eventsOf("update-received").map((e) => e.updateId)).toEqual([1]);
  });

  it("reports a bot the program stopped itself, without an error", async () => {
    harness = await startProgram(
      ['import { Bot } from "grammy";', 'const bot = new Bot("");', 'bot.command("quit", async () => { await bot.stop(); });', "bot.start();"].join(
        "\n",
      ),
    );
    await harness.waitFor("ready");
    harness.runtime.dispatch(say("/quit", 1));
    const stopped = await harness.waitFor("bot-stopped");
    expect(stopped.error).toBeUndefined();
  });

  it("counts a throw below bot.start() as the program failing to load", async () => {
    harness = await startProgram(['import { Bot } from "grammy";', 'const bot = new Bot("");', "bot.start();", "notDefined();"].join("\n"));
    await harness.loaded;
    expect(harness.eventsOf("error")).toMatchObject([{ type: "error", phase: "load", name: "ReferenceError", line: 4 }]);
  });

  it("says nothing while a bot started twice keeps polling", async () => {
    harness = await startProgram(['import { Bot } from "grammy";', 'const bot = new Bot("");', "bot.start();", "await bot.start();"].join("\n"));
    await harness.waitFor("ready");
    harness.runtime.dispatch(say("hi", 1));
    await harness.waitFor("update-handled");
    expect(harness.eventsOf("bot-stopped")).toEqual([]);
  });
});

describe("an update that waits on a promise that never settles", () => {
  it("is reported with the lazy session read it made, and the update that waits behind it", async () => {
    harness = await startProgram(
      [
        'import { Bot, Context, lazySession, LazySessionFlavor } from "grammy";',
        "type C = Context & LazySessionFlavor<{ pizzaCount: number }>;",
        'const bot = new Bot<C>("");',
        "bot.use(lazySession({ initial: () => ({ pizzaCount: 0 }) }));",
        'bot.command("reset", (ctx) => {',
        "  ctx.session = Promise.resolve(ctx.session).then((s) => ({ ...s, pizzaCount: 0 }));",
        "});",
        "bot.start();",
      ].join("\n"),
      { waitingMs: 300, waitingCheckMs: 50 },
    );
    await harness.waitFor("ready");
    harness.runtime.dispatch(say("/reset", 1));
    harness.runtime.dispatch(say("hello", 2));
    const waiting = await harness.waitFor("update-waiting", undefined, 3000);
    expect(waiting).toMatchObject({ updateId: 1, queued: 1, lastCall: { op: "read", key: "424242", storageIndex: 0 } });
    expect(waiting.pending).toBeUndefined();
    expect(waiting.waitedMs).toBeGreaterThanOrEqual(300);
    expect(harness.eventsOf("update-handled")).toEqual([]);
  });

  it("names a storage call that never returns", async () => {
    harness = await startProgram(
      [
        'import { Bot, session, type StorageAdapter } from "grammy";',
        "const never: StorageAdapter<unknown> = { read: () => new Promise(() => {}), write: async () => {}, delete: async () => {} };",
        'const bot = new Bot("");',
        "bot.use(session({ initial: () => ({}), storage: never }));",
        'bot.on("message", () => {});',
        "bot.start();",
      ].join("\n"),
      { waitingMs: 300, waitingCheckMs: 50 },
    );
    await harness.waitFor("ready");
    harness.runtime.dispatch(say("hi", 1));
    const waiting = await harness.waitFor("update-waiting", undefined, 3000);
    expect(waiting).toMatchObject({ updateId: 1, queued: 0, pending: { op: "read", key: "424242", storageIndex: 0 } });
  });

  it("is not reported for an update that finishes in time", async () => {
    harness = await startProgram(
      ['import { Bot } from "grammy";', 'const bot = new Bot("");', 'bot.on("message", (ctx) => ctx.reply("ok"));', "bot.start();"].join("\n"),
      { waitingMs: 300, waitingCheckMs: 50 },
    );
    await harness.waitFor("ready");
    harness.runtime.dispatch(say("hi", 1));
    await harness.waitFor("update-handled");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(harness.eventsOf("update-waiting")).toEqual([]);
  });
});
