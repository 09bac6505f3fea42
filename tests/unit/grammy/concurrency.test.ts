import { sequentialize } from "@grammyjs/runner";
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
