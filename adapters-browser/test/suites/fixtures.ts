import { afterEach } from "vitest";
import { IndexedDBAdapter, type IndexedDBAdapterOptions } from "../../src/index.js";

let counter = 0;

/** A database name no other test uses, so tests never see each other's data. */
export function freshDatabase(label = "test"): string {
  return `${label}-${Date.now().toString(36)}-${(counter++).toString(36)}`;
}

const opened: IndexedDBAdapter<unknown>[] = [];
const databases = new Set<string>();

/**
 * An adapter on a fresh database (unless one is given), closed and deleted after the test.
 * Registers the `afterEach` cleanup of the suite that calls `useAdapters()`.
 */
export function makeAdapter<T>(options: IndexedDBAdapterOptions = {}): IndexedDBAdapter<T> {
  const adapter = new IndexedDBAdapter<T>({ database: freshDatabase(), ...options });
  opened.push(adapter as IndexedDBAdapter<unknown>);
  databases.add(adapter.database);
  return adapter;
}

/** Closes every adapter made in the test and deletes their databases. */
export function useAdapters(): void {
  afterEach(async () => {
    for (const adapter of opened.splice(0)) adapter.close();
    await Promise.all([...databases].map(deleteDatabase));
    databases.clear();
  });
}

/** Deletes a database; resolves even when another connection keeps it (then it is just left). */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = () => resolve();
    request.onblocked = () => resolve();
  });
}

/** Collects any (async) iterable into an array. */
export async function collect<I>(iterable: Iterable<I> | AsyncIterable<I>): Promise<I[]> {
  const items: I[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** Opens a raw connection, creating the named stores; it does not close for upgrades unless told. */
export function openRaw(database: string, stores: string[], version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = version === undefined ? indexedDB.open(database) : indexedDB.open(database, version);
    request.onupgradeneeded = () => {
      for (const store of stores) {
        if (!request.result.objectStoreNames.contains(store)) request.result.createObjectStore(store);
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
