import { enhanceStorage, MemorySessionStorage, type Enhance, type StorageAdapter } from "grammy";
import { afterEach, describe, expect, it, vi } from "vitest";
import { observeStorage, type StorageEvent } from "../../src/observe.js";
import { collect, makeAdapter, useAdapters } from "./fixtures.js";

interface Pizza {
  pizzas: string[];
  at?: Date;
}

/** A hand-written synchronous adapter with only the required methods. */
function plainSyncAdapter<T>(): StorageAdapter<T> & { rows: Map<string, T> } {
  const rows = new Map<string, T>();
  return { rows, read: (k) => rows.get(k), write: (k, v) => void rows.set(k, v), delete: (k) => void rows.delete(k) };
}

/** A hand-written asynchronous adapter with async generators for readAll*. */
function plainAsyncAdapter<T>(): StorageAdapter<T> {
  const rows = new Map<string, T>();
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    read: async (k) => (await tick(), rows.get(k)),
    write: async (k, v) => void (await tick(), rows.set(k, v)),
    delete: async (k) => void (await tick(), rows.delete(k)),
    has: async (k) => (await tick(), rows.has(k)),
    async *readAllKeys() {
      for (const k of [...rows.keys()]) yield (await tick(), k);
    },
    async *readAllValues() {
      for (const v of [...rows.values()]) yield (await tick(), v);
    },
    async *readAllEntries() {
      for (const e of [...rows.entries()]) yield (await tick(), e);
    },
  };
}

function recorder() {
  const events: StorageEvent[] = [];
  return { events, listener: (e: StorageEvent) => void events.push(e), ops: () => events.map((e) => e.op) };
}

