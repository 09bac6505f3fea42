import {
  BotError,
  type Context,
  enhanceStorage,
  lazySession,
  type LazySessionFlavor,
  MemorySessionStorage,
  session,
  type SessionFlavor,
  type StorageAdapter,
} from "grammy";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  ALICE,
  BOB,
  CHANNEL,
  createOfflineBot,
  type MemoryStorageSpy,
  PIZZA_GROUP,
  recordingStorage,
  spyOnMemorySessionStorage,
  UpdateFactory,
} from "./harness/index.ts";

interface Pizza {
  pizzaCount: number;
}
type PizzaContext = Context & SessionFlavor<Pizza>;

/** The pizza bot as the guide builds it, on whatever storage `options` names (none: grammY's default). */
function pizzaBot(options: { storage?: StorageAdapter<Pizza> } = {}) {
  const offline = createOfflineBot<PizzaContext>();
  offline.bot.use(session({ initial: () => ({ pizzaCount: 0 }), ...options }));
  offline.bot.command("hunger", (ctx) => ctx.reply(`${ctx.session.pizzaCount}`));
  offline.bot.hears(/🍕/, (ctx) => {
    ctx.session.pizzaCount++;
  });
  offline.bot.on("message", () => {});
  return offline;
}

let spy: MemoryStorageSpy;
beforeEach(() => void (spy = spyOnMemorySessionStorage()));
afterEach(() => spy.restore());

describe("storage: the default, MemorySessionStorage", () => {
  it("without storage, each session() call gets its own MemorySessionStorage: two bots don't share data", async () => {
    const first = pizzaBot();
    const second = pizzaBot();
    const u = new UpdateFactory();

    await first.bot.handleUpdate(u.message(ALICE, "🍕"));
    await second.bot.handleUpdate(u.command(ALICE, "hunger"));

    expect(second.sentTexts()).toEqual(["0"]);
    expect(spy.instances()).toHaveLength(2);
    expect(spy.instances().every((s) => s instanceof MemorySessionStorage)).toBe(true);
  });

  it("without storage, each multi fragment gets its own MemorySessionStorage: two fragments with equal keys don't overwrite each other", async () => {
    const { bot } = createOfflineBot<Context & SessionFlavor<{ eater: Pizza; table: { orders: string[] } }>>();
    bot.use(session({ type: "multi", eater: { initial: () => ({ pizzaCount: 0 }) }, table: { initial: () => ({ orders: [] }) } }));
    const seen: unknown[] = [];
    bot.on("message", (ctx) => {
      ctx.session.eater.pizzaCount++;
      ctx.session.table.orders.push(ctx.msg.text ?? "");
      seen.push(structuredClone({ ...ctx.session }));
    });
    const u = new UpdateFactory();

    await bot.handleUpdate(u.message(ALICE, "margherita"));
    await bot.handleUpdate(u.message(ALICE, "diavola"));

    // Both fragments use the chat id as key; only separate storages keep them apart.
    expect(new Set(spy.calls.map((c) => c.key))).toEqual(new Set([String(ALICE.id)]));
    expect(spy.instances()).toHaveLength(2);
    expect(seen.at(-1)).toEqual({ eater: { pizzaCount: 2 }, table: { orders: ["margherita", "diavola"] } });
  });

  it("memory sessions are lost when the process ends: a new Bot with session() starts empty", async () => {
    const before = pizzaBot();
    const u = new UpdateFactory();
    await before.bot.handleUpdate(u.message(ALICE, "🍕"));
    await before.bot.handleUpdate(u.command(ALICE, "hunger"));

    // A restart builds the bot again, and with it a new default storage.
    const after = pizzaBot();
    await after.bot.handleUpdate(u.command(ALICE, "hunger"));

    expect(before.sentTexts()).toEqual(["1"]);
    expect(after.sentTexts()).toEqual(["0"]);
  });
});

describe("storage: failing writes", () => {
  it("a failing write makes the update fail after the handlers ran, and bot.catch sees it while long polling", async () => {
    const diskFull = new Error("disk full");
    const inner = new MemorySessionStorage<Pizza>();
    const storage = recordingStorage<Pizza>({ read: (k) => inner.read(k), write: () => Promise.reject(diskFull), delete: (k) => inner.delete(k) });
    const { bot, poll, sentTexts } = createOfflineBot<PizzaContext>();
    bot.use(session({ initial: () => ({ pizzaCount: 0 }), storage }));
    bot.hears(/🍕/, async (ctx) => {
      ctx.session.pizzaCount++;
      await ctx.reply(`counted: ${ctx.session.pizzaCount}`);
    });
    const caught: unknown[] = [];
    bot.catch((err) => void caught.push(err));
    const u = new UpdateFactory();

    await poll([u.message(ALICE, "🍕"), u.message(BOB, "🍕")]);

    expect(sentTexts()).toEqual(["counted: 1", "counted: 1"]); // the handlers ran to the end
    expect(caught).toHaveLength(2);
    expect(caught.every((e) => e instanceof BotError && e.error === diskFull)).toBe(true);
    expect((caught[0] as BotError).ctx.from?.id).toBe(ALICE.id);
    expect(storage.trace()).toEqual([`read ${ALICE.id}`, `write ${ALICE.id}`, `read ${BOB.id}`, `write ${BOB.id}`]);
    expect(inner.readAllKeys()).toEqual([]);
  });
});

