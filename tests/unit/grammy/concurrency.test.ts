import { type Context, MemorySessionStorage, session, type SessionFlavor, type StorageAdapter } from "grammy";
import { describe, expect, it } from "vitest";
import { ALICE, BOB, createOfflineBot, PIZZA_GROUP, recordingStorage, structuredCloneStorage, UpdateFactory } from "./harness/index.ts";

interface Pizza {
  pizzaCount: number;
}
type KeyFn = (ctx: Omit<Context & SessionFlavor<Pizza>, "session">) => string | undefined;
const perUser: KeyFn = (ctx) => ctx.from?.id.toString();

/**
 * The pizza bot over `inner` behind a 5 ms delay per call, the way a database answers. The session already exists
 * (one update ran first), so what follows is not a first-contact effect.
 */
async function pizzaBotOnDatabase(options: { getSessionKey?: KeyFn; inner?: StorageAdapter<Pizza> } = {}) {
  const inner = options.inner ?? structuredCloneStorage<Pizza>();
  const storage = recordingStorage(inner, { delayMs: 5 });
  const { bot } = createOfflineBot<Context & SessionFlavor<Pizza>>();
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

  it("with MemorySessionStorage an existing session is one shared object, so concurrent increments both land: final count 2", async () => {
    const { bot, storage, inner, u } = await pizzaBotOnDatabase({ getSessionKey: perUser, inner: new MemorySessionStorage<Pizza>() });

    await Promise.all([bot.handleUpdate(u.message(ALICE, "🍕")), bot.handleUpdate(u.message(ALICE, "🍕", PIZZA_GROUP))]);

    expect(await inner.read(String(ALICE.id))).toEqual({ pizzaCount: 2 });
    expect(storage.calls.map((c) => c.op)).toEqual(["read", "read", "write", "write"]);
  });

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
});
