import { type Context, type Enhance, enhanceStorage, MemorySessionStorage, type Migrations, session, type SessionFlavor } from "grammy";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ALICE, BOB, createOfflineBot, recordingStorage, UpdateFactory } from "./harness/index.ts";

interface Pizza {
  pizzaCount: number;
}
type PizzaContext = Context & SessionFlavor<Pizza>;
const KEY = String(ALICE.id);

/**
 * The pizza bot over `enhanceStorage`, with the raw (wrapped) storage recorded, so tests see exactly what a
 * database behind the enhanced adapter would hold.
 */
function enhancedBot(
  options: { millisecondsToLive?: number; migrations?: Migrations; initial?: () => Pizza; raw?: MemorySessionStorage<Enhance<Pizza>> } = {},
) {
  const raw = options.raw ?? new MemorySessionStorage<Enhance<Pizza>>();
  const rawLog = recordingStorage(raw);
  const storage = enhanceStorage<Pizza>({ storage: rawLog, millisecondsToLive: options.millisecondsToLive, migrations: options.migrations });
  const offline = createOfflineBot<PizzaContext>();
  offline.bot.use(session({ storage, initial: options.initial ?? (() => ({ pizzaCount: 0 })) }));
  offline.bot.command("hunger", (ctx) => ctx.reply(`${ctx.session.pizzaCount}`));
  offline.bot.hears(/🍕/, (ctx) => {
    ctx.session.pizzaCount++;
  });
  offline.bot.on("message", () => {});
  const u = new UpdateFactory();
  return {
    ...offline,
    raw,
    rawLog,
    pizza: () => offline.bot.handleUpdate(u.message(ALICE, "🍕")),
    chatter: () => offline.bot.handleUpdate(u.message(ALICE, "hello")),
    hunger: () => offline.bot.handleUpdate(u.command(ALICE, "hunger")),
  };
}

/** Puts a value into the raw storage as an older deployment (or another program) would have left it. */
function seed(raw: MemorySessionStorage<Enhance<Pizza>>, value: unknown) {
  raw.write(KEY, value as Enhance<Pizza>);
}

describe("enhanceStorage: stored shape", () => {
  it("without options the stored shape is { __d: value }", async () => {
    const { raw, pizza } = enhancedBot();
    await pizza();
    expect(raw.read(KEY)).toStrictEqual({ __d: { pizzaCount: 1 } });
  });

  describe("with a clock", () => {
    beforeEach(() => {
      vi.useFakeTimers();
      vi.setSystemTime(new Date("2025-05-01T12:00:00Z"));
    });
    afterEach(() => void vi.useRealTimers());

    it("with millisecondsToLive the stored shape adds e, the expiry as a ms timestamp (now + ttl)", async () => {
      const { raw, pizza } = enhancedBot({ millisecondsToLive: 60_000 });
      await pizza();
      expect(raw.read(KEY)).toStrictEqual({ __d: { pizzaCount: 1 }, e: Date.parse("2025-05-01T12:01:00Z") });
    });

    it("with migrations and millisecondsToLive the stored shape is { __d, v, e }, v being the latest version", async () => {
      const { raw, pizza } = enhancedBot({ millisecondsToLive: 60_000, migrations: { 1: (d) => d, 3: (d) => d } });
      await pizza();
      expect(raw.read(KEY)).toStrictEqual({ __d: { pizzaCount: 1 }, v: 3, e: Date.parse("2025-05-01T12:01:00Z") });
    });
  });

  it("with migrations the stored shape adds v, the latest version", async () => {
    const { raw, pizza } = enhancedBot({ migrations: { 1: (d) => d, 2: (d) => d } });
    await pizza();
    expect(raw.read(KEY)).toStrictEqual({ __d: { pizzaCount: 1 }, v: 2 });
  });
});

