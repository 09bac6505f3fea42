/**
 * Reads and clears a playground's IndexedDB database from the page. The page and the sandbox worker share
 * IndexedDB (same origin), so this shows exactly what the program's adapter stored.
 *
 * Two rules keep the page from disturbing the program: a database that does not exist yet is never created
 * here (that would leave it without the object store the adapter expects), and the connection is closed
 * right after each look, and at once when the program's adapter needs to upgrade the database.
 *
 * And every look has a deadline: a browser may leave an open or a transaction unanswered for good (WebKit
 * can wedge a database that workers upgraded together), and a view must then say so instead of waiting.
 */
import { DeadlineError, withDeadline } from "../scenario/deadline";

/** How long one look (open and transaction) may take before it fails with a {@link DeadlineError}. */
export const SNAPSHOT_TIMEOUT_MS = 10_000;

/** One stored record. */
export interface StoredEntry {
  store: string;
  key: string;
  value: unknown;
}

/** What the database holds now; `exists` is false when the program never opened it. */
export interface DatabaseSnapshot {
  exists: boolean;
  entries: StoredEntry[];
}

/** Opens `database` if it exists, or resolves undefined without creating it; gives up after `timeoutMs`. */
function openExisting(database: string, timeoutMs: number): Promise<IDBDatabase | undefined> {
  const opening = new Promise<IDBDatabase | undefined>((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(database);
    } catch (error) {
      reject(error);
      return;
    }
    let creating = false;
    request.onupgradeneeded = (event) => {
      // Version 0 → 1 means we would be creating it: abort, so the adapter creates it its own way later.
      if (event.oldVersion === 0) {
        creating = true;
        request.transaction?.abort();
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = (event) => {
      event.preventDefault();
      if (creating) resolve(undefined);
      else reject(request.error ?? new Error("IndexedDB could not be opened"));
    };
    request.onblocked = () => {
      // Someone is upgrading; a blocked plain open waits for them (up to the deadline), which is what we want.
    };
  });
  // A connection that arrives after the deadline is closed at once, so it blocks nobody's upgrade.
  return withDeadline(opening, timeoutMs, () => new DeadlineError("database", timeoutMs), { onLate: (db) => db?.close() });
}

function done(transaction: IDBTransaction, timeoutMs: number): Promise<void> {
  const finished = new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = transaction.onerror = () => reject(transaction.error ?? new Error("IndexedDB transaction failed"));
  });
  return withDeadline(finished, timeoutMs, () => new DeadlineError("database", timeoutMs), {
    onTimeout: () => {
      try {
        transaction.abort();
      } catch {
        // Already finished or never started: nothing to abort.
      }
    },
  });
}

/** Every record of every object store in `database`, at most `limit` in all. */
export function readDatabase(database: string, limit = 500, timeoutMs = SNAPSHOT_TIMEOUT_MS): Promise<DatabaseSnapshot> {
  return readStores(database, undefined, limit, timeoutMs);
}

/**
 * Every record of the object stores `stores` of `database` (all of them when undefined), at most `limit`
 * in all. Stores the database does not have (yet) are left out: the program's adapter creates its store on
 * first use, and the page must not. Rejects with a {@link DeadlineError} when the open or the read takes
 * longer than `timeoutMs` each.
 */
export async function readStores(
  database: string,
  stores: readonly string[] | undefined,
  limit = 500,
  timeoutMs = SNAPSHOT_TIMEOUT_MS,
): Promise<DatabaseSnapshot> {
  const db = await openExisting(database, timeoutMs);
  if (!db) return { exists: false, entries: [] };
  try {
    const names = existingStores(db, stores);
    if (names.length === 0) return { exists: true, entries: [] };
    const transaction = db.transaction(names, "readonly");
    const entries: StoredEntry[] = [];
    for (const name of names) {
      const store = transaction.objectStore(name);
      const keys = store.getAllKeys(undefined, limit);
      const values = store.getAll(undefined, limit);
      values.onsuccess = () => {
        const keyList = keys.result;
        values.result.forEach((value, i) => entries.push({ store: name, key: String(keyList[i]), value }));
      };
    }
    await done(transaction, timeoutMs);
    return { exists: true, entries: entries.slice(0, limit) };
  } finally {
    db.close();
  }
}

/** Deletes every record in every object store of `database` (the database and its stores stay). */
export function clearDatabase(database: string, timeoutMs = SNAPSHOT_TIMEOUT_MS): Promise<void> {
  return clearStores(database, undefined, timeoutMs);
}

/**
 * Deletes every record in the object stores `stores` of `database` (all when undefined); the stores stay.
 * Rejects with a {@link DeadlineError} when the open or the clearing takes longer than `timeoutMs` each.
 */
export async function clearStores(database: string, stores: readonly string[] | undefined, timeoutMs = SNAPSHOT_TIMEOUT_MS): Promise<void> {
  const db = await openExisting(database, timeoutMs);
  if (!db) return;
  try {
    const names = existingStores(db, stores);
    if (names.length === 0) return;
    const transaction = db.transaction(names, "readwrite");
    for (const name of names) transaction.objectStore(name).clear();
    await done(transaction, timeoutMs);
  } finally {
    db.close();
  }
}

function existingStores(db: IDBDatabase, wanted: readonly string[] | undefined): string[] {
  const names = [...db.objectStoreNames];
  return wanted === undefined ? names : names.filter((name) => wanted.includes(name));
}
