import { type Context, lazySession, type LazySessionFlavor, MemorySessionStorage } from "grammy";
import { describe, expect, it } from "vitest";
import { ALICE, createOfflineBot, PIZZA_GROUP, recordingStorage, UpdateFactory } from "./harness/index.ts";

interface Pizza {
  pizzaCount: number;
}
type LazyPizzaContext = Context & LazySessionFlavor<Pizza>;

/** A bot with `lazySession()` over a recording in-memory storage; tests add handlers after it. */
function lazyBot(options: { delayMs?: number } = {}) {
  const storage = recordingStorage(new MemorySessionStorage<Pizza>(), options);
  const offline = createOfflineBot<LazyPizzaContext>();
  offline.bot.use(lazySession({ initial: () => ({ pizzaCount: 0 }), storage }));
  return { ...offline, storage, updates: new UpdateFactory() };
}

describe("lazySession()", () => {
  it("no read and no write when ctx.session is never touched, on first contact too (nothing is written)", async () => {
    const { bot, storage, updates } = lazyBot();
    bot.on("message", () => {});

    await bot.handleUpdate(updates.message(ALICE, "hi", PIZZA_GROUP));
    await bot.handleUpdate(updates.message(ALICE, "anyone?", PIZZA_GROUP));

    expect(storage.calls).toEqual([]);
  });

  it("reading (await ctx.session) costs one read and one write", async () => {
    const { bot, storage, updates } = lazyBot();
    bot.command("hunger", async (ctx) => ctx.reply(`${(await ctx.session).pizzaCount}`));

    await bot.handleUpdate(updates.command(ALICE, "hunger", PIZZA_GROUP));

    expect(storage.calls).toEqual([
      { op: "read", key: String(PIZZA_GROUP.id), value: undefined },
      { op: "write", key: String(PIZZA_GROUP.id), value: { pizzaCount: 0 } },
    ]);
  });

  it("awaiting ctx.session several times in one update is still one read", async () => {
    const { bot, storage, updates } = lazyBot({ delayMs: 2 });
    bot.hears(/🍕/, async (ctx) => {
      const [a, b] = await Promise.all([ctx.session, ctx.session]); // two accesses while the read is in flight
      a.pizzaCount++;
      (await ctx.session).pizzaCount++; // and one after it settled
      expect(b).toBe(a);
    });

    await bot.handleUpdate(updates.message(ALICE, "🍕🍕"));

    expect(storage.calls).toEqual([
      { op: "read", key: String(ALICE.id), value: undefined },
      { op: "write", key: String(ALICE.id), value: { pizzaCount: 2 } },
    ]);
  });

  it("assigning before reading skips the read: 0 reads, 1 write", async () => {
    const { bot, storage, updates } = lazyBot();
    bot.command("reset", async (ctx) => {
      ctx.session = { pizzaCount: 10 };
      (await ctx.session).pizzaCount++; // reading after the assignment returns the assigned value, still no read
    });

    await bot.handleUpdate(updates.command(ALICE, "reset"));

    expect(storage.calls).toEqual([{ op: "write", key: String(ALICE.id), value: { pizzaCount: 11 } }]);
  });

  it("an assigned promise is awaited before the write: the stored value is the resolved value", async () => {
    const { bot, storage, updates } = lazyBot();
    bot.command("reset", (ctx) => {
      ctx.session = new Promise<Pizza>((resolve) => setTimeout(() => resolve({ pizzaCount: 42 }), 2));
    });

    await bot.handleUpdate(updates.command(ALICE, "reset"));

    expect(storage.calls).toEqual([{ op: "write", key: String(ALICE.id), value: { pizzaCount: 42 } }]);
  });

  it("an assigned promise that resolves to null deletes the key", async () => {
    const { bot, storage, updates } = lazyBot();
    bot.command("reset", (ctx) => {
      const chat: LazyPizzaContext = ctx; // command contexts lose the setter's wider type in TypeScript
      chat.session = Promise.resolve(null);
    });

    await bot.handleUpdate(updates.command(ALICE, "reset"));

    expect(storage.trace()).toEqual([`delete ${ALICE.id}`]);
  });

  it("an assignment made while the read is in flight wins over the value read", async () => {
    const { bot, storage, updates } = lazyBot({ delayMs: 5 });
    bot.command("reset", async (ctx) => {
      const pending = ctx.session;
      ctx.session = { pizzaCount: 7 };
      expect(await pending).toEqual({ pizzaCount: 7 });
    });

    await bot.handleUpdate(updates.command(ALICE, "reset"));

    expect(storage.trace()).toEqual([`read ${ALICE.id}`, `write ${ALICE.id}`]);
    expect(storage.calls[1].value).toEqual({ pizzaCount: 7 });
  });

  it("lazySession({ type: 'multi' }) throws 'Cannot use lazy multi sessions!'", () => {
    expect(() => lazySession({ type: "multi" } as never)).toThrow(new Error("Cannot use lazy multi sessions!"));
    expect(() => lazySession({ type: "single" })).not.toThrow();
  });

  it("ctx.session is a Promise while not yet loaded, the same Promise on every access during the read, and the plain value once loaded", async () => {
    const { bot, updates } = lazyBot({ delayMs: 2 });
    const seen: unknown[] = [];
    bot.on("message", async (ctx) => {
      seen.push(ctx.session, ctx.session);
      await ctx.session;
      seen.push(ctx.session);
    });

    await bot.handleUpdate(updates.message(ALICE, "hi"));

    expect(seen[0]).toBeInstanceOf(Promise);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).not.toBeInstanceOf(Promise);
    expect(seen[2]).toEqual({ pizzaCount: 0 });
  });
});