describe("storage: what the session middleware asks of an adapter", () => {
  it("the session middleware only calls read, write and delete, never has or readAll*", async () => {
    const used = new Set<string | symbol>();
    /** A full adapter (every optional method included) that notes each property grammY looks up on it. */
    const watched = <T>(): StorageAdapter<T> =>
      new Proxy(new MemorySessionStorage<T>(), {
        get(target, prop, receiver) {
          used.add(prop);
          const value = Reflect.get(target, prop, receiver) as unknown;
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
    const u = new UpdateFactory();
    const traffic = () => [
      u.message(ALICE, "hello"),
      u.message(ALICE, "🍕"),
      u.command(ALICE, "reset"),
      u.channelPost(CHANNEL, "news"),
      u.inlineQuery(ALICE, "margherita"),
    ];

    const strict = createOfflineBot<PizzaContext>().bot;
    strict.use(session({ initial: () => ({ pizzaCount: 0 }), storage: watched<Pizza>() }));
    strict.hears(/🍕/, (ctx) => void ctx.session.pizzaCount++);
    strict.command("reset", (ctx) => void ((ctx as PizzaContext).session = null));

    const lazy = createOfflineBot<Context & LazySessionFlavor<Pizza>>().bot;
    lazy.use(lazySession({ initial: () => ({ pizzaCount: 0 }), storage: watched<Pizza>() }));
    lazy.hears(/🍕/, async (ctx) => void (await ctx.session).pizzaCount++);
    lazy.command("reset", (ctx) => void ((ctx as Context & LazySessionFlavor<Pizza>).session = null));

    const multi = createOfflineBot<Context & SessionFlavor<{ eater: Pizza; table?: Pizza }>>().bot;
    multi.use(
      session({
        type: "multi",
        eater: { initial: () => ({ pizzaCount: 0 }), storage: watched<Pizza>(), getSessionKey: (ctx) => ctx.from?.id.toString() },
        table: { storage: enhanceStorage({ storage: watched(), millisecondsToLive: 60_000 }) },
      }),
    );
    multi.hears(/🍕/, (ctx) => void (ctx.session.table = { pizzaCount: ++ctx.session.eater.pizzaCount }));
    multi.command("reset", (ctx) => void ((ctx as Context & SessionFlavor<unknown>).session = null));

    for (const bot of [strict, lazy, multi]) for (const update of traffic()) await bot.handleUpdate(update);

    expect([...used].sort()).toEqual(["delete", "read", "write"]);
  });

  // Guide: usage § What the middleware does, step by step (step 3)
  it("read returning null counts as a stored value: ctx.session is null and initial() is not called", async () => {
    const storage = recordingStorage<Pizza>({
      // A database client's "no row" answer, passed through unconverted.
      read: () => null as unknown as Pizza,
      write: () => {},
      delete: () => {},
    });
    const initial = vi.fn(() => ({ pizzaCount: 0 }));
    const { bot } = createOfflineBot<PizzaContext>();
    bot.use(session({ initial, storage }));
    const seen: unknown[] = [];
    bot.on("message", (ctx) => void seen.push(ctx.session));

    await bot.handleUpdate(new UpdateFactory().message(ALICE, "hello", PIZZA_GROUP));

    expect(seen).toEqual([null]);
    expect(initial).not.toHaveBeenCalled();
    // The handler read the session, so grammY saves it, and saving null means deleting.
    expect(storage.trace()).toEqual([`read ${PIZZA_GROUP.id}`, `delete ${PIZZA_GROUP.id}`]);
  });

  // Guide: usage § What the middleware does, step by step (step 3)
  it.each([[0], [""], [false]])("read returning %j is a stored value too: ctx.session is that value and initial() is not called", async (stored) => {
    const initial = vi.fn((): unknown => ({ pizzaCount: 0 }));
    const { bot } = createOfflineBot<Context & SessionFlavor<unknown>>();
    bot.use(session<unknown, Context & SessionFlavor<unknown>>({ initial, storage: { read: () => stored, write: () => {}, delete: () => {} } }));
    const seen: unknown[] = [];
    bot.on("message", (ctx) => void seen.push(ctx.session));

    await bot.handleUpdate(new UpdateFactory().message(ALICE, "hello"));

    expect(seen).toEqual([stored]);
    expect(initial).not.toHaveBeenCalled();
  });

  // Guide: usage § What the middleware does, step by step (step 3)
  it("an initial() that returns undefined is not saved: an untouched session costs only the read, a read one ends in a delete", async () => {
    const storage = recordingStorage(new MemorySessionStorage<Pizza | undefined>());
    const initial = vi.fn((): Pizza | undefined => undefined);
    const { bot } = createOfflineBot<Context & SessionFlavor<Pizza | undefined>>();
    bot.use(session({ initial, storage }));
    bot.command("hunger", (ctx) => ctx.reply(`${ctx.session?.pizzaCount ?? "no session"}`));
    bot.on("message", () => {});
    const u = new UpdateFactory();

    await bot.handleUpdate(u.message(ALICE, "hello"));
    await bot.handleUpdate(u.command(ALICE, "hunger"));

    expect(initial).toHaveBeenCalledTimes(2);
    expect(storage.trace()).toEqual([`read ${ALICE.id}`, `read ${ALICE.id}`, `delete ${ALICE.id}`]);
  });
});
