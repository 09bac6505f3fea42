import { describe, expect, it, vi } from "vitest";
import {
  IndexedDBUnavailableError,
  InvalidKeyError,
  StorageAdapterError,
  StorageQuotaError,
  UnstorableValueError,
} from "../../src/index.js";
import { collect, makeAdapter, openRaw, useAdapters } from "./fixtures.js";

/** Bad input and broken environments: each gives a clear error, and nothing stored is lost. */
export function faultCases(environment: string): void {
  describe(`IndexedDBAdapter faults (${environment})`, () => {
    useAdapters();

    const unstorable: [string, () => unknown][] = [
      ["a function", () => ({ pizzas: 1, onChange() {} })],
      ["a symbol", () => ({ pizzas: 1, tag: Symbol("x") })],
      ...(typeof document === "undefined"
        ? []
        : [["a DOM node", () => ({ pizzas: 1, el: document.createElement("div") })] as [string, () => unknown]]),
    ];
    for (const [what, make] of unstorable) {
      it(`refuses ${what} with a DataCloneError naming the key, keeping the old value`, async () => {
        const adapter = makeAdapter<unknown>();
        await adapter.write("-100123", { pizzas: 0 });
        const error = await adapter.write("-100123", make()).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(UnstorableValueError);
        expect(error).toBeInstanceOf(StorageAdapterError);
        const e = error as UnstorableValueError;
        expect(e.message).toContain('session "-100123"');
        expect(e.message).toContain("DataCloneError");
        expect(e.key).toBe("-100123");
        expect(e.operation).toBe("write");
        expect((e.cause as DOMException).name).toBe("DataCloneError");
        expect(await adapter.read("-100123")).toEqual({ pizzas: 0 });
      });
    }

    it("refuses a value nested too deep for structured clone as unstorable, keeping the old value", async () => {
      const adapter = makeAdapter<unknown>();
      await adapter.write("-100123", { pizzas: 0 });
      let deep: unknown = { pizzas: 1 };
      for (let i = 0; i < 100_000; i++) deep = { next: deep };
      const error = await adapter.write("-100123", deep).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnstorableValueError);
      expect((error as Error).message).toContain("nested too deeply");
      expect((error as Error).message).toContain('session "-100123"');
      expect(await adapter.read("-100123")).toEqual({ pizzas: 0 });
    });

    it("refuses undefined as a value (grammY deletes such sessions) and keeps the old value", async () => {
      const adapter = makeAdapter<unknown>();
      await adapter.write("7", "old");
      await expect(adapter.write("7", undefined)).rejects.toThrow(UnstorableValueError);
      await expect(adapter.write("7", undefined)).rejects.toThrow(/session "7".*delete\(\)/);
      expect(await adapter.read("7")).toBe("old");
    });

    it("refuses keys that are not strings with a TypeError, for every keyed method", async () => {
      const adapter = makeAdapter<unknown>();
      const calls: [string, (key: never) => Promise<unknown>][] = [
        ["read", (k) => adapter.read(k)],
        ["write", (k) => adapter.write(k, 1)],
        ["delete", (k) => adapter.delete(k)],
        ["has", (k) => adapter.has(k)],
      ];
      for (const [name, call] of calls) {
        for (const key of [42, undefined, null, ["a"], new Date(0), { toString: () => "x" }]) {
          const error = await call(key as never).catch((e: unknown) => e);
          expect(error, `${name}(${String(key)})`).toBeInstanceOf(TypeError);
          expect(error).toBeInstanceOf(InvalidKeyError);
          expect((error as InvalidKeyError).key).toBe(key);
          expect((error as Error).message).toMatch(new RegExp(`^Session keys must be strings, but ${name} got`));
        }
      }
      expect(await collect(adapter.readAllKeys())).toEqual([]); // nothing was stored under a number
    });

    it("rejects a write over quota with an error naming the key, losing nothing", async () => {
      const adapter = makeAdapter<string>();
      await adapter.write("small", "kept");
      await adapter.write("big", "old big");
      const put = IDBObjectStore.prototype.put;
      const spy = vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(function (
        this: IDBObjectStore,
        value: unknown,
        key?: IDBValidKey,
      ) {
        if (key === "big") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        return put.call(this, value, key);
      });
      try {
        const error = await adapter.write("big", "x".repeat(1000)).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StorageQuotaError);
        expect((error as StorageQuotaError).key).toBe("big");
        expect((error as Error).message).toMatch(/session "big".*quota/);
        expect(((error as Error).cause as DOMException).name).toBe("QuotaExceededError");
        await adapter.write("other", "still writable"); // the adapter keeps working
      } finally {
        spy.mockRestore();
      }
      expect(await collect(adapter.readAllEntries())).toEqual([
        ["big", "old big"],
        ["other", "still writable"],
        ["small", "kept"],
      ]);
    });

    it("rejects a write whose transaction is aborted, naming the key, and keeps the old value", async () => {
      const adapter = makeAdapter<string>();
      await adapter.write("k", "old");
      const put = IDBObjectStore.prototype.put;
      const spy = vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(function (
        this: IDBObjectStore,
        value: unknown,
        key?: IDBValidKey,
      ) {
        const request = put.call(this, value, key);
        this.transaction.abort(); // as the browser does when the disk fails mid-transaction
        return request;
      });
      try {
        const error = await adapter.write("k", "new").catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StorageAdapterError);
        expect((error as StorageAdapterError).key).toBe("k");
        expect((error as Error).message).toBe('Cannot write session "k": the IndexedDB transaction was aborted');
      } finally {
        spy.mockRestore();
      }
      expect(await adapter.read("k")).toBe("old");
    });

    it("fails at the first call with a clear error when there is no indexedDB, and recovers when it appears", async () => {
      const adapter = makeAdapter<string>();
      vi.stubGlobal("indexedDB", undefined);
      try {
        const error = await adapter.read("1").catch((e: unknown) => e);
        expect(error).toBeInstanceOf(IndexedDBUnavailableError);
        expect((error as IndexedDBUnavailableError).reason).toBe("missing");
        expect((error as Error).message).toMatch(/no `indexedDB` global/);
        await expect(adapter.write("1", "x")).rejects.toThrow(IndexedDBUnavailableError);
      } finally {
        vi.unstubAllGlobals();
      }
      await adapter.write("1", "x");
      expect(await adapter.read("1")).toBe("x");
    });

    it("reports a SecurityError (opaque origin) as IndexedDB denied", async () => {
      const adapter = makeAdapter<string>();
      vi.stubGlobal("indexedDB", {
        open() {
          throw new DOMException("Access to the IndexedDB API is denied in this context.", "SecurityError");
        },
      });
      try {
        const error = await adapter.has("1").catch((e: unknown) => e);
        expect(error).toBeInstanceOf(IndexedDBUnavailableError);
        expect((error as IndexedDBUnavailableError).reason).toBe("denied");
        expect((error as Error).message).toMatch(/denied in this context \(SecurityError\)/);
        expect(((error as Error).cause as DOMException).name).toBe("SecurityError");
      } finally {
        vi.unstubAllGlobals();
      }
    });

    it("fails with a timeout instead of hanging when another connection blocks the upgrade", async () => {
      const adapter = makeAdapter<string>({ openTimeoutMs: 300 });
      // Another tab's old code: has the database open (without our store) and never closes.
      const stubborn = await openRaw(adapter.database, ["other"]);
      stubborn.onversionchange = null;
      try {
        const started = Date.now();
        const error = await adapter.write("1", "x").catch((e: unknown) => e);
        expect(error).toBeInstanceOf(IndexedDBUnavailableError);
        expect((error as IndexedDBUnavailableError).reason).toBe("blocked");
        expect((error as Error).message).toMatch(/timed out: another connection .* did not close/);
        expect(Date.now() - started).toBeLessThan(3000);
      } finally {
        stubborn.close();
      }
      await adapter.write("1", "x"); // once the other connection is gone, the next call succeeds
      expect(await adapter.read("1")).toBe("x");
    });
  });
}
