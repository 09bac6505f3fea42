import { sequentialize } from "@grammyjs/runner";
import { type Context, MemorySessionStorage, session, type SessionFlavor, type StorageAdapter } from "grammy";
import { describe, expect, it } from "vitest";
import {
  ALICE,
  BOB,
  createOfflineBot,
  jsonStorage,
  PIZZA_GROUP,
  recordingStorage,
  structuredCloneStorage,
  UpdateFactory,
  webhookServer,
} from "./harness/index.ts";

interface Pizza {
  pizzaCount: number;
}
type KeyFn = (ctx: Omit<Context & SessionFlavor<Pizza>, "session">) => string | undefined;
const perUser: KeyFn = (ctx) => ctx.from?.id.toString();

/**
 * The pizza bot over `inner` behind a 5 ms delay per call, the way a database answers. The session already exists
 * (one update ran first), so what follows is not a first-contact effect.
 */
async function pizzaBotOnDatabase(options: { getSessionKey?: KeyFn; inner?: StorageAdapter<Pizza>; sequentialize?: boolean } = {}) {
  const inner = options.inner ?? structuredCloneStorage<Pizza>();
  const storage = recordingStorage(inner, { delayMs: 5 });
  const { bot } = createOfflineBot<Context & SessionFlavor<Pizza>>();
  // The runner's sequentialize, before the session, with the very key function the session uses.
  if (options.sequentialize) bot.use(sequentialize(options.getSessionKey ?? ((ctx: Context) => ctx.chatId?.toString())));
  bot.use(session({ initial: () => ({ pizzaCount: 0 }), storage, getSessionKey: options.getSessionKey }));
  bot.hears(/🍕/, (ctx) => {
    ctx.session.pizzaCount++;
  });
  bot.on("message", () => {});
  const u = new UpdateFactory();
  await bot.handleUpdate(u.message(ALICE, "hello"));
  await bot.handleUpdate(u.message(ALICE, "hello", PIZZA_GROUP));
  storage.reset();
  return { bot, storage, inner, u };
}

