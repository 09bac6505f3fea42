import { createStore, get as rawGet, set as rawSet } from "idb-keyval";
import type { StorageAdapter } from "grammy";
import { describe, expect, it, vi } from "vitest";
import { IndexedDBAdapter } from "../../src/index.js";
import { collect, freshDatabase, makeAdapter, openRaw, useAdapters } from "./fixtures.js";

/**
 * The full contract of IndexedDBAdapter: grammY's StorageAdapter plus clear(), store isolation,
 * streaming and reconnection. Written once; run on fake-indexeddb in Node and on Chromium's own
 * IndexedDB in browser mode.
 */
export function adapterContract(environment: string): void {
  describe(`IndexedDBAdapter contract (${environment})`, () => {
    useAdapters();

    it("implements every StorageAdapter method, so grammY sees has/readAll* too", () => {
      const adapter: StorageAdapter<number> = makeAdapter<number>();
      for (const method of ["read", "write", "delete", "has", "readAllKeys", "readAllValues", "readAllEntries"] as const) {
        expect(typeof adapter[method], method).toBe("function");
      }
    });

    it("reads undefined and has() false for a key never written", async () => {
      const adapter = makeAdapter<{ n: number }>();
      expect(await adapter.read("42")).toBeUndefined();
      expect(await adapter.has("42")).toBe(false);
    });

    it("reads back what was written, overwrites, and deletes", async () => {
      const adapter = makeAdapter<{ n: number }>();
      await adapter.write("42", { n: 1 });
      expect(await adapter.read("42")).toEqual({ n: 1 });
      expect(await adapter.has("42")).toBe(true);
      await adapter.write("42", { n: 2 });
      expect(await adapter.read("42")).toEqual({ n: 2 });
      await adapter.delete("42");
      expect(await adapter.read("42")).toBeUndefined();
      expect(await adapter.has("42")).toBe(false);
      await expect(adapter.delete("42")).resolves.toBeUndefined(); // deleting twice is fine
    });

    it("keeps falsy values apart from missing ones", async () => {
      const adapter = makeAdapter<unknown>();
      for (const [key, value] of [["zero", 0], ["empty", ""], ["no", false], ["nothing", null]] as const) {
        await adapter.write(key, value);
        expect(await adapter.read(key)).toBe(value);
        expect(await adapter.has(key)).toBe(true);
      }
    });

    it("accepts any string key: empty, negative chat ids, prefixes, emoji", async () => {
      const adapter = makeAdapter<string>();
      const keys = ["", "-1001234567890", "user:7/chat:-5", "pizza 🍕", "a".repeat(2000)];
      for (const key of keys) await adapter.write(key, `value of ${key}`);
      for (const key of keys) expect(await adapter.read(key)).toBe(`value of ${key}`);
      expect(await collect(adapter.readAllKeys())).toEqual([...keys].sort());
    });

    it("returns a copy: changing an object after write or after read changes nothing stored", async () => {
      const adapter = makeAdapter<{ pizzas: string[] }>();
      const session = { pizzas: ["margherita"] };
      await adapter.write("1", session);
      session.pizzas.push("funghi");
      const read = await adapter.read("1");
      expect(read).toEqual({ pizzas: ["margherita"] });
      read!.pizzas.push("diavola");
      expect(await adapter.read("1")).toEqual({ pizzas: ["margherita"] });
    });

    it("lists keys, values and entries in key order, and nothing for an empty store", async () => {
      const adapter = makeAdapter<number>();
      expect(await collect(adapter.readAllKeys())).toEqual([]);
      expect(await collect(adapter.readAllValues())).toEqual([]);
      expect(await collect(adapter.readAllEntries())).toEqual([]);
      for (const [key, value] of [["b", 2], ["a", 1], ["c", 3]] as const) await adapter.write(key, value);
      expect(await collect(adapter.readAllKeys())).toEqual(["a", "b", "c"]);
      expect(await collect(adapter.readAllValues())).toEqual([1, 2, 3]);
      expect(await collect(adapter.readAllEntries())).toEqual([["a", 1], ["b", 2], ["c", 3]]);
    });

    it("streams readAll* page by page across many transactions, for any page size", async () => {
      const entries = Array.from({ length: 23 }, (_, i) => [`k${String(i).padStart(2, "0")}`, i] as [string, number]);
      for (const pageSize of [1, 5, 23, 100]) {
        const adapter = makeAdapter<number>({ pageSize });
        await Promise.all(entries.map(([k, v]) => adapter.write(k, v)));
        expect(await collect(adapter.readAllEntries()), `pageSize ${pageSize}`).toEqual(entries);
        expect(await collect(adapter.readAllKeys())).toEqual(entries.map(([k]) => k));
        expect(await collect(adapter.readAllValues())).toEqual(entries.map(([, v]) => v));
      }
    });

    it("reads lazily: breaking after a few items reads only the first page", async () => {
      const adapter = makeAdapter<number>({ pageSize: 10 });
      await Promise.all(Array.from({ length: 100 }, (_, i) => adapter.write(`k${String(i).padStart(3, "0")}`, i)));
      const getAllKeys = vi.spyOn(IDBObjectStore.prototype, "getAllKeys");
      try {
        const firstThree: string[] = [];
        for await (const key of adapter.readAllKeys()) {
          firstThree.push(key);
          if (firstThree.length === 3) break;
        }
        expect(firstThree).toEqual(["k000", "k001", "k002"]);
        expect(getAllKeys).toHaveBeenCalledTimes(1);
      } finally {
        getAllKeys.mockRestore();
      }
    });

    it("lets the consumer await other work between items without losing the transaction", async () => {
      const adapter = makeAdapter<number>({ pageSize: 3 });
      await Promise.all(Array.from({ length: 10 }, (_, i) => adapter.write(`k${i}`, i)));
      const seen: number[] = [];
      for await (const [key, value] of adapter.readAllEntries()) {
        await new Promise((resolve) => setTimeout(resolve, 1)); // lets any open transaction commit
        await adapter.write(`0-${key}`, value); // and uses the database meanwhile (behind the cursor)
        seen.push(value);
      }
      expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(await collect(adapter.readAllKeys())).toHaveLength(20);
    });

    it("sees writes and deletes made between pages like a fresh read would, never an item twice", async () => {
      const adapter = makeAdapter<number>({ pageSize: 2 });
      for (const key of ["a", "b", "c", "d"]) await adapter.write(key, 0);
      const keys: string[] = [];
      for await (const key of adapter.readAllKeys()) {
        keys.push(key);
        if (key === "b") {
          await adapter.delete("c"); // ahead of the cursor: skipped
          await adapter.write("e", 1); // ahead: seen
          await adapter.write("a0", 1); // behind: not revisited
        }
      }
      expect(keys).toEqual(["a", "b", "d", "e"]);
    });

    it("falls back to a cursor where getAll is missing, with the same results", async () => {
      const adapter = makeAdapter<number>({ pageSize: 4 });
      const entries = Array.from({ length: 10 }, (_, i) => [`k${i}`, i] as [string, number]);
      await Promise.all(entries.map(([k, v]) => adapter.write(k, v)));
      const proto = IDBObjectStore.prototype as unknown as Record<string, unknown>;
      const { getAll, getAllKeys } = proto;
      const openCursor = vi.spyOn(IDBObjectStore.prototype, "openCursor");
      const openKeyCursor = vi.spyOn(IDBObjectStore.prototype, "openKeyCursor");
      Object.defineProperty(IDBObjectStore.prototype, "getAll", { value: undefined, configurable: true, writable: true });
      Object.defineProperty(IDBObjectStore.prototype, "getAllKeys", { value: undefined, configurable: true, writable: true });
      try {
        expect(await collect(adapter.readAllEntries())).toEqual(entries);
        expect(await collect(adapter.readAllValues())).toEqual(entries.map(([, v]) => v));
        expect(await collect(adapter.readAllKeys())).toEqual(entries.map(([k]) => k));
        expect(openCursor).toHaveBeenCalledTimes(6); // 3 pages (4+4+2) for entries, 3 for values
        expect(openKeyCursor).toHaveBeenCalledTimes(3);
      } finally {
        Object.defineProperty(IDBObjectStore.prototype, "getAll", { value: getAll, configurable: true, writable: true });
        Object.defineProperty(IDBObjectStore.prototype, "getAllKeys", { value: getAllKeys, configurable: true, writable: true });
        openCursor.mockRestore();
        openKeyCursor.mockRestore();
      }
    });

    it("handles many concurrent calls on one adapter", async () => {
      const adapter = makeAdapter<number>();
      await Promise.all(Array.from({ length: 200 }, (_, i) => adapter.write(String(i), i)));
      const values = await Promise.all(Array.from({ length: 200 }, (_, i) => adapter.read(String(i))));
      expect(values).toEqual(Array.from({ length: 200 }, (_, i) => i));
    });

    it("uses database grammy-sessions and store sessions by default", async () => {
      const adapter = new IndexedDBAdapter<string>();
      expect([adapter.database, adapter.store]).toEqual(["grammy-sessions", "sessions"]);
      const key = `default-${freshDatabase()}`;
      try {
        await adapter.write(key, "stored by the adapter");
        const raw = createStore("grammy-sessions", "sessions");
        expect(await rawGet(key, raw)).toBe("stored by the adapter");
        await rawSet(key, "stored by idb-keyval", raw);
        expect(await adapter.read(key)).toBe("stored by idb-keyval");
        await adapter.delete(key);
        (await raw("readonly", (store) => store.transaction.db)).close();
      } finally {
        adapter.close();
      }
    });

    it("keeps adapters on different stores of one database apart, creating the second store by upgrade", async () => {
      const database = freshDatabase();
      const first = makeAdapter<string>({ database, store: "first" });
      await first.write("1", "first's");
      // The database now exists with only "first": "second" must be added by a version upgrade,
      // which the first adapter's open connection must not block.
      const second = makeAdapter<string>({ database, store: "second", openTimeoutMs: 2000 });
      expect(await second.read("1")).toBeUndefined();
      await second.write("1", "second's");
      expect(await first.read("1")).toBe("first's"); // the first adapter reconnects by itself
      expect(await second.read("1")).toBe("second's");
      await first.clear();
      expect(await first.read("1")).toBeUndefined();
      expect(await second.read("1")).toBe("second's"); // clear() is per store
      expect(await collect(second.readAllKeys())).toEqual(["1"]);
      const third = makeAdapter<string>({ database: freshDatabase(), store: "first" });
      expect(await third.read("1")).toBeUndefined(); // same store name, other database
    });

    it("creates stores for several adapters opening one new database at the same time", async () => {
      const database = freshDatabase();
      const adapters = ["a", "b", "c", "d"].map((store) => makeAdapter<string>({ database, store, openTimeoutMs: 5000 }));
      await Promise.all(adapters.map((adapter) => adapter.write("k", adapter.store)));
      expect(await Promise.all(adapters.map((adapter) => adapter.read("k")))).toEqual(["a", "b", "c", "d"]);
    });

    it("adds its store to a database another program created, keeping that program's data", async () => {
      const database = freshDatabase();
      const other = await openRaw(database, ["theirs"]);
      await new Promise<void>((resolve, reject) => {
        const tx = other.transaction("theirs", "readwrite");
        tx.objectStore("theirs").put("kept", "x");
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      other.close();
      const adapter = makeAdapter<string>({ database });
      await adapter.write("x", "ours");
      const reopened = await openRaw(database, []);
      expect([...reopened.objectStoreNames].sort()).toEqual(["sessions", "theirs"]);
      const theirs = await new Promise((resolve) => {
        const request = reopened.transaction("theirs").objectStore("theirs").get("x");
        request.onsuccess = () => resolve(request.result);
      });
      reopened.close();
      expect(theirs).toBe("kept");
    });

    it("steps aside when the database is deleted, and starts afresh on the next call", async () => {
      const adapter = makeAdapter<string>();
      await adapter.write("1", "before");
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(adapter.database);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
        request.onblocked = () => reject(new Error("the adapter's connection blocked deleteDatabase"));
      });
      expect(await adapter.read("1")).toBeUndefined();
      await adapter.write("1", "after");
      expect(await adapter.read("1")).toBe("after");
    });

    it("can be closed and keeps working afterwards", async () => {
      const adapter = makeAdapter<string>();
      await adapter.write("1", "x");
      adapter.close();
      adapter.close(); // closing twice is harmless
      expect(await adapter.read("1")).toBe("x");
    });

    it("closes its connection only after the transactions it started have completed", async () => {
      // A worker that awaits close() and then ends must leave no transaction (and so no connection) behind.
      const adapter = makeAdapter<string>();
      await adapter.write("1", "x");
      const order: string[] = [];
      const realClose = IDBDatabase.prototype.close;
      const realTransaction = IDBDatabase.prototype.transaction;
      IDBDatabase.prototype.close = function (this: IDBDatabase) {
        order.push("close");
        realClose.call(this);
      };
      IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase["transaction"]>) {
        const transaction = realTransaction.apply(this, args);
        transaction.addEventListener("complete", () => order.push(`${transaction.mode} complete`));
        return transaction;
      } as IDBDatabase["transaction"];
      try {
        // get() resolves on the request's success, before its read-only transaction completes.
        expect(await adapter.read("1")).toBe("x");
        await adapter.close();
        expect(order).toEqual(["readonly complete", "close"]);
      } finally {
        IDBDatabase.prototype.close = realClose;
        IDBDatabase.prototype.transaction = realTransaction;
      }
      expect(await adapter.read("1")).toBe("x"); // and it reopens on the next call
    });

    it("closes a connection still being opened, without keeping it", async () => {
      const adapter = makeAdapter<string>();
      const reading = adapter.read("1");
      await adapter.close();
      expect(await reading).toBeUndefined();
      // A version-change open succeeds: no connection of the adapter is left to block it.
      const version = await new Promise<number>((resolve, reject) => {
        const request = indexedDB.open(adapter.database);
        request.onsuccess = () => {
          const v = request.result.version;
          request.result.close();
          resolve(v);
        };
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(adapter.database, version + 1);
        request.onsuccess = () => (request.result.close(), resolve());
        request.onerror = () => reject(request.error);
        request.onblocked = () => reject(new Error("a connection of the closed adapter blocked the upgrade"));
      });
    });

    it("refuses a page size that is not a positive integer", () => {
      expect(() => new IndexedDBAdapter({ pageSize: 0 })).toThrow(RangeError);
      expect(() => new IndexedDBAdapter({ pageSize: 2.5 })).toThrow(RangeError);
    });
  });
}