describe("enhanceStorage: timeouts", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => void vi.useRealTimers());

  it("a session older than millisecondsToLive is treated as missing on read: the old entry is deleted and initial() is used", async () => {
    const { rawLog, sentTexts, pizza, hunger } = enhancedBot({ millisecondsToLive: 1_000 });
    await pizza(); // expires at 1000
    rawLog.reset();
    vi.setSystemTime(1_001);

    await hunger();

    expect(sentTexts()).toEqual(["0"]);
    expect(rawLog.calls).toEqual([
      { op: "read", key: KEY, value: { __d: { pizzaCount: 1 }, e: 1_000 } },
      { op: "delete", key: KEY },
      { op: "write", key: KEY, value: { __d: { pizzaCount: 0 }, e: 2_001 } },
    ]);
  });

  it("a session is still valid at exactly its expiry millisecond (expired means e < now)", async () => {
    const { sentTexts, pizza, hunger } = enhancedBot({ millisecondsToLive: 1_000 });
    await pizza();
    vi.setSystemTime(1_000);
    await hunger();
    expect(sentTexts()).toEqual(["1"]);
  });

  it("every write refreshes e to now + ttl", async () => {
    const { raw, pizza } = enhancedBot({ millisecondsToLive: 1_000 });
    await pizza();
    expect(raw.read(KEY)?.e).toBe(1_000);
    vi.setSystemTime(900);
    await pizza();
    expect(raw.read(KEY)).toStrictEqual({ __d: { pizzaCount: 2 }, e: 1_900 });
    vi.setSystemTime(1_800);
    await pizza();
    expect(raw.read(KEY)).toStrictEqual({ __d: { pizzaCount: 3 }, e: 2_800 });
  });

  it("reads do not refresh e: with strict sessions, updates whose handlers don't touch ctx.session let an active chat expire", async () => {
    const { raw, sentTexts, pizza, chatter, hunger } = enhancedBot({ millisecondsToLive: 1_000 });
    await pizza(); // expires at 1000
    vi.setSystemTime(600);
    await chatter(); // read only, no write
    expect(raw.read(KEY)?.e).toBe(1_000);
    vi.setSystemTime(1_200);
    await hunger();
    expect(sentTexts()).toEqual(["0"]);
  });

  it("nothing removes expired data until its key is read again: time passing and other chats' updates leave it in storage", async () => {
    const { bot, raw, rawLog, pizza, chatter } = enhancedBot({ millisecondsToLive: 1_000 });
    await pizza(); // expires at 1000
    vi.setSystemTime(60_000);
    await vi.advanceTimersByTimeAsync(60_000);
    await bot.handleUpdate(new UpdateFactory().message(BOB, "🍕"));

    expect(raw.read(KEY)).toStrictEqual({ __d: { pizzaCount: 1 }, e: 1_000 });
    expect(rawLog.calls.filter((c) => c.key === KEY).map((c) => c.op)).toEqual(["read", "write"]);

    await chatter();

    expect(rawLog.calls.filter((c) => c.key === KEY).map((c) => c.op)).toEqual(["read", "write", "read", "delete", "write"]);
  });

  it("an entry without e (written before the timeout was configured) gets e written during its first read", async () => {
    const { raw, rawLog, chatter } = enhancedBot({ millisecondsToLive: 1_000 });
    seed(raw, { __d: { pizzaCount: 5 } });
    vi.setSystemTime(300);

    await chatter();

    expect(rawLog.calls).toEqual([
      { op: "read", key: KEY, value: { __d: { pizzaCount: 5 } } },
      { op: "write", key: KEY, value: { __d: { pizzaCount: 5 }, e: 1_300 } },
    ]);
  });
});

