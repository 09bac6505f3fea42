import { BotError, type Context, MemorySessionStorage, session, type SessionFlavor, type StorageAdapter } from "grammy";
import { describe, expect, it } from "vitest";
import { ALICE, createOfflineBot, jsonStorage, recordingStorage, structuredCloneStorage, UpdateFactory } from "./harness/index.ts";

/** Session data with the kinds of values that storages treat differently. */
interface Rich {
  count: number;
  lastOrder?: Date;
  toppings?: Map<string, number>;
  tags?: Set<string>;
  total?: bigint;
  note?: string;
  self?: Rich;
  greet?: () => string;
  coupon?: Coupon;
}

/** A class instance, to see whether its prototype (and so its methods) survives. */
class Coupon {
  constructor(readonly percent: number) {}
  /** The price after the discount. */
  apply(price: number): number {
    return price * (1 - this.percent / 100);
  }
}

/**
 * Stores `value` in one update and returns what the next update sees as `ctx.session`,
 * after the value has gone through `storage`.
 */
async function roundTrip(storage: StorageAdapter<Rich>, value: () => Rich): Promise<Rich> {
  const { bot } = createOfflineBot<Context & SessionFlavor<Rich>>();
  bot.use(session({ storage, initial: () => ({ count: 0 }) }));
  let seen: Rich | undefined;
  bot.command("save", (ctx) => {
    ctx.session = value();
  });
  bot.command("load", (ctx) => {
    seen = ctx.session;
  });
  const u = new UpdateFactory();
  await bot.handleUpdate(u.command(ALICE, "save"));
  await bot.handleUpdate(u.command(ALICE, "load"));
  return seen!;
}

const lunch = new Date("2025-05-01T12:30:00Z");

describe("values through a JSON-storing adapter (write = JSON.stringify, read = JSON.parse)", () => {
  it("a Date comes back as an ISO string", async () => {
    const seen = await roundTrip(jsonStorage(), () => ({ count: 1, lastOrder: lunch }));
    expect(seen.lastOrder).toBe("2025-05-01T12:30:00.000Z");
  });

  it("a Map comes back as {}", async () => {
    const seen = await roundTrip(jsonStorage(), () => ({ count: 1, toppings: new Map([["olives", 2]]) }));
    expect(seen.toppings).toStrictEqual({});
  });

  it("a Set comes back as {}", async () => {
    const seen = await roundTrip(jsonStorage(), () => ({ count: 1, tags: new Set(["veggie"]) }));
    expect(seen.tags).toStrictEqual({});
  });

  it("a BigInt makes the write throw a TypeError, so the update fails with a BotError and nothing is stored", async () => {
    const storage = jsonStorage<Rich>();
    const error = await roundTrip(storage, () => ({ count: 1, total: 12n })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BotError);
    expect((error as BotError).error).toBeInstanceOf(TypeError);
    expect(String((error as BotError).error)).toMatch(/BigInt/);
    expect(storage.raw.size).toBe(0);
  });

  it("a field set to undefined vanishes, and so does a function-valued field", async () => {
    const seen = await roundTrip(jsonStorage(), () => ({ count: 1, note: undefined, greet: () => "hi" }));
    expect(seen).toStrictEqual({ count: 1 });
  });

  it("a class instance comes back as a plain object without its methods", async () => {
    const seen = await roundTrip(jsonStorage(), () => ({ count: 1, coupon: new Coupon(10) }));
    expect(seen.coupon).toStrictEqual({ percent: 10 });
    expect(seen.coupon).not.toBeInstanceOf(Coupon);
  });

  it("a cyclic object makes the write throw, so the update fails with a BotError and storage keeps the previous value", async () => {
    const storage = jsonStorage<Rich>();
    const log = recordingStorage(storage);
    const { bot, sentTexts } = createOfflineBot<Context & SessionFlavor<Rich>>();
    bot.use(session({ storage: log, initial: () => ({ count: 0 }) }));
    bot.command("loop", async (ctx) => {
      ctx.session.count++;
      ctx.session.self = ctx.session;
      await ctx.reply("saved!");
    });
    const u = new UpdateFactory();
    await bot.handleUpdate(u.message(ALICE, "hello"));

    const error = await bot.handleUpdate(u.command(ALICE, "loop")).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BotError);
    expect((error as BotError).error).toBeInstanceOf(TypeError);
    expect(String((error as BotError).error)).toMatch(/circular structure/);
    expect(log.trace().at(-1)).toBe(`write ${ALICE.id}`); // grammY did try to write
    expect(storage.raw.get(String(ALICE.id))).toBe('{"count":0}');
    expect(sentTexts()).toEqual(["saved!"]); // the reply went out before the failed write
  });
});

describe("values through structuredClone (what IndexedDB does)", () => {
  it("a Date survives as a Date", async () => {
    const seen = await roundTrip(structuredCloneStorage(), () => ({ count: 1, lastOrder: lunch }));
    expect(seen.lastOrder).toBeInstanceOf(Date);
    expect(seen.lastOrder).toEqual(lunch);
  });

  it("a Map survives as a Map", async () => {
    const seen = await roundTrip(structuredCloneStorage(), () => ({ count: 1, toppings: new Map([["olives", 2]]) }));
    expect(seen.toppings).toBeInstanceOf(Map);
    expect(seen.toppings?.get("olives")).toBe(2);
  });

  it("a Set survives as a Set", async () => {
    const seen = await roundTrip(structuredCloneStorage(), () => ({ count: 1, tags: new Set(["veggie"]) }));
    expect(seen.tags).toBeInstanceOf(Set);
    expect([...(seen.tags ?? [])]).toEqual(["veggie"]);
  });

  it("a BigInt survives as a BigInt", async () => {
    const seen = await roundTrip(structuredCloneStorage(), () => ({ count: 1, total: 12n }));
    expect(seen.total).toBe(12n);
  });

  it("a field set to undefined survives (the key is still there)", async () => {
    const seen = await roundTrip(structuredCloneStorage(), () => ({ count: 1, note: undefined }));
    expect(Object.keys(seen)).toEqual(["count", "note"]);
  });

  it("a cycle survives", async () => {
    const seen = await roundTrip(structuredCloneStorage(), () => {
      const data: Rich = { count: 1 };
      data.self = data;
      return data;
    });
    expect(seen.self).toBe(seen);
  });

  it("a class instance comes back as a plain object without its methods", async () => {
    const seen = await roundTrip(structuredCloneStorage(), () => ({ count: 1, coupon: new Coupon(10) }));
    expect(seen.coupon).not.toBeInstanceOf(Coupon);
    expect(seen.coupon).toStrictEqual({ percent: 10 });
  });

  it("a function makes the write throw a DataCloneError, and the update fails", async () => {
    const error = await roundTrip(structuredCloneStorage(), () => ({ count: 1, greet: () => "hi" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BotError);
    expect((error as BotError).error).toMatchObject({ name: "DataCloneError" });
  });
});

describe("values in MemorySessionStorage (grammY's default)", () => {
  it("everything survives unchanged, because the very same object is kept: Date, Map, Set, BigInt, undefined fields, cycles, functions, class instances", async () => {
    const original: Rich = {
      count: 1,
      lastOrder: lunch,
      toppings: new Map([["olives", 2]]),
      tags: new Set(["veggie"]),
      total: 12n,
      note: undefined,
      greet: () => "hi",
      coupon: new Coupon(10),
    };
    original.self = original;
    const seen = await roundTrip(new MemorySessionStorage<Rich>(), () => original);
    expect(seen).toBe(original);
    expect(seen.coupon?.apply(10)).toBe(9);
  });
});
