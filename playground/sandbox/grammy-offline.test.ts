import { readFileSync } from "node:fs";
import type { Chat, Update, User } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import type { SandboxEvent, StorageOpEvent } from "../protocol";
import { SIMULATED_TOKEN } from "./grammy-offline";
import { startProgram, type ProgramHarness } from "./testing/sandbox-harness";
import { createInlineQueryUpdate, createTextMessageUpdate, createUpdateIdSequence } from "../telegram/updates";

const alice: User = { id: 111, is_bot: false, first_name: "Alice" };
const bob: User = { id: 222, is_bot: false, first_name: "Bob" };
const aliceChat: Chat = { id: 111, type: "private", first_name: "Alice" };
const group: Chat = { id: -100500, type: "supergroup", title: "Pizza club" };

const running: ProgramHarness[] = [];
afterEach(async () => {
  for (const harness of running.splice(0)) await harness.stop();
});

async function start(source: string, filename?: string): Promise<ProgramHarness> {
  const harness = await startProgram(source, { filename });
  running.push(harness);
  await harness.waitFor("ready");
  return harness;
}

/** Sends texts as users would, one after another, waiting for each to be handled. */
async function chat(harness: ProgramHarness, messages: { from: User; chat: Chat; text: string }[], firstId = 1) {
  const nextId = createUpdateIdSequence(firstId);
  for (const m of messages) {
    const updateId = nextId();
    harness.runtime.dispatch(createTextMessageUpdate({ ...m, updateId, messageId: updateId }));
    await harness.waitFor("update-handled", (e) => e.updateId === updateId);
  }
}

const replies = (harness: ProgramHarness) =>
  harness
    .eventsOf("api-call")
    .filter((c) => c.method === "sendMessage")
    .map((c) => (c.result as { text: string } | undefined)?.text ?? c.error?.description);

/** Storage ops in a compact form: op, key, what was found/written, per update. */
const storageOps = (harness: ProgramHarness) =>
  harness.eventsOf("storage").map((e) => {
    const op: Record<string, unknown> = { update: e.updateId, op: e.op, key: e.key };
    if (e.op === "read") op.found = e.found;
    if (e.value !== undefined) op.value = e.value;
    return op;
  });