describe("enhanceStorage: timeouts and migrations on data stored before", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => void vi.useRealTimers());

  const toV2 = { 1: (d: { slices: number }) => ({ pizzaCount: d.slices / 8 }), 2: (d: Pizza) => ({ pizzaCount: d.pizzaCount * 10 }) };

  it("a value without e is written back with an expiry during its first read, in its old shape when migrations are also on", async () => {
    const { raw, rawLog, sentTexts, hunger } = enhancedBot({ millisecondsToLive: 1_000, migrations: toV2 });
    seed(raw, { __d: { pizzaCount: 2 }, v: 1 });
    vi.setSystemTime(300);

    await hunger();

    expect(sentTexts()).toEqual(["20"]);
    expect(rawLog.calls).toEqual([
      { op: "read", key: KEY, value: { __d: { pizzaCount: 2 }, v: 1 } },
      // During the read: the old data and version, now with an expiry.
      { op: "write", key: KEY, value: { __d: { pizzaCount: 2 }, v: 1, e: 1_300 } },
      // The session's own write-back at the end of the update: migrated.
      { op: "write", key: KEY, value: { __d: { pizzaCount: 20 }, v: 2, e: 1_300 } },
    ]);
  });

  it("a plain value stored before enhanceStorage is written back during its first read as a wrapper of the unmigrated data with e", async () => {
    const { raw, rawLog, chatter } = enhancedBot({ millisecondsToLive: 1_000, migrations: toV2 });
    seed(raw, { slices: 16 });
    vi.setSystemTime(300);

    await chatter(); // no handler touches the session: only the read's own write-back happens

    expect(rawLog.calls).toEqual([
      { op: "read", key: KEY, value: { slices: 16 } },
      { op: "write", key: KEY, value: { __d: { slices: 16 }, e: 1_300 } },
    ]);
  });
});

