import { MemorySessionStorage, type StorageAdapter } from "grammy";
import { describe, expect, it } from "vitest";
import { UnstorableValueError } from "../../src/index.js";
import { makeAdapter, useAdapters } from "./fixtures.js";

interface Rich {
  when: Date;
  tags: Map<string, number>;
  seen: Set<number>;
  note: string | undefined;
  self?: Rich;
}

function rich(): Rich {
  const value: Rich = { when: new Date("2024-05-01T12:00:00Z"), tags: new Map([["pizza", 2]]), seen: new Set([7]), note: undefined };
  value.self = value;
  return value;
}

/**
 * A server-side adapter the way the common ones store data (Redis, Mongo-as-JSON, files, KV…):
 * JSON text in, JSON text out.
 */
function jsonServerAdapter<T>(): StorageAdapter<T> {
  const rows = new Map<string, string>();
  return {
    read: (key) => (rows.has(key) ? (JSON.parse(rows.get(key)!) as T) : undefined),
    write: (key, value) => void rows.set(key, JSON.stringify(value)),
    delete: (key) => void rows.delete(key),
  };
}

/** Checks every claim the README makes about how values survive each kind of storage. */
export function valueSemantics(environment: string): void {
  describe(`how values are stored (${environment})`, () => {
    useAdapters();

    describe("IndexedDBAdapter: structured clone", () => {
      it("keeps Dates, Maps and Sets as they are", async () => {
        const adapter = makeAdapter<Rich>();
        const { self: _self, ...plain } = rich();
        await adapter.write("1", plain);
        const back = (await adapter.read("1"))!;
        expect(back.when).toBeInstanceOf(Date);
        expect(back.when.toISOString()).toBe("2024-05-01T12:00:00.000Z");
        expect(back.tags).toBeInstanceOf(Map);
        expect(back.tags.get("pizza")).toBe(2);
        expect(back.seen).toBeInstanceOf(Set);
        expect([...back.seen]).toEqual([7]);
      });

      it("keeps fields that are undefined", async () => {
        const adapter = makeAdapter<Rich>();
        await adapter.write("1", rich());
        const back = (await adapter.read("1"))!;
        expect(Object.keys(back)).toContain("note");
        expect(back.note).toBeUndefined();
      });

      it("keeps cyclic data cyclic", async () => {
        const adapter = makeAdapter<Rich>();
        await adapter.write("1", rich());
        const back = (await adapter.read("1"))!;
        expect(back.self).toBe(back);
      });

      it("stores a copy, so a later change to the session object is not stored", async () => {
        const adapter = makeAdapter<Rich>();
        const value = rich();
        await adapter.write("1", value);
        value.tags.set("pizza", 99);
        expect((await adapter.read("1"))!.tags.get("pizza")).toBe(2);
        expect(await adapter.read("1")).not.toBe(value);
      });

      it("throws for functions, symbols and DOM nodes", async () => {
        const adapter = makeAdapter<unknown>();
        await expect(adapter.write("1", { f: () => 1 })).rejects.toThrow(UnstorableValueError);
        await expect(adapter.write("1", { s: Symbol("s") })).rejects.toThrow(UnstorableValueError);
        if (typeof document !== "undefined") {
          await expect(adapter.write("1", { n: document.body })).rejects.toThrow(UnstorableValueError);
        }
      });
    });

    describe("MemorySessionStorage: the object itself", () => {
      it("keeps the reference: a change after write is visible on the next read", async () => {
        const storage = new MemorySessionStorage<Rich>();
        const value = rich();
        storage.write("1", value);
        value.tags.set("pizza", 99);
        expect(storage.read("1")).toBe(value);
        expect(storage.read("1")!.tags.get("pizza")).toBe(99);
      });

      it("keeps Dates, Maps, undefined fields, cycles and even functions as they are", () => {
        const storage = new MemorySessionStorage<Rich & { f?: () => number }>();
        const value = { ...rich(), f: () => 1 };
        storage.write("1", value);
        const back = storage.read("1")!;
        expect(back.when).toBe(value.when);
        expect(back.tags).toBe(value.tags);
        expect("note" in back).toBe(true);
        expect(back.f!()).toBe(1);
      });
    });

    describe("server adapters: JSON", () => {
      it("turns Dates into strings, Maps and Sets into {}, and drops undefined fields", async () => {
        const storage = jsonServerAdapter<Rich>();
        const { self: _self, ...plain } = rich();
        await storage.write("1", plain);
        const back = (await storage.read("1")) as unknown as Record<string, unknown>;
        expect(back.when).toBe("2024-05-01T12:00:00.000Z");
        expect(back.tags).toEqual({});
        expect(back.seen).toEqual({});
        expect("note" in back).toBe(false);
      });

      it("drops functions and symbols without a word", async () => {
        const storage = jsonServerAdapter<Record<string, unknown>>();
        await storage.write("1", { n: 1, f: () => 1, s: Symbol("s") });
        expect(await storage.read("1")).toEqual({ n: 1 });
      });

      it.runIf(typeof document !== "undefined")("turns DOM nodes into {}", async () => {
        const storage = jsonServerAdapter<Record<string, unknown>>();
        await storage.write("1", { el: document.createElement("div") });
        expect(await storage.read("1")).toEqual({ el: {} });
      });

      it("throws for cyclic data", async () => {
        const storage = jsonServerAdapter<Rich>();
        expect(() => storage.write("1", rich())).toThrow(TypeError);
        expect(() => storage.write("1", rich())).toThrow(/circular/i);
      });
    });
  });
}
