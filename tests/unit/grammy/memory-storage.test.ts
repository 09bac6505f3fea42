import { BotError, type Context, MemorySessionStorage, session, type SessionFlavor, type StorageAdapter } from "grammy";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ALICE, BOB, createOfflineBot, jsonStorage, spyOnMemorySessionStorage, structuredCloneStorage, UpdateFactory } from "./harness/index.ts";

interface Pizza {
  pizzaCount: number;
}

describe("MemorySessionStorage", () => {
  it("keeps object references: read returns the very object that was written, so mutation after the write is visible", () => {
    const storage = new MemorySessionStorage<Pizza>();
    const written = { pizzaCount: 1 };
    storage.write("k", written);
    written.pizzaCount = 2;
    expect(storage.read("k")).toBe(written);
    expect(storage.read("k")).toEqual({ pizzaCount: 2 });
  });

  it("as grammY's session storage, hands every update of a chat the same session object", async () => {
    const { bot } = createOfflineBot<Context & SessionFlavor<Pizza>>();
    bot.use(session({ initial: () => ({ pizzaCount: 0 }) }));
    const seen: Pizza[] = [];
    bot.on("message", (ctx) => void seen.push(ctx.session));
    const u = new UpdateFactory();

    await bot.handleUpdate(u.message(ALICE, "one"));
    await bot.handleUpdate(u.message(ALICE, "two"));

    expect(seen[1]).toBe(seen[0]);
  });

  it("is the default storage: without a storage option, session() reads and writes a MemorySessionStorage, and the stored object is ctx.session itself", async () => {
    const spy = spyOnMemorySessionStorage();
    try {
      const { bot } = createOfflineBot<Context & SessionFlavor<Pizza>>();
      bot.use(session({ initial: () => ({ pizzaCount: 0 }) }));
      const seen: Pizza[] = [];
      bot.on("message", (ctx) => void seen.push(ctx.session));

      await bot.handleUpdate(new UpdateFactory().message(ALICE, "hello"));

      expect(spy.trace()).toEqual([`read ${ALICE.id}`, `write ${ALICE.id}`]);
      const [storage] = spy.instances();
      expect(spy.instances()).toHaveLength(1);
      expect(storage).toBeInstanceOf(MemorySessionStorage);
      expect(storage.read(String(ALICE.id))).toBe(seen[0]);
    } finally {
      spy.restore();
    }
  });

  it.each([
    ["MemorySessionStorage keeps in-place changes made before a throw: the count went up although nothing was written", () => new MemorySessionStorage<Pizza>(), "2"],
    ["a JSON adapter keeps the old value after a throw", () => jsonStorage<Pizza>(), "1"],
    ["a structured-clone adapter keeps the old value after a throw", () => structuredCloneStorage<Pizza>(), "1"],
  ])("%s", async (_, storage: () => StorageAdapter<Pizza>, expected) => {
    const { bot, sentTexts } = createOfflineBot<Context & SessionFlavor<Pizza>>();
    bot.use(session({ initial: () => ({ pizzaCount: 0 }), storage: storage() }));
    bot.hears("🍕", (ctx) => {
      ctx.session.pizzaCount++;
    });
    bot.hears("🍕🔥", (ctx) => {
      ctx.session.pizzaCount++;
      throw new Error("oven on fire");
    });
    bot.command("hunger", (ctx) => ctx.reply(`${ctx.session.pizzaCount}`));
    const u = new UpdateFactory();
    await bot.handleUpdate(u.message(ALICE, "🍕"));

    await expect(bot.handleUpdate(u.message(ALICE, "🍕🔥"))).rejects.toBeInstanceOf(BotError);
    await bot.handleUpdate(u.command(ALICE, "hunger"));

    expect(sentTexts()).toEqual([expected]);
  });

  it("readAllKeys, readAllValues, readAllEntries and has report what is stored", () => {
    const storage = new MemorySessionStorage<Pizza>();
    storage.write(String(ALICE.id), { pizzaCount: 1 });
    storage.write(String(BOB.id), { pizzaCount: 2 });
    storage.delete(String(BOB.id));
    storage.write("-4012345678", { pizzaCount: 3 });

    expect(storage.readAllKeys()).toEqual([String(ALICE.id), "-4012345678"]);
    expect(storage.readAllValues()).toEqual([{ pizzaCount: 1 }, { pizzaCount: 3 }]);
    expect(storage.readAllEntries()).toEqual([
      [String(ALICE.id), { pizzaCount: 1 }],
      ["-4012345678", { pizzaCount: 3 }],
    ]);
    expect(storage.has(String(ALICE.id))).toBe(true);
    expect(storage.has(String(BOB.id))).toBe(false);
  });

  describe("with a time to live", () => {
    beforeEach(() => {
      vi.useFakeTimers();
      vi.setSystemTime(0);
    });
    afterEach(() => void vi.useRealTimers());

    it("new MemorySessionStorage(ttl) expires entries: after ttl ms a read returns undefined and drops the entry", () => {
      const storage = new MemorySessionStorage<Pizza>(1_000);
      storage.write("k", { pizzaCount: 1 });
      vi.setSystemTime(1_000);
      expect(storage.read("k")).toEqual({ pizzaCount: 1 });
      vi.setSystemTime(1_001);
      expect(storage.read("k")).toBeUndefined();
      expect(storage.has("k")).toBe(false);
    });

    it("an expired entry lingers until something reads it: has and readAllKeys still report it, readAllValues and readAllEntries skip and drop it", () => {
      const storage = new MemorySessionStorage<Pizza>(1_000);
      storage.write("old", { pizzaCount: 1 });
      vi.setSystemTime(800);
      storage.write("new", { pizzaCount: 2 });
      vi.setSystemTime(1_500);

      expect(storage.has("old")).toBe(true);
      expect(storage.readAllKeys()).toEqual(["old", "new"]);
      expect(storage.readAllValues()).toEqual([{ pizzaCount: 2 }]);
      expect(storage.has("old")).toBe(false);
      expect(storage.readAllEntries()).toEqual([["new", { pizzaCount: 2 }]]);
    });

    it("a write refreshes the expiry, and an expired chat session starts again from initial()", async () => {
      const { bot, sentTexts } = createOfflineBot<Context & SessionFlavor<Pizza>>();
      bot.use(session({ initial: () => ({ pizzaCount: 0 }), storage: new MemorySessionStorage<Pizza>(1_000) }));
      bot.command("hunger", (ctx) => ctx.reply(`${ctx.session.pizzaCount}`));
      bot.hears(/🍕/, (ctx) => {
        ctx.session.pizzaCount++;
      });
      const u = new UpdateFactory();

      await bot.handleUpdate(u.message(ALICE, "🍕"));
      vi.setSystemTime(900);
      await bot.handleUpdate(u.message(ALICE, "🍕")); // refreshes to 1900
      vi.setSystemTime(1_800);
      await bot.handleUpdate(u.command(ALICE, "hunger")); // still there; the read-triggered write refreshes to 2800
      vi.setSystemTime(2_801);
      await bot.handleUpdate(u.command(ALICE, "hunger"));

      expect(sentTexts()).toEqual(["2", "0"]);
    });
  });
});