describe("concurrent updates", () => {
  it("per-user key, async storage, one user's updates in two chats processed concurrently: final count 1, one update lost (read, read, write, write)", async () => {
    const { bot, storage, inner, u } = await pizzaBotOnDatabase({ getSessionKey: perUser });

    await Promise.all([bot.handleUpdate(u.message(ALICE, "🍕")), bot.handleUpdate(u.message(ALICE, "🍕", PIZZA_GROUP))]);

    expect(await inner.read(String(ALICE.id))).toEqual({ pizzaCount: 1 });
    expect(storage.calls.map((c) => c.op)).toEqual(["read", "read", "write", "write"]);
    expect(storage.calls.map((c) => c.value)).toEqual([{ pizzaCount: 0 }, { pizzaCount: 0 }, { pizzaCount: 1 }, { pizzaCount: 1 }]);
  });

  it("per-user key, the same two updates processed sequentially: final count 2", async () => {
    const { bot, storage, inner, u } = await pizzaBotOnDatabase({ getSessionKey: perUser });

    await bot.handleUpdate(u.message(ALICE, "🍕"));
    await bot.handleUpdate(u.message(ALICE, "🍕", PIZZA_GROUP));

    expect(await inner.read(String(ALICE.id))).toEqual({ pizzaCount: 2 });
    expect(storage.calls.map((c) => c.op)).toEqual(["read", "write", "read", "write"]);
  });

  it("default per-chat key, the two updates in different chats processed concurrently: no conflict, each chat counts 1", async () => {
    const { bot, inner, u } = await pizzaBotOnDatabase();

    await Promise.all([bot.handleUpdate(u.message(ALICE, "🍕")), bot.handleUpdate(u.message(ALICE, "🍕", PIZZA_GROUP))]);

    expect(await inner.read(String(ALICE.id))).toEqual({ pizzaCount: 1 });
    expect(await inner.read(String(PIZZA_GROUP.id))).toEqual({ pizzaCount: 1 });
  });

  it("default per-chat key, two updates in the same chat processed concurrently: final count 1, one update lost", async () => {
    const { bot, inner, u } = await pizzaBotOnDatabase();

    await Promise.all([bot.handleUpdate(u.message(ALICE, "🍕", PIZZA_GROUP)), bot.handleUpdate(u.message(BOB, "🍕", PIZZA_GROUP))]);

    expect(await inner.read(String(PIZZA_GROUP.id))).toEqual({ pizzaCount: 1 });
  });

  // Guide: keys § Custom keys, webhooks and concurrency (the lost-update table)
  it("with MemorySessionStorage an existing session is one shared object, so concurrent increments both land: final count 2", async () => {
    const { bot, storage, inner, u } = await pizzaBotOnDatabase({ getSessionKey: perUser, inner: new MemorySessionStorage<Pizza>() });

    await Promise.all([bot.handleUpdate(u.message(ALICE, "🍕")), bot.handleUpdate(u.message(ALICE, "🍕", PIZZA_GROUP))]);

    expect(await inner.read(String(ALICE.id))).toEqual({ pizzaCount: 2 });
    expect(storage.calls.map((c) => c.op)).toEqual(["read", "read", "write", "write"]);
  });

  // Guide: keys § Custom keys, webhooks and concurrency (the lost-update table)
  it("with MemorySessionStorage a first contact still races: both updates get their own initial(), final count 1", async () => {
    const storage = recordingStorage(new MemorySessionStorage<Pizza>(), { delayMs: 5 });
    const { bot } = createOfflineBot<Context & SessionFlavor<Pizza>>();
    bot.use(session({ initial: () => ({ pizzaCount: 0 }), storage, getSessionKey: perUser }));
    bot.hears(/🍕/, (ctx) => {
      ctx.session.pizzaCount++;
    });
    const u = new UpdateFactory();

    await Promise.all([bot.handleUpdate(u.message(ALICE, "🍕")), bot.handleUpdate(u.message(ALICE, "🍕", PIZZA_GROUP))]);

    storage.reset();
    expect(await storage.read(String(ALICE.id))).toEqual({ pizzaCount: 1 });
  });

  it("sequentialize (from @grammyjs/runner) with the per-user key makes two concurrent updates of one user agree: count 2; without it one is lost", async () => {
    const concurrently = async (withSequentialize: boolean) => {
      const { bot, storage, inner, u } = await pizzaBotOnDatabase({ getSessionKey: perUser, sequentialize: withSequentialize });
      await Promise.all([bot.handleUpdate(u.message(ALICE, "🍕")), bot.handleUpdate(u.message(ALICE, "🍕", PIZZA_GROUP))]);
      return { count: (await inner.read(String(ALICE.id)))?.pizzaCount, ops: storage.calls.map((c) => c.op) };
    };

    expect(await concurrently(true)).toEqual({ count: 2, ops: ["read", "write", "read", "write"] });
    expect(await concurrently(false)).toEqual({ count: 1, ops: ["read", "read", "write", "write"] });
  });

  it("sequentialize lets updates with different keys run in parallel", async () => {
    const { bot, storage, u } = await pizzaBotOnDatabase({ getSessionKey: perUser, sequentialize: true });

    await Promise.all([bot.handleUpdate(u.message(ALICE, "🍕", PIZZA_GROUP)), bot.handleUpdate(u.message(BOB, "🍕", PIZZA_GROUP))]);

    expect(storage.trace()).toEqual([`read ${ALICE.id}`, `read ${BOB.id}`, `write ${ALICE.id}`, `write ${BOB.id}`]);
  });

  it("bot.start() handles updates one after another: with a slow async handler, the second update starts after the first finished", async () => {
    const { bot, poll } = createOfflineBot();
    const events: string[] = [];
    bot.on("message", async (ctx) => {
      events.push(`start ${ctx.msg.text}`);
      await new Promise((resolve) => setTimeout(resolve, 30));
      events.push(`end ${ctx.msg.text}`);
    });
    const u = new UpdateFactory();

    await poll([u.message(ALICE, "first"), u.message(BOB, "second")]);

    expect(events).toEqual(["start first", "end first", "start second", "end second"]);
  });
});

