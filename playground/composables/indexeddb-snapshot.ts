/**
 * Reads and clears a playground's IndexedDB database from the page. The page and the sandbox worker share
 * IndexedDB (same origin), so this shows exactly what the program's adapter stored.
 *
 * Two rules keep the page from disturbing the program: a database that does not exist yet is never created
 * here (that would leave it without the object store the adapter expects), and the connection is closed
 * right after each look, and at once when the program's adapter needs to upgrade the database.
 */

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

/** Opens `database` if it exists, or resolves undefined without creating it. */
function openExisting(database: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve, reject) => {
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
      // Someone is upgrading; a blocked plain open waits for them, which is what we want.
    };
  });
}

function done(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = transaction.onerror = () => reject(transaction.error ?? new Error("IndexedDB transaction failed"));
  });
}

/** Every record of every object store in `database`, at most `limit` in all. */
export function readDatabase(database: string, limit = 500): Promise<DatabaseSnapshot> {
  return readStores(database, undefined, limit);
}

/**
 * Every record of the object stores `stores` of `database` (all of them when undefined), at most `limit`
 * in all. Stores the database does not have (yet) are left out: the program's adapter creates its store on
 * first use, and the page must not.
 */
export async function readStores(database: string, stores: readonly string[] | undefined, limit = 500): Promise<DatabaseSnapshot> {
  const db = await openExisting(database);
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
    await done(transaction);
    return { exists: true, entries: entries.slice(0, limit) };
  } finally {
    db.close();
  }
}

/** Deletes every record in every object store of `database` (the database and its stores stay). */
export function clearDatabase(database: string): Promise<void> {
  return clearStores(database, undefined);
}

/** Deletes every record in the object stores `stores` of `database` (all when undefined); the stores stay. */
export async function clearStores(database: string, stores: readonly string[] | undefined): Promise<void> {
  const db = await openExisting(database);
  if (!db) return;
  try {
    const names = existingStores(db, stores);
    if (names.length === 0) return;
    const transaction = db.transaction(names, "readwrite");
    for (const name of names) transaction.objectStore(name).clear();
    await done(transaction);
  } finally {
    db.close();
  }
}

function existingStores(db: IDBDatabase, wanted: readonly string[] | undefined): string[] {
  const names = [...db.objectStoreNames];
  return wanted === undefined ? names : names.filter((name) => wanted.includes(name));
}