/** observeStorage over every kind of adapter: same results, faithful events. */
export function observerCases(environment: string): void {
  describe(`observeStorage (${environment})`, () => {
    useAdapters();
    afterEach(() => vi.restoreAllMocks());

    const adapters: [string, () => StorageAdapter<Pizza>][] = [
      ["IndexedDBAdapter", () => makeAdapter<Pizza>()],
      ["MemorySessionStorage", () => new MemorySessionStorage<Pizza>()],
      ["a hand-written async adapter", () => plainAsyncAdapter<Pizza>()],
    ];
    for (const [name, make] of adapters) {
      it(`forwards every call over ${name} and reports each one`, async () => {
        const inner = make();
        const { events, listener, ops } = recorder();
        const storage = observeStorage(inner, listener);
        expect(await storage.read("1")).toBeUndefined();
        await storage.write("1", { pizzas: ["margherita"] });
        await storage.write("2", { pizzas: [] });
        expect(await storage.read("1")).toEqual({ pizzas: ["margherita"] });
        expect(await storage.has!("1")).toBe(true);
        expect(await storage.has!("3")).toBe(false);
        expect(await collect(storage.readAllKeys!())).toEqual(["1", "2"]);
        expect(await collect(storage.readAllValues!())).toEqual([{ pizzas: ["margherita"] }, { pizzas: [] }]);
        expect(await collect(storage.readAllEntries!())).toEqual([["1", { pizzas: ["margherita"] }], ["2", { pizzas: [] }]]);
        await storage.delete("1");
        expect(await inner.read("1")).toBeUndefined();
        expect(ops()).toEqual([
          "read", "write", "write", "read", "has", "has", "readAllKeys", "readAllValues", "readAllEntries", "delete",
        ]);
        expect(events.map((e) => [e.key, e.found, e.count])).toEqual([
          ["1", false, undefined],
          ["1", undefined, undefined],
          ["2", undefined, undefined],
          ["1", true, undefined],
          ["1", true, undefined],
          ["3", false, undefined],
          [undefined, undefined, 2],
          [undefined, undefined, 2],
          [undefined, undefined, 2],
          ["1", undefined, undefined],
        ]);
        expect(events[1].value).toEqual({ pizzas: ["margherita"] });
        expect(events[3].value).toEqual({ pizzas: ["margherita"] });
        for (let i = 1; i < events.length; i++) expect(events[i].id).toBeGreaterThan(events[i - 1].id);
        for (const e of events) {
          expect(e.durationMs).toBeGreaterThanOrEqual(0);
          expect(Math.abs(e.startedAt - Date.now())).toBeLessThan(60_000);
          expect(e.error).toBeUndefined();
        }
      });
    }

    it("works over an enhanceStorage result (which has no optional methods)", async () => {
      const inner = makeAdapter<Enhance<Pizza>>();
      const { events, ops } = recorder();
      const storage = observeStorage(enhanceStorage<Pizza>({ storage: inner }), (e) => events.push(e));
      await storage.write("1", { pizzas: ["funghi"] });
      expect(await storage.read("1")).toEqual({ pizzas: ["funghi"] });
      expect(await inner.read("1")).toEqual({ __d: { pizzas: ["funghi"] } });
      expect(ops()).toEqual(["write", "read"]);
      expect(events[0].value).toEqual({ pizzas: ["funghi"] });
      expect("has" in storage || "readAllKeys" in storage || "readAllValues" in storage || "readAllEntries" in storage).toBe(false);
    });

    it("exposes exactly the optional methods the wrapped adapter has", () => {
      const bare = observeStorage(plainSyncAdapter<number>(), () => {});
      expect(Object.keys(bare).sort()).toEqual(["delete", "read", "write"]);
      const onlyHas = observeStorage({ ...plainSyncAdapter<number>(), has: () => false }, () => {});
      expect(Object.keys(onlyHas).sort()).toEqual(["delete", "has", "read", "write"]);
      const full = observeStorage(new MemorySessionStorage<number>(), () => {});
      expect(Object.keys(full).sort()).toEqual(["delete", "has", "read", "readAllEntries", "readAllKeys", "readAllValues", "write"]);
    });

    it("keeps a synchronous adapter synchronous, calling it with the right `this`", () => {
      const { events } = recorder();
      const storage = observeStorage(new MemorySessionStorage<number>(), (e) => events.push(e));
      expect(storage.write("1", 5)).toBeUndefined();
      expect(storage.read("1")).toBe(5);
      expect(storage.has!("1")).toBe(true);
      const keys = storage.readAllKeys!();
      expect(keys).toEqual(["1"]); // MemorySessionStorage's array comes back as is, already reported
      expect(events.map((e) => e.op)).toEqual(["write", "read", "has", "readAllKeys"]);
      expect(events[3].count).toBe(1);
    });

    it("snapshots values at call time: mutating the session later does not rewrite history", async () => {
      const { events } = recorder();
      const storage = observeStorage(new MemorySessionStorage<Pizza>(), (e) => events.push(e));
      const session: Pizza = { pizzas: ["margherita"], at: new Date(0) };
      await storage.write("1", session);
      session.pizzas.push("funghi"); // MemorySessionStorage keeps the reference, so this is "stored" too
      const read = (await storage.read("1"))!;
      read.pizzas.push("diavola");
      read.at!.setTime(5);
      expect(events[0].value).toEqual({ pizzas: ["margherita"], at: new Date(0) });
      expect(events[1].value).toEqual({ pizzas: ["margherita", "funghi"], at: new Date(0) });
      expect((events[1].value as Pizza).at).toBeInstanceOf(Date);
    });

    it("describes what cannot be cloned instead of failing or keeping a live reference", async () => {
      const { events } = recorder();
      const storage = observeStorage(new MemorySessionStorage<unknown>(), (e) => events.push(e));
      const value: Record<string, unknown> = {
        n: 1,
        when: new Date(0),
        tags: new Map([["a", [1]]]),
        greet: function greet() {},
        tag: Symbol("secret"),
        nested: { fn: () => 1, list: [1, 2] },
      };
      value.self = value;
      await storage.write("1", value);
      const snap = events[0].value as Record<string, unknown>;
      expect(snap).not.toBe(value);
      expect(snap.n).toBe(1);
      expect(snap.when).toEqual(new Date(0));
      expect(snap.when).not.toBe(value.when);
      expect(snap.tags).toEqual(new Map([["a", [1]]]));
      expect(snap.greet).toBe("[Function greet]");
      expect(snap.tag).toBe("Symbol(secret)");
      expect(snap.nested).toEqual({ fn: "[Function fn]", list: [1, 2] });
      expect(snap.self).toBe(snap); // cycles stay cycles
      if (typeof document !== "undefined") {
        await storage.write("2", { el: document.createElement("div") });
        expect(events[1].value).toEqual({ el: "[HTMLDivElement]" });
      }
      await storage.write("3", () => 1);
      expect(events.at(-1)!.value).toBe("[Function]");
      const hostile = {
        get boom(): never {
          throw new Error("getter exploded");
        },
      };
      await storage.write("4", hostile); // the write itself still happens
      expect(events.at(-1)!.value).toBe("[value that could not be copied: Error: getter exploded]");
      expect(await storage.read("4")).toBe(hostile);
    });

    it("reports failures with the error, and the caller still gets that error", async () => {
      const { events } = recorder();
      const idb = observeStorage(makeAdapter<unknown>(), (e) => events.push(e));
      const rejected = await Promise.resolve(idb.write("1", { f() {} })).catch((e: unknown) => e);
      expect(events[0]).toMatchObject({ op: "write", key: "1", error: rejected });
      expect(events[0].value).toEqual({ f: "[Function f]" });
      const boom = new Error("disk on fire");
      const sync = observeStorage(
        { ...plainSyncAdapter<number>(), read: () => { throw boom; } },
        (e) => events.push(e),
      );
      expect(() => sync.read("2")).toThrow(boom);
      expect(events[1]).toMatchObject({ op: "read", key: "2", error: boom });
      expect(events[1].found).toBeUndefined();
    });

    it("survives a listener that throws or rejects, logging it with console.error", async () => {
      const errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
      const bad = new Error("listener bug");
      const storage = observeStorage(makeAdapter<number>(), () => {
        throw bad;
      });
      await storage.write("1", 1);
      expect(await storage.read("1")).toBe(1);
      expect(errorLog).toHaveBeenCalledTimes(2);
      expect(errorLog.mock.calls[0]).toContain(bad);
      const asyncBad = observeStorage(new MemorySessionStorage<number>(), async () => {
        throw bad;
      });
      asyncBad.write("1", 1);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(errorLog).toHaveBeenCalledTimes(3);
    });

    it("reports a readAll* iteration when it ends, also on break, with the count so far", async () => {
      const { events } = recorder();
      const inner = makeAdapter<number>({ pageSize: 2 });
      await Promise.all([1, 2, 3, 4, 5].map((i) => inner.write(String(i), i)));
      const storage = observeStorage(inner, (e) => events.push(e));
      const iterable = storage.readAllValues!();
      expect(events).toHaveLength(0); // not before the iteration ends
      for await (const value of iterable) if (value === 3) break;
      expect(events).toMatchObject([{ op: "readAllValues", count: 3 }]);
      expect(await collect(storage.readAllEntries!())).toHaveLength(5);
      expect(events[1]).toMatchObject({ op: "readAllEntries", count: 5 });
      const syncIterable = observeStorage(
        { ...plainSyncAdapter<number>(), *readAllKeys() { yield "x"; yield "y"; } },
        (e) => events.push(e),
      ).readAllKeys!();
      expect([...(syncIterable as Iterable<string>)]).toEqual(["x", "y"]);
      expect(events[2]).toMatchObject({ op: "readAllKeys", count: 2 });
    });

    it("reports a readAll* iteration that fails, with the error", async () => {
      const { events } = recorder();
      const boom = new Error("cursor broke");
      const storage = observeStorage(
        {
          ...plainSyncAdapter<number>(),
          async *readAllKeys() {
            yield "a";
            throw boom;
          },
        },
        (e) => events.push(e),
      );
      await expect(collect(storage.readAllKeys!())).rejects.toBe(boom);
      expect(events).toMatchObject([{ op: "readAllKeys", count: 1, error: boom }]);
    });

    it("numbers events in call order across observers", async () => {
      const { events } = recorder();
      const a = observeStorage(new MemorySessionStorage<number>(), (e) => events.push(e));
      const b = observeStorage(plainAsyncAdapter<number>(), (e) => events.push(e));
      const slow = b.write("1", 1); // starts first, ends last
      a.write("1", 1);
      await slow;
      expect(events.map((e) => e.op)).toEqual(["write", "write"]);
      expect(events[1].id).toBeLessThan(events[0].id);
    });
  });
}
