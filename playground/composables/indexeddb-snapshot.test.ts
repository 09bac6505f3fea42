import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { IndexedDBAdapter } from "@session-lab/adapters-browser";
import { DeadlineError } from "../scenario/deadline";
import { clearDatabase, clearStores, readDatabase, readStores } from "./indexeddb-snapshot";

let n = 0;
const fresh = () => `inspector-test-${++n}`;

describe("reading the program's IndexedDB from the page", () => {
  it("does not create a database the program never opened, so the adapter can create it later", async () => {
    const database = fresh();
    expect(await readDatabase(database)).toEqual({ exists: false, entries: [] });
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(database);
    const adapter = new IndexedDBAdapter<{ n: number }>({ database });
    await adapter.write("424242", { n: 1 });
    expect(await adapter.read("424242")).toEqual({ n: 1 });
    adapter.close();
  });

  it("shows every record of every store, values as stored", async () => {
    const database = fresh();
    const sessions = new IndexedDBAdapter<unknown>({ database });
    const other = new IndexedDBAdapter<unknown>({ database, store: "settings" });
    await sessions.write("424242", { pizzaCount: 2, at: new Date(0) });
    await sessions.write("-100123", { pizzaCount: 1 });
    await other.write("424242", "dark");
    const snapshot = await readDatabase(database);
    expect(snapshot.exists).toBe(true);
    expect(snapshot.entries).toEqual(
      expect.arrayContaining([
        { store: "sessions", key: "424242", value: { pizzaCount: 2, at: new Date(0) } },
        { store: "sessions", key: "-100123", value: { pizzaCount: 1 } },
        { store: "settings", key: "424242", value: "dark" },
      ]),
    );
    expect(snapshot.entries).toHaveLength(3);
    sessions.close();
    other.close();
  });

  it("reads only the object stores asked for, and leaves out a store the adapter has not created yet", async () => {
    const database = fresh();
    const sessions = new IndexedDBAdapter<unknown>({ database });
    const other = new IndexedDBAdapter<unknown>({ database, store: "settings" });
    await sessions.write("424242", { pizzaCount: 2 });
    await other.write("424242", "dark");
    expect((await readStores(database, ["settings"])).entries).toEqual([{ store: "settings", key: "424242", value: "dark" }]);
    expect(await readStores(database, ["not-yet"])).toEqual({ exists: true, entries: [] });
    expect([...(await namesOfStores(database))].sort()).toEqual(["sessions", "settings"]);
    expect(await readStores(fresh(), ["sessions"])).toEqual({ exists: false, entries: [] });
    sessions.close();
    other.close();
  });

  it("clears only the object stores asked for", async () => {
    const database = fresh();
    const sessions = new IndexedDBAdapter<number>({ database });
    const other = new IndexedDBAdapter<number>({ database, store: "settings" });
    await sessions.write("1", 1);
    await other.write("2", 2);
    await clearStores(database, ["sessions"]);
    expect((await readDatabase(database)).entries).toEqual([{ store: "settings", key: "2", value: 2 }]);
    sessions.close();
    other.close();
  });

  it("clears every store without closing the adapter's way back in", async () => {
    const database = fresh();
    const adapter = new IndexedDBAdapter<number>({ database });
    await adapter.write("1", 1);
    await clearDatabase(database);
    expect((await readDatabase(database)).entries).toEqual([]);
    expect(await adapter.read("1")).toBeUndefined();
    await adapter.write("2", 2);
    expect((await readDatabase(database)).entries).toEqual([{ store: "sessions", key: "2", value: 2 }]);
    adapter.close();
  });

  it("steps aside when the adapter upgrades the database to add a store", async () => {
    const database = fresh();
    const first = new IndexedDBAdapter<number>({ database });
    await first.write("1", 1);
    await readDatabase(database);
    const second = new IndexedDBAdapter<number>({ database, store: "more", openTimeoutMs: 2_000 });
    await second.write("2", 2);
    expect((await readDatabase(database)).entries.map((e) => `${e.store}/${e.key}`).sort()).toEqual(["more/2", "sessions/1"]);
    first.close();
    second.close();
  });
});

describe("a look that gets no answer", () => {
  it("gives up at its deadline instead of waiting for good, and closes the connection that comes late", async () => {
    const database = fresh();
    const adapter = new IndexedDBAdapter<number>({ database });
    await adapter.write("1", 1);
    await adapter.close();
    // A connection that ignores version changes, and an upgrade stuck behind it: every plain open now queues.
    const stubborn = await openRaw(database);
    const upgraded = new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open(database, stubborn.version + 1);
      request.onsuccess = () => resolve(request.result);
    });
    const reading = readDatabase(database, 500, 50);
    await expect(reading).rejects.toEqual(new DeadlineError("database", 50));
    await expect(clearDatabase(database, 50)).rejects.toBeInstanceOf(DeadlineError);
    stubborn.close();
    (await upgraded).close();
    // The late connections were closed: an upgrade goes through unblocked.
    const version = (await openRaw(database, true)).version;
    expect(version).toBe(stubborn.version + 2);
    expect((await readDatabase(database)).entries).toEqual([{ store: "sessions", key: "1", value: 1 }]);
  });
});

/** Opens `database`; with `upgrade`, one version up, failing if another connection blocks it. */
function openRaw(database: string, upgrade = false): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(database);
    request.onsuccess = () => {
      const db = request.result;
      if (!upgrade) return resolve(db);
      const next = db.version + 1;
      db.close();
      const again = indexedDB.open(database, next);
      again.onblocked = () => reject(new Error("blocked by a connection left open"));
      again.onsuccess = () => {
        again.result.close();
        resolve(again.result);
      };
      again.onerror = () => reject(again.error);
    };
    request.onerror = () => reject(request.error);
  });
}

function namesOfStores(database: string): Promise<DOMStringList> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(database);
    request.onsuccess = () => {
      const names = request.result.objectStoreNames;
      request.result.close();
      resolve(names);
    };
    request.onerror = () => reject(request.error);
  });
}