describe("the offline Bot", () => {
  it("new Bot('') gets the simulated token and botInfo, and bot.start() long-polls the simulated chat", async () => {
    const harness = await start(`
      import { Bot } from "grammy";
      const bot = new Bot("");
      bot.on("message:text", (ctx) => ctx.reply("echo: " + ctx.message.text));
      bot.start({ onStart: () => bot.api.setMyCommands([{ command: "start", description: "Start" }]) });
    `);
    const [bot] = harness.runtime.createdBots;
    expect(bot.token).toBe(SIMULATED_TOKEN);
    expect(bot.botInfo.username).toBe("session_lab_bot");
    // grammY's start(): deleteWebhook, then onStart, then the long poll waits.
    await harness.waitFor("api-call", (c) => c.method === "setMyCommands");
    await expect.poll(() => harness.runtime.simulator.isPolling).toBe(true);
    expect(bot.isRunning()).toBe(true);

    harness.runtime.dispatch(createTextMessageUpdate({ from: alice, chat: aliceChat, text: "hi", updateId: 1, messageId: 1 }));
    const handled = await harness.waitFor("update-handled", (e) => e.updateId === 1);
    expect(handled.error).toBeUndefined();
    const poll = harness.eventsOf("api-call").find((c) => c.method === "getUpdates" && (c.result as Update[]).length > 0);
    expect((poll?.result as Update[]).map((u) => u.update_id)).toEqual([1]);
    const reply = harness.eventsOf("api-call").find((c) => c.method === "sendMessage");
    expect(reply).toMatchObject({ updateId: 1, payload: { chat_id: 111, text: "echo: hi" }, result: { message_id: 2, text: "echo: hi" } });
    expect(harness.eventsOf("api-call").map((c) => c.method).slice(0, 2)).toEqual(["deleteWebhook", "setMyCommands"]);

    // The next long poll confirms update 1; stop() ends the loop.
    await bot.stop();
    expect(bot.isRunning()).toBe(false);
    expect(harness.runtime.simulator.isPolling).toBe(false);
    expect(harness.runtime.simulator.queuedUpdates).toBe(0);
  });

  it("sends updates to handleUpdate of the last bot created when no bot was started, one at a time", async () => {
    const harness = await start(`
      import { Bot } from "grammy";
      const bot = new Bot("");
      bot.command("slow", async (ctx) => {
        await ctx.reply("slow: begin");
        await new Promise((resolve) => setTimeout(resolve, 30));
        await ctx.reply("slow: end");
      });
      bot.command("fast", (ctx) => ctx.reply("fast"));
    `);
    harness.runtime.dispatch(createTextMessageUpdate({ from: alice, chat: aliceChat, text: "/slow", updateId: 1, messageId: 1 }));
    harness.runtime.dispatch(createTextMessageUpdate({ from: alice, chat: aliceChat, text: "/fast", updateId: 2, messageId: 2 }));
    await harness.waitFor("update-handled", (e) => e.updateId === 2);
    expect(replies(harness)).toEqual(["slow: begin", "slow: end", "fast"]);
    expect(harness.eventsOf("api-call").filter((c) => c.method === "sendMessage").map((c) => c.updateId)).toEqual([1, 1, 2]);
    expect(harness.events.map((e) => e.type).filter((t) => t.startsWith("update"))).toEqual([
      "update-received",
      "update-received",
      "update-handled",
      "update-handled",
    ]);
  });

  it("reports a handler's error with the user's line, and grammY's error handler sees it as in production", async () => {
    const harness = await start(
      [
        'import { Bot, GrammyError } from "grammy";',
        'const bot = new Bot("");',
        'bot.command("boom", () => {',
        '  throw new Error("kaboom");',
        "});",
        'bot.command("bad", (ctx) => ctx.api.sendMessage(424242, "nobody"));',
        "bot.catch(async (err) => {",
        "  const kind = err.error instanceof GrammyError ? `GrammyError ${err.error.error_code}` : String(err.error);",
        '  await err.ctx.reply("handled: " + kind);',
        "});",
        "bot.start();",
      ].join("\n"),
      "errors.ts",
    );
    await chat(harness, [
      { from: alice, chat: aliceChat, text: "/boom" },
      { from: alice, chat: aliceChat, text: "/bad" },
    ]);
    const handled = harness.eventsOf("update-handled");
    expect(handled.map((e) => [e.updateId, e.error])).toEqual([
      [1, "Error: kaboom"],
      [2, "GrammyError: Call to 'sendMessage' failed! (400: Bad Request: chat not found)"],
    ]);
    const errors = harness.eventsOf("error");
    expect(errors[0]).toEqual({ type: "error", phase: "update", name: "Error", message: "kaboom", line: 4, column: 9, updateId: 1 });
    expect(errors[1]).toMatchObject({ phase: "update", name: "GrammyError", updateId: 2, line: 6 });
    // bot.catch ran for both, and its replies count as part of the failed update.
    await expect.poll(() => replies(harness).length).toBe(3);
    const caught = harness.eventsOf("api-call").filter((c) => c.method === "sendMessage" && c.result);
    expect(caught.map((c) => [c.updateId, (c.result as { text: string }).text])).toEqual([
      [1, "handled: Error: kaboom"],
      [2, "handled: GrammyError 400"],
    ]);
    expect(harness.runtime.createdBots[0].isRunning()).toBe(true);
  });

  it("keeps production behaviour without bot.catch: the default handler stops the bot, later updates are not delivered", async () => {
    const throwing = '      bot.on("message", () => { throw new Error("unhandled in handler"); });';
    const harness = await start(`
      import { Bot } from "grammy";
      const bot = new Bot("");
${throwing}
      bot.start();
    `);
    const column = throwing.indexOf("new Error") + 1;
    // In the worker, an unhandled rejection reaches the runtime through the "unhandledrejection"
    // event; here Node's process event stands in for it.
    const vitestListeners = process.listeners("unhandledRejection");
    process.removeAllListeners("unhandledRejection");
    process.on("unhandledRejection", (reason) => harness.runtime.reportUnhandled(reason));
    const original = console.error;
    console.error = () => undefined; // grammY's default error handler logs; that is expected here
    try {
      harness.runtime.dispatch(createTextMessageUpdate({ from: alice, chat: aliceChat, text: "x", updateId: 1, messageId: 1 }));
      // bot.start() rejects with the BotError; the program did not await it, so it is unhandled.
      await harness.waitFor("error", (e) => e.phase === "unhandled");
    } finally {
      console.error = original;
      process.removeAllListeners("unhandledRejection");
      for (const listener of vitestListeners) process.on("unhandledRejection", listener);
    }
    expect(harness.runtime.createdBots[0].isRunning()).toBe(false);
    expect(harness.eventsOf("error")).toEqual([
      { type: "error", phase: "update", name: "Error", message: "unhandled in handler", line: 4, column, updateId: 1 },
      { type: "error", phase: "unhandled", name: "Error", message: "unhandled in handler", line: 4, column },
    ]);
    // The page learns that the bot stopped, and why.
    expect(harness.eventsOf("bot-stopped")).toEqual([
      { type: "bot-stopped", updateId: 1, error: { name: "Error", message: "unhandled in handler", line: 4, column } },
    ]);
    harness.runtime.dispatch(createTextMessageUpdate({ from: alice, chat: aliceChat, text: "y", updateId: 2, messageId: 2 }));
    expect(harness.eventsOf("not-delivered")).toMatchObject([{ type: "not-delivered", reason: "bot-stopped", update: { update_id: 2 } }]);
    expect(harness.eventsOf("update-handled").map((e) => e.updateId)).toEqual([1]);
  });

  it("reports a program that throws while loading, with the line, and no ready", async () => {
    const harness = await startProgram(['import { Bot } from "grammy";', "", 'const bot = new Bot("");', 'throw new TypeError("bad setup");'].join("\n"));
    await harness.loaded;
    expect(harness.eventsOf("ready")).toEqual([]);
    expect(harness.eventsOf("error")).toEqual([
      { type: "error", phase: "load", name: "TypeError", message: "bad setup", line: 4, column: 7 },
    ]);
  });

  it("counts `await bot.start()` at top level as ready, though the module never finishes loading", async () => {
    const harness = await start(`
      import { Bot } from "grammy";
      const bot = new Bot("");
      bot.on("message", (ctx) => ctx.reply("up"));
      await bot.start();
    `);
    await chat(harness, [{ from: alice, chat: aliceChat, text: "hello" }]);
    expect(replies(harness)).toEqual(["up"]);
  });
});

