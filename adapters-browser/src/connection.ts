import { createStore, type UseStore } from "idb-keyval";
import { errorName, IndexedDBUnavailableError } from "./errors.js";

/** An idb-keyval store function plus the database connection behind it. */
export interface Connection {
  /** idb-keyval's `(txMode, callback) => …` store function, as `createStore` returns it. */
  useStore: UseStore;
  /** The connection idb-keyval opened; we watch it so that it steps aside for upgrades. */
  db: IDBDatabase;
  /** Resolves once every transaction started through {@link useStore} so far has completed or aborted. */
  idle(): Promise<void>;
}

/** What `connect` needs to know. */
export interface ConnectOptions {
  database: string;
  store: string;
  /** How long opening may take before it counts as blocked. */
  timeoutMs: number;
  /** Called once the connection is gone (closed for another connection's upgrade, or by the browser). */
  onLost: (db: IDBDatabase) => void;
}

/**
 * Opens `database` for `store` through idb-keyval's `createStore`.
 *
 * idb-keyval opens databases without a version, so an object store missing from an existing
 * database is never created, and its connection ignores `versionchange`, so it would block every
 * later upgrade forever. Hence: first make sure the store exists (upgrading the database by one
 * version when it does not), then let idb-keyval open its connection, and make that connection
 * close itself when another one needs to upgrade. The caller reconnects on the next call.
 */
export async function connect(options: ConnectOptions): Promise<Connection> {
  const { database, store, timeoutMs, onLost } = options;
  const deadline = Date.now() + timeoutMs;
  await ensureObjectStore(indexedDBFactory(), database, store, deadline);
  const transactions = new TransactionTracker();
  const useStore = transactions.wrap(createStore(database, store));
  // The first transaction opens idb-keyval's connection and hands us its IDBDatabase.
  const db = await withDeadline(
    useStore("readonly", (objectStore) => objectStore.transaction.db),
    deadline,
    database,
    (late) => late.close(),
  );
  const closedByBrowser = db.onclose;
  db.onclose = function (this: IDBDatabase, event: Event) {
    closedByBrowser?.call(this, event); // idb-keyval forgets its connection here
    onLost(db);
  };
  db.onversionchange = () => {
    db.close();
    onLost(db);
  };
  return { useStore, db, idle: () => transactions.idle() };
}

/**
 * Remembers the transactions a store function starts until they finish. idb-keyval's `get` resolves
 * on the request's success, while its read-only transaction is still finishing; a connection closed
 * then, in a worker terminated right after, stays open in WebKit and blocks every later upgrade of the
 * database. Closing after {@link idle} avoids that.
 */
class TransactionTracker {
  private readonly pending = new Set<Promise<void>>();

  wrap(useStore: UseStore): UseStore {
    return (mode, callback) =>
      useStore(mode, (objectStore) => {
        this.track(objectStore.transaction);
        return callback(objectStore);
      });
  }

  async idle(): Promise<void> {
    // Settling one transaction may start another (a read followed by a write): wait until none is left.
    while (this.pending.size > 0) await Promise.all(this.pending);
  }

  private track(transaction: IDBTransaction): void {
    // Listeners, not `on…` properties: idb-keyval sets `oncomplete`/`onabort` on the same transaction.
    const finished = new Promise<void>((resolve) => {
      transaction.addEventListener("complete", () => resolve(), { once: true });
      transaction.addEventListener("abort", () => resolve(), { once: true });
    });
    this.pending.add(finished);
    void finished.then(() => this.pending.delete(finished));
  }
}

function indexedDBFactory(): IDBFactory {
  let factory: IDBFactory | undefined;
  try {
    factory = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  } catch (error) {
    // Some browsers throw on the mere access when storage is disabled.
    throw unavailable(error);
  }
  if (!factory) {
    throw new IndexedDBUnavailableError(
      "IndexedDB is not available here: there is no `indexedDB` global. In Node, load a polyfill such as " +
        '`import "fake-indexeddb/auto"`, or use grammY\'s MemorySessionStorage or a server storage adapter.',
      { reason: "missing" },
    );
  }
  return factory;
}

