import { BotError, type Context, lazySession, type LazySessionFlavor, MemorySessionStorage } from "grammy";
import { describe, expect, it } from "vitest";
import { ALICE, BOB, createOfflineBot, PIZZA_GROUP, recordingStorage, UpdateFactory } from "./harness/index.ts";

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

/** Whether `promise` settles (resolves or rejects) within `ms` milliseconds, without waiting any longer for it. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const settled = promise.then(
    () => true,
    () => true,
  );
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
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

  it("an assigned promise that rejects: nothing is written and the update fails with that error", async () => {
    const { bot, storage, updates } = lazyBot();
    const offline = new Error("old pizza service unreachable");
    bot.command("import", (ctx) => {
      // Rejects later, while grammY is already waiting for it after the handlers.
      ctx.session = new Promise<Pizza>((_, reject) => setTimeout(() => reject(offline), 2));
    });

    const error = await bot.handleUpdate(updates.command(ALICE, "import")).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BotError);
    expect((error as BotError).error).toBe(offline);
    expect(storage.calls).toEqual([]);
  });

  it.each([
    ["a synchronous storage (MemorySessionStorage)", undefined],
    ["a storage that answers after 5 ms", 5],
  ])(
    "building the assigned promise from an unfinished read (ctx.session = ctx.session.then(…)) never settles, with %s",
    async (_, delayMs) => {
      const { bot, storage, updates } = lazyBot({ delayMs });
      bot.command("diet", (ctx) => {
        // The first access starts the read; the promise built from it is assigned before the read has finished.
        ctx.session = Promise.resolve(ctx.session).then((s) => ({ ...s, pizzaCount: 0 }));
      });
      bot.command("hunger", async (ctx) => ctx.reply(`${(await ctx.session).pizzaCount}`));

      const stuck = bot.handleUpdate(updates.command(ALICE, "diet"));
      const normal = bot.handleUpdate(updates.command(BOB, "hunger"));

      expect(await settlesWithin(normal, 200)).toBe(true);
      expect(await settlesWithin(stuck, 200)).toBe(false);
      // The read itself completed; the write that should follow it never comes.
      expect(storage.calls.filter((c) => c.key === String(ALICE.id))).toEqual([{ op: "read", key: String(ALICE.id), value: undefined }]);
    },
  );

  it("awaiting the read first and then assigning a value derived from it settles and writes", async () => {
    const { bot, storage, updates } = lazyBot({ delayMs: 5 });
    bot.command("diet", async (ctx) => {
      const session = await ctx.session;
      ctx.session = Promise.resolve({ ...session, pizzaCount: 0 });
    });

    expect(await settlesWithin(bot.handleUpdate(updates.command(ALICE, "diet")), 200)).toBe(true);
    expect(storage.trace()).toEqual([`read ${ALICE.id}`, `write ${ALICE.id}`]);
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