describe("observed sessions", () => {
  it("runs the memory pizza example: the right replies, and strict reads and writes exactly as grammY makes them", async () => {
    const source = readFileSync(new URL("../examples/pizza-memory/en.ts", import.meta.url), "utf8");
    const harness = await start(source, "pizza.ts");
    await chat(harness, [
      { from: alice, chat: aliceChat, text: "/hunger" },
      { from: alice, chat: aliceChat, text: "🍕" },
      { from: alice, chat: aliceChat, text: "Another 🍕 please" },
      { from: alice, chat: aliceChat, text: "/hunger" },
      { from: alice, chat: aliceChat, text: "thanks" },
    ]);
    expect(replies(harness)).toEqual(["Your hunger level is 0!", "Your hunger level is 2!"]);
    expect(storageOps(harness)).toEqual([
      // First contact: nothing stored, initial() is used and written back.
      { update: 1, op: "read", key: "111", found: false },
      { update: 1, op: "write", key: "111", value: { pizzaCount: 0 } },
      { update: 2, op: "read", key: "111", found: true, value: { pizzaCount: 0 } },
      { update: 2, op: "write", key: "111", value: { pizzaCount: 1 } },
      { update: 3, op: "read", key: "111", found: true, value: { pizzaCount: 1 } },
      { update: 3, op: "write", key: "111", value: { pizzaCount: 2 } },
      // Reading ctx.session marks it for write-back even though nothing changed.
      { update: 4, op: "read", key: "111", found: true, value: { pizzaCount: 2 } },
      { update: 4, op: "write", key: "111", value: { pizzaCount: 2 } },
      // No handler touched the session: strict sessions still read, but do not write.
      { update: 5, op: "read", key: "111", found: true, value: { pizzaCount: 2 } },
    ]);
    const storage = harness.eventsOf("storage");
    expect(storage.every((e) => e.storageIndex === 0)).toBe(true);
    // Before/after snapshots survive MemorySessionStorage handing out the same object every time.
    expect(storage.map((e) => [e.op, e.before, e.after])).toEqual([
      ["read", undefined, undefined],
      ["write", undefined, { pizzaCount: 0 }],
      ["read", undefined, { pizzaCount: 0 }],
      ["write", { pizzaCount: 0 }, { pizzaCount: 1 }],
      ["read", undefined, { pizzaCount: 1 }],
      ["write", { pizzaCount: 1 }, { pizzaCount: 2 }],
      ["read", undefined, { pizzaCount: 2 }],
      ["write", { pizzaCount: 2 }, { pizzaCount: 2 }],
      ["read", undefined, { pizzaCount: 2 }],
    ]);
  });

  const groupDay = [
    { from: alice, chat: group, text: "hi all" },
    { from: bob, chat: group, text: "🍕" },
    { from: alice, chat: group, text: "nice" },
    { from: bob, chat: group, text: "/hunger" },
    { from: alice, chat: group, text: "lol" },
    { from: alice, chat: group, text: "🍕🍕" },
    { from: bob, chat: group, text: "ok" },
    { from: alice, chat: group, text: "bye" },
    { from: bob, chat: group, text: "/hunger@session_lab_bot" },
    { from: alice, chat: group, text: "see you" },
  ];
  const count = (events: StorageOpEvent[], op: string) => events.filter((e) => e.op === op).length;

  it("measures a 10-update group chat as the docs say: strict 10 reads, 5 writes", async () => {
    const source = readFileSync(new URL("../examples/pizza-memory/en.ts", import.meta.url), "utf8");
    const harness = await start(source, "pizza.ts");
    await chat(harness, groupDay);
    expect(replies(harness)).toEqual(["Your hunger level is 1!", "Your hunger level is 2!"]);
    const storage = harness.eventsOf("storage");
    expect([count(storage, "read"), count(storage, "write")]).toEqual([10, 5]);
  });

  it("…and lazy sessions 4 reads, 4 writes", async () => {
    const harness = await start(`
      import { Bot, Context, lazySession, LazySessionFlavor } from "grammy";
      type MyContext = Context & LazySessionFlavor<{ pizzaCount: number }>;
      const bot = new Bot<MyContext>("");
      bot.use(lazySession({ initial: () => ({ pizzaCount: 0 }) }));
      bot.command("hunger", async (ctx) => {
        const session = await ctx.session;
        await ctx.reply("Your hunger level is " + session.pizzaCount + "!");
      });
      bot.hears(/🍕/, async (ctx) => {
        const session = await ctx.session;
        session.pizzaCount++;
      });
      bot.start();
    `);
    await chat(harness, groupDay);
    expect(replies(harness)).toEqual(["Your hunger level is 1!", "Your hunger level is 2!"]);
    const storage = harness.eventsOf("storage");
    expect([count(storage, "read"), count(storage, "write")]).toEqual([4, 4]);
    expect(storage.map((e) => e.updateId)).toEqual([2, 2, 4, 4, 6, 6, 9, 9]);
  });

  it("does not write back when a handler throws, and fails on chat-less updates as grammY does", async () => {
    const harness = await start(`
      import { Bot, Context, session, SessionFlavor } from "grammy";
      const bot = new Bot<Context & SessionFlavor<{ n: number }>>("");
      bot.use(session({ initial: () => ({ n: 0 }) }));
      bot.on("message", (ctx) => {
        ctx.session.n++;
        if (ctx.message.text === "fail") throw new Error("no write-back");
      });
      bot.on("inline_query", (ctx) => ctx.answerInlineQuery([{ type: "article", id: "1", title: String(ctx.session.n), input_message_content: { message_text: "x" } }]));
    `);
    await chat(harness, [
      { from: alice, chat: aliceChat, text: "ok" },
      { from: alice, chat: aliceChat, text: "fail" },
    ]);
    expect(storageOps(harness).map((o) => `${o.update}:${o.op}`)).toEqual(["1:read", "1:write", "2:read"]);
    harness.runtime.dispatch(createInlineQueryUpdate({ from: alice, query: "x", updateId: 3 }));
    const handled = await harness.waitFor("update-handled", (e) => e.updateId === 3);
    expect(handled.error).toBe("Error: Cannot access session data because this update does not belong to a chat, so the session key is undefined!");
    expect(harness.eventsOf("storage")).toHaveLength(3);
  });

  it("observes every fragment of a multi session, and enhanceStorage results, each with its own index", async () => {
    const harness = await start(`
      import { Bot, Context, enhanceStorage, MemorySessionStorage, session, SessionFlavor } from "grammy";
      type Data = { visits: { n: number }; prefs: { lang: string } };
      const bot = new Bot<Context & SessionFlavor<Data>>("");
      bot.use(session({
        type: "multi",
        visits: { initial: () => ({ n: 0 }) },
        prefs: { initial: () => ({ lang: "en" }), storage: enhanceStorage({ storage: new MemorySessionStorage(), millisecondsToLive: 60_000 }) },
      }));
      bot.on("message", (ctx) => { ctx.session.visits.n++; });
    `);
    await chat(harness, [{ from: alice, chat: aliceChat, text: "hi" }]);
    const ops = harness.eventsOf("storage").map((e) => [e.storageIndex, e.op, e.key, e.value]);
    expect(ops).toEqual([
      [0, "read", "111", undefined],
      [1, "read", "111", undefined],
      [0, "write", "111", { n: 1 }],
      // Untouched but new: initial() is written back; enhanceStorage's envelope stays inside it.
      [1, "write", "111", { lang: "en" }],
    ]);
  });

  it("gives IndexedDBAdapter the run's database unless the program names one", async () => {
    const harness = await startProgram("export {};", { database: "playground-page-7" });
    await harness.loaded;
    const { IndexedDBAdapter } = harness.runtime.modules["@session-lab/adapters-browser"] as typeof import("@session-lab/adapters-browser");
    expect(new IndexedDBAdapter().database).toBe("playground-page-7");
    expect(new IndexedDBAdapter({ database: "mine" }).database).toBe("mine");
  });
});

it("every event the harness saw is one of the protocol's", async () => {
  const harness = await start(`
    import { Bot } from "grammy";
    const bot = new Bot("");
    bot.on("message", (ctx) => ctx.reply("hi"));
  `);
  await chat(harness, [{ from: alice, chat: aliceChat, text: "x" }]);
  const types = new Set<SandboxEvent["type"]>(["ready", "storage-used", "update-received", "update-handled", "storage", "api-call", "console", "error", "pong"]);
  expect(harness.events.every((e) => types.has(e.type))).toBe(true);
});