function unavailable(error: unknown): IndexedDBUnavailableError {
  if (error instanceof IndexedDBUnavailableError) return error;
  if (errorName(error) === "SecurityError") {
    return new IndexedDBUnavailableError(
      "IndexedDB is denied in this context (SecurityError): opaque origins such as sandboxed iframes, " +
        "data: URLs and some private modes may not use it. Run the bot in a same-origin page or worker.",
      { reason: "denied", cause: error },
    );
  }
  const detail = error instanceof Error || errorName(error) ? `${errorName(error)}: ${(error as Error).message}` : String(error);
  return new IndexedDBUnavailableError(`IndexedDB could not be opened: ${detail}`, { reason: "failed", cause: error });
}

/** Creates `store` in `database` unless it is there, retrying when another tab upgrades at the same time. */
async function ensureObjectStore(factory: IDBFactory, database: string, store: string, deadline: number): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await open(factory, database, undefined, store, deadline);
    if (current.objectStoreNames.contains(store)) {
      current.close();
      return;
    }
    const next = current.version + 1;
    current.close();
    let upgraded: IDBDatabase;
    try {
      upgraded = await open(factory, database, next, store, deadline);
    } catch (error) {
      // Someone else upgraded past `next` in the meantime: look again.
      if (errorName((error as { cause?: unknown }).cause) === "VersionError") continue;
      throw error;
    }
    const created = upgraded.objectStoreNames.contains(store);
    upgraded.close();
    if (created) return;
  }
  throw new IndexedDBUnavailableError(
    `Could not create the object store ${JSON.stringify(store)} in database ${JSON.stringify(database)}: ` +
      "other connections kept upgrading it.",
    { reason: "failed" },
  );
}

/** `indexedDB.open` as a promise that creates `store` on upgrade and gives up at `deadline`. */
function open(
  factory: IDBFactory,
  database: string,
  version: number | undefined,
  store: string,
  deadline: number,
): Promise<IDBDatabase> {
  let request: IDBOpenDBRequest;
  try {
    request = version === undefined ? factory.open(database) : factory.open(database, version);
  } catch (error) {
    return Promise.reject(unavailable(error));
  }
  const opened = new Promise<IDBDatabase>((resolve, reject) => {
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(store)) db.createObjectStore(store);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = (event) => {
      event.preventDefault(); // handled here; keeps it from surfacing as an uncaught error
      reject(unavailable(request.error));
    };
  });
  let blocked = false;
  request.onblocked = () => (blocked = true);
  return withDeadline(opened, deadline, database, (late) => late.close(), () => blocked);
}

/**
 * Rejects with a "blocked" error when `promise` is not settled by `deadline`. A connection that
 * still arrives afterwards is handed to `discard`, so it cannot keep blocking other connections.
 */
function withDeadline(
  promise: Promise<IDBDatabase>,
  deadline: number,
  database: string,
  discard: (late: IDBDatabase) => void,
  wasBlocked: () => boolean = () => true,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(
      () => {
        settled = true;
        const why = wasBlocked()
          ? "another connection to it (probably another tab) did not close for an upgrade"
          : "the browser did not answer";
        reject(
          new IndexedDBUnavailableError(
            `Opening IndexedDB database ${JSON.stringify(database)} timed out: ${why}. ` +
              "Close other tabs of this site, or raise the adapter's `openTimeoutMs`.",
            { reason: "blocked" },
          ),
        );
      },
      Math.max(0, deadline - Date.now()),
    );
    promise.then(
      (db) => {
        clearTimeout(timer);
        if (settled) discard(db);
        else resolve(db);
      },
      (error: unknown) => {
        clearTimeout(timer);
        if (!settled) reject(unavailable(error));
      },
    );
  });
}