describe("enhanceStorage: legacy values and migrations", () => {
  it("a legacy value (stored before enhanceStorage, without __d) is read as the session data", async () => {
    const { raw, sentTexts, hunger } = enhancedBot();
    seed(raw, { pizzaCount: 3 });
    await hunger();
    expect(sentTexts()).toEqual(["3"]);
    expect(raw.read(KEY)).toStrictEqual({ __d: { pizzaCount: 3 } });
  });

  it("with migrations, all migrations run on a legacy value, in numeric order", async () => {
    const order: string[] = [];
    const { raw, sentTexts, hunger } = enhancedBot({
      migrations: {
        10: (d) => (order.push("10"), { pizzaCount: d.pizzaCount * 10 }),
        2: (d) => (order.push("2"), { pizzaCount: d.slices / 8 }),
      },
    });
    seed(raw, { slices: 16 });
    await hunger();
    expect(order).toEqual(["2", "10"]);
    expect(sentTexts()).toEqual(["20"]);
    expect(raw.read(KEY)).toStrictEqual({ __d: { pizzaCount: 20 }, v: 10 });
  });

  it("migrations run from the stored version to the latest, skipping those at or below the stored version", async () => {
    const ran: number[] = [];
    const step = (v: number) => (d: Pizza) => (ran.push(v), { pizzaCount: d.pizzaCount + v });
    const { raw, sentTexts, hunger } = enhancedBot({ migrations: { 1: step(1), 2: step(2), 5: step(5), 7: step(7) } });
    seed(raw, { __d: { pizzaCount: 0 }, v: 2 });
    await hunger();
    expect(ran).toEqual([5, 7]);
    expect(sentTexts()).toEqual(["12"]);
    expect(raw.read(KEY)).toStrictEqual({ __d: { pizzaCount: 12 }, v: 7 });
  });

  it("a stored version between two migration versions runs every migration above it", async () => {
    const ran: number[] = [];
    const step = (v: number) => (d: Pizza) => (ran.push(v), d);
    const { raw, hunger } = enhancedBot({ migrations: { 1: step(1), 5: step(5) } });
    seed(raw, { __d: { pizzaCount: 0 }, v: 3 });
    await hunger();
    expect(ran).toEqual([5]);
  });

  // Guide: enhance § Which migrations run
  it("a stored version newer than the latest migration runs nothing and is relabelled with the latest version on write", async () => {
    const ran: number[] = [];
    const step = (v: number) => (d: Pizza) => (ran.push(v), d);
    const { raw, hunger } = enhancedBot({ migrations: { 1: step(1), 5: step(5) } });
    seed(raw, { __d: { pizzaCount: 4 }, v: 7 });
    await hunger();
    expect(ran).toEqual([]);
    expect(raw.read(KEY)).toStrictEqual({ __d: { pizzaCount: 4 }, v: 5 });
  });

  // Guide: enhance § Which migrations run
  it("rolling back and forward: the older release relabels newer data with its own latest version, so the newer release runs its migrations on it a second time", async () => {
    const ran: number[] = [];
    const addHundred = (d: Pizza) => (ran.push(2), { pizzaCount: d.pizzaCount + 100 });
    const newer: Migrations = { 1: (d) => d, 2: addHundred };
    const older: Migrations = { 1: (d) => d };
    const raw = new MemorySessionStorage<Enhance<Pizza>>();
    seed(raw, { __d: { pizzaCount: 1 }, v: 1 });

    await enhancedBot({ raw, migrations: newer }).hunger(); // release 2 upgrades the data: 1 → 101
    expect(raw.read(KEY)).toStrictEqual({ __d: { pizzaCount: 101 }, v: 2 });

    await enhancedBot({ raw, migrations: older }).pizza(); // rolled back to release 1: data passes through, label drops to 1
    expect(raw.read(KEY)).toStrictEqual({ __d: { pizzaCount: 102 }, v: 1 });

    const forward = enhancedBot({ raw, migrations: newer }); // release 2 again
    await forward.hunger();
    expect(ran).toEqual([2, 2]);
    expect(forward.sentTexts()).toEqual(["202"]);
  });

  it("migrated data reaches storage only when the session is written back: an untouched strict session is migrated again on every read", async () => {
    let runs = 0;
    const { raw, chatter } = enhancedBot({ migrations: { 1: (d) => (runs++, { pizzaCount: d.slices }) } });
    seed(raw, { __d: { slices: 4 } });
    await chatter();
    await chatter();
    expect(runs).toBe(2);
    expect(raw.read(KEY)).toStrictEqual({ __d: { slices: 4 } });
  });

  it("versions are parsed with parseInt: with { 1, 1.5 } the 1.5 migration never runs and migration 1 runs twice on legacy data", async () => {
    const ran: string[] = [];
    const { raw, hunger } = enhancedBot({
      migrations: { 1: (d) => (ran.push("1"), d), 1.5: (d) => (ran.push("1.5"), d) },
    });
    seed(raw, { pizzaCount: 2 });
    await hunger();
    expect(ran).toEqual(["1", "1"]);
    expect(raw.read(KEY)).toStrictEqual({ __d: { pizzaCount: 2 }, v: 1 });
  });

  it("versions are parsed with parseInt: with { 10, 10.1 } the 10.1 migration collides with 10, which runs twice", async () => {
    const ran: string[] = [];
    const { raw, hunger } = enhancedBot({
      migrations: { 10: (d) => (ran.push("10"), d), 10.1: (d) => (ran.push("10.1"), d) },
    });
    seed(raw, { __d: { pizzaCount: 2 }, v: 9 });
    await hunger();
    expect(ran).toEqual(["10", "10"]);
  });

  it("versions are parsed with parseInt: a lone 10.1 migration is looked up as migrations[10], so reading older data throws a TypeError", async () => {
    const { bot, raw, sentTexts } = enhancedBot({ migrations: { 10.1: (d) => d } });
    seed(raw, { pizzaCount: 2 });

    const error = await bot.handleUpdate(new UpdateFactory().command(ALICE, "hunger")).catch((e: { error: unknown }) => e.error);

    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(/is not a function/);
    expect(sentTexts()).toEqual([]);
  });

  it("versions are parsed with parseInt: with { 10, 10.1 } the data is stored with v: 10", async () => {
    const { raw, pizza } = enhancedBot({ migrations: { 10: (d) => d, 10.1: (d) => d } });
    seed(raw, { __d: { pizzaCount: 2 }, v: 9 });
    await pizza();
    expect(raw.read(KEY)).toStrictEqual({ __d: { pizzaCount: 3 }, v: 10 });
  });

  it("versions are parsed with parseInt: with a lone 10.1 migration a new chat's data is stored with v: 10", async () => {
    const { raw, pizza } = enhancedBot({ migrations: { 10.1: (d) => d } });
    await pizza();
    expect(raw.read(KEY)).toStrictEqual({ __d: { pizzaCount: 1 }, v: 10 });
  });

  it("enhanceStorage({ storage, migrations: {} }) throws 'No migrations given!'", () => {
    expect(() => enhanceStorage({ storage: new MemorySessionStorage<Enhance<Pizza>>(), migrations: {} })).toThrow(new Error("No migrations given!"));
  });
});