/** A promise and the function that resolves it, so a test decides when a handler's slow work finishes. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe("keys § lost-update table: which storages lose an update", () => {
  // Guide: keys § Custom keys, webhooks and concurrency (the lost-update table)
  it.each([
    ["a JSON adapter (Redis, files, SQL text)", () => jsonStorage<Pizza>()],
    ["a structured-clone adapter (IndexedDB)", () => structuredCloneStorage<Pizza>()],
    ["MemorySessionStorage", () => new MemorySessionStorage<Pizza>()],
  ])("two overlapping pizzas in one chat with an existing session, on %s", async (name, inner) => {
    const { bot, inner: stored, u } = await pizzaBotOnDatabase({ inner: inner() });

    await Promise.all([bot.handleUpdate(u.message(ALICE, "🍕", PIZZA_GROUP)), bot.handleUpdate(u.message(BOB, "🍕", PIZZA_GROUP))]);

    // Adapters that store copies hand each update its own object: the second write overwrites the first.
    const expected = name === "MemorySessionStorage" ? 2 : 1;
    expect(await stored.read(String(PIZZA_GROUP.id))).toEqual({ pizzaCount: expected });
  });
});

describe("keys § Custom keys, webhooks and concurrency: webhooks", () => {
  /**
   * A pizza bot behind grammY's webhookCallback with a 200 ms timeout, over a storage that keeps copies, where the
   * chat already has a session. Its 🍕 handler counts, then waits for `slowOrder` (say, a slow pizza API).
   */
  async function webhookPizzaBot(onTimeout?: "return") {
    const storage = recordingStorage(structuredCloneStorage<Pizza>());
    await storage.write(String(PIZZA_GROUP.id), { pizzaCount: 0 });
    storage.reset();
    const { bot } = createOfflineBot<Context & SessionFlavor<Pizza>>();
    bot.use(session({ initial: () => ({ pizzaCount: 0 }), storage }));
    const slowOrder = gate();
    let runs = 0;
    bot.hears(/🍕/, async (ctx) => {
      runs++;
      ctx.session.pizzaCount++;
      await slowOrder.opened;
    });
    const server = webhookServer(bot, { timeoutMilliseconds: 200, onTimeout });
    return { storage, server, slowOrder, runs: () => runs, u: new UpdateFactory() };
  }

  // Guide: keys § Custom keys, webhooks and concurrency
  it("an update that outlasts the webhook timeout is answered 500; Telegram sends it again and the two runs of one chat overlap: two increments, one stored", async () => {
    const { storage, server, slowOrder, runs, u } = await webhookPizzaBot();
    const pizza = u.message(ALICE, "🍕", PIZZA_GROUP);

    const first = await server.post(pizza); // grammY's default onTimeout is "throw": the request fails
    const resent = server.post(pizza); // Telegram repeats a request that did not get a 2xx answer
    await expect.poll(() => runs(), { interval: 1 }).toBe(2); // the resent update is being handled while the first run still waits
    slowOrder.open();

    expect([first, await resent]).toEqual([500, 200]);
    await expect.poll(() => storage.counts().write).toBe(2); // the first run finishes in the background
    expect(runs()).toBe(2);
    expect(storage.calls).toEqual([
      { op: "read", key: String(PIZZA_GROUP.id), value: { pizzaCount: 0 } },
      { op: "read", key: String(PIZZA_GROUP.id), value: { pizzaCount: 0 } },
      { op: "write", key: String(PIZZA_GROUP.id), value: { pizzaCount: 1 } },
      { op: "write", key: String(PIZZA_GROUP.id), value: { pizzaCount: 1 } },
    ]);
  });

  // Guide: keys § Custom keys, webhooks and concurrency
  it("with onTimeout 'return' a timed-out update is answered 200, so the chat's next update runs beside it: of two pizzas one is stored", async () => {
    const { storage, server, slowOrder, u } = await webhookPizzaBot("return");

    const first = await server.post(u.message(ALICE, "🍕", PIZZA_GROUP));
    const next = server.post(u.message(BOB, "🍕", PIZZA_GROUP));
    await expect.poll(() => storage.counts().read, { interval: 1 }).toBe(2); // Bob's update has read while Alice's still waits
    slowOrder.open();

    expect([first, await next]).toEqual([200, 200]);
    await expect.poll(() => storage.counts().write).toBe(2);
    expect(await storage.read(String(PIZZA_GROUP.id))).toEqual({ pizzaCount: 1 });
  });
});