describe("enhanceStorage: the adapter it returns", () => {
  it("the enhanced adapter has only read, write and delete", () => {
    const enhanced = enhanceStorage<Pizza>({ storage: new MemorySessionStorage<Enhance<Pizza>>(), millisecondsToLive: 1_000, migrations: { 1: (d) => d } });
    expect(Object.keys(enhanced).sort()).toEqual(["delete", "read", "write"]);
    expect(enhanced.has).toBeUndefined();
    expect(enhanced.readAllKeys).toBeUndefined();
    expect(enhanced.readAllValues).toBeUndefined();
    expect(enhanced.readAllEntries).toBeUndefined();
  });

  it("after removing enhanceStorage, a plain adapter returns the wrappers ({ __d: … }) as ctx.session", async () => {
    const { raw, pizza } = enhancedBot();
    await pizza();

    // The next release of the bot drops enhanceStorage but keeps the same database.
    const { bot } = createOfflineBot<Context & SessionFlavor<unknown>>();
    bot.use(session({ storage: raw as MemorySessionStorage<unknown>, initial: () => ({ pizzaCount: 0 }) }));
    const seen: unknown[] = [];
    bot.on("message", (ctx) => void seen.push(ctx.session));
    await bot.handleUpdate(new UpdateFactory().message(ALICE, "hello"));

    expect(seen).toEqual([{ __d: { pizzaCount: 1 } }]);
  });
});

describe("enhanceStorage: values it takes for its own wrappers", () => {
  /** A session over `enhanceStorage` with no options, on `raw`, whose handler reports ctx.session and may replace it. */
  function plainEnhanced(raw: MemorySessionStorage<unknown>) {
    const { bot } = createOfflineBot<Context & SessionFlavor<unknown>>();
    bot.use(session({ storage: enhanceStorage<unknown>({ storage: raw as MemorySessionStorage<Enhance<unknown>> }) }));
    const seen: unknown[] = [];
    bot.hears("see", (ctx) => void seen.push(ctx.session));
    bot.hears("save", (ctx) => {
      ctx.session = { saved: true };
    });
    return { bot, seen };
  }

  // Guide: enhance § Existing data
  it("a stored plain object that happens to have a __d field is taken for a wrapper: ctx.session is its __d, its other fields are dropped on the next write", async () => {
    const raw = new MemorySessionStorage<unknown>();
    raw.write(KEY, { __d: 1, other: 2 }); // written by another program, or by the bot before it used enhanceStorage
    const { bot, seen } = plainEnhanced(raw);
    const u = new UpdateFactory();

    await bot.handleUpdate(u.message(ALICE, "see"));
    await bot.handleUpdate(u.message(ALICE, "save"));

    expect(seen).toEqual([1]);
    expect(raw.read(KEY)).toStrictEqual({ __d: { saved: true } });
  });

  // Guide: enhance § Existing data
  it("a stored plain object without a __d field is the session data itself (it is wrapped on the next write)", async () => {
    const raw = new MemorySessionStorage<unknown>();
    raw.write(KEY, { d: 1, other: 2 });
    const { bot, seen } = plainEnhanced(raw);

    await bot.handleUpdate(new UpdateFactory().message(ALICE, "see"));

    expect(seen).toEqual([{ d: 1, other: 2 }]);
    expect(raw.read(KEY)).toStrictEqual({ __d: { d: 1, other: 2 } });
  });
});