describe("keys § Custom keys, webhooks and concurrency: sequentialize and async key functions", () => {
  /** Two pizzas of one chat handled at once, with `sequentialize(constraint)` before the session; the final count. */
  async function twoPizzasAtOnce(constraint: Parameters<typeof sequentialize<Context>>[0]) {
    const { bot, storage, inner, u } = await pizzaBotOnDatabase({ sequentialize: false });
    const serialised = createOfflineBot<Context & SessionFlavor<Pizza>>().bot;
    serialised.use(sequentialize(constraint));
    serialised.use(bot);
    await Promise.all([serialised.handleUpdate(u.message(ALICE, "🍕", PIZZA_GROUP)), serialised.handleUpdate(u.message(BOB, "🍕", PIZZA_GROUP))]);
    return { count: (await inner.read(String(PIZZA_GROUP.id)))?.pizzaCount, ops: storage.calls.map((c) => c.op) };
  }

  // Guide: keys § Custom keys, webhooks and concurrency
  it("sequentialize does not await its key function: with an async key function two updates of one chat overlap and one pizza is lost", async () => {
    const asyncChatKey = async (ctx: Context) => ctx.chatId?.toString();
    // TypeScript refuses it (sequentialize wants a string), but session() accepts the same function, and JavaScript runs it.
    // @ts-expect-error Type 'Promise<string | undefined>' is not assignable to type 'string | string[] | undefined'.
    expect(await twoPizzasAtOnce(asyncChatKey)).toEqual({ count: 1, ops: ["read", "read", "write", "write"] });
  });

  // Guide: keys § Custom keys, webhooks and concurrency
  it("the same key function without async serialises the two updates: both pizzas count", async () => {
    const chatKey = (ctx: Context) => ctx.chatId?.toString();
    expect(await twoPizzasAtOnce(chatKey)).toEqual({ count: 2, ops: ["read", "write", "read", "write"] });
  });
});

describe("work a handler starts but does not await", () => {
  /** The pizza bot over `inner`: 🍕 starts an order and counts the pizza only when it arrives, without awaiting it. */
  function forgetfulBot(inner: StorageAdapter<Pizza>) {
    const { bot, sentTexts } = createOfflineBot<Context & SessionFlavor<Pizza>>();
    bot.use(session({ initial: () => ({ pizzaCount: 0 }), storage: inner }));
    const delivery = gate();
    bot.hears(/🍕/, (ctx) => {
      void delivery.opened.then(() => ctx.session.pizzaCount++); // not awaited: the handler returns at once
    });
    bot.command("hunger", (ctx) => ctx.reply(`${ctx.session.pizzaCount}`));
    return { bot, sentTexts, delivery, u: new UpdateFactory() };
  }

  // Guide: usage § Work you don't await
  it.each([
    ["a JSON adapter", () => jsonStorage<Pizza>(), "0"],
    ["a structured-clone adapter (IndexedDB)", () => structuredCloneStorage<Pizza>(), "0"],
    ["MemorySessionStorage, which hides the bug (the stored object is ctx.session itself)", () => new MemorySessionStorage<Pizza>(), "1"],
  ])("a change made after the handler returned is lost on %s", async (_, inner, count) => {
    const { bot, sentTexts, delivery, u } = forgetfulBot(inner());

    await bot.handleUpdate(u.message(ALICE, "🍕")); // the session is written here, still with 0
    delivery.open();
    await delivery.opened;
    await bot.handleUpdate(u.command(ALICE, "hunger"));

    expect(sentTexts()).toEqual([count]);
  });
});
