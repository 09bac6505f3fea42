import type { StorageAdapter } from "grammy";
import { clear, del, get, promisifyRequest, set, type UseStore } from "idb-keyval";
import { connect, type Connection } from "./connection.js";
import { explainError, InvalidKeyError, UnstorableValueError, type StorageOperation } from "./errors.js";
import { readPages } from "./read-pages.js";

/** Where an {@link IndexedDBAdapter} keeps its sessions, and how patient it is. */
export interface IndexedDBAdapterOptions {
  /** IndexedDB database name. Default `"grammy-sessions"`. */
  database?: string;
  /**
   * Object store inside the database. Default `"sessions"`. Several adapters may share a database
   * with different stores: a missing store is created by upgrading the database version.
   */
  store?: string;
  /**
   * How long opening the database may take (ms) before the call fails with an
   * `IndexedDBUnavailableError` (reason `"blocked"`) instead of hanging. Default 10,000.
   */
  openTimeoutMs?: number;
  /**
   * How many records the `readAll*` iterators read per transaction, and so at most hold in memory.
   * Default 2,000: fewer, larger pages stream faster; lower it when sessions are large.
   */
  pageSize?: number;
}

/**
 * A grammY session storage adapter on the browser's IndexedDB, built on idb-keyval.
 *
 * ```ts
 * bot.use(session({ initial: () => ({ pizzas: 0 }), storage: new IndexedDBAdapter() }));
 * ```
 *
 * Values are stored as IndexedDB stores them, by structured clone: Dates, Maps, Sets, typed arrays,
 * `undefined` fields and cycles survive; functions, symbols and DOM nodes are refused with an
 * {@link UnstorableValueError} and the previous value stays. Keys must be strings.
 * Works in windows and workers alike.
 */
export class IndexedDBAdapter<T> implements StorageAdapter<T> {
  /** The database name in use. */
  readonly database: string;
  /** The object store name in use. */
  readonly store: string;
  private readonly openTimeoutMs: number;
  private readonly pageSize: number;
  private connection: Connection | undefined;
  private connecting: Promise<Connection> | undefined;

  constructor(options: IndexedDBAdapterOptions = {}) {
    this.database = options.database ?? "grammy-sessions";
    this.store = options.store ?? "sessions";
    this.openTimeoutMs = options.openTimeoutMs ?? 10_000;
    this.pageSize = options.pageSize ?? 2_000;
    if (!Number.isInteger(this.pageSize) || this.pageSize < 1) {
      throw new RangeError(`pageSize must be a positive integer, got ${String(options.pageSize)}.`);
    }
  }

  /** Reads the session stored under `key`, or `undefined` when there is none. */
  async read(key: string): Promise<T | undefined> {
    checkKey(key, "read");
    const useStore = this.connection?.useStore ?? (await this.useStore());
    try {
      return await get<T>(key, useStore);
    } catch (error) {
      throw explainError(error, "read", key);
    }
  }

  /**
   * Stores a structured clone of `value` under `key`. Rejects with an {@link UnstorableValueError}
   * or a `StorageQuotaError` naming the key when the browser refuses; the old value is then kept.
   */
  async write(key: string, value: T): Promise<void> {
    checkKey(key, "write");
    if (value === undefined) {
      throw new UnstorableValueError(
        `Cannot write session ${JSON.stringify(key)}: the value is undefined. ` +
          "grammY deletes a session that is set to undefined; call delete() instead.",
        { key, operation: "write" },
      );
    }
    const useStore = this.connection?.useStore ?? (await this.useStore());
    try {
      await set(key, value, useStore);
    } catch (error) {
      throw explainError(error, "write", key);
    }
  }

  /** Deletes the session under `key`; deleting a missing key is not an error. */
  async delete(key: string): Promise<void> {
    checkKey(key, "delete");
    const useStore = this.connection?.useStore ?? (await this.useStore());
    try {
      await del(key, useStore);
    } catch (error) {
      throw explainError(error, "delete", key);
    }
  }

  /** Whether a session is stored under `key`, without reading its value. */
  async has(key: string): Promise<boolean> {
    checkKey(key, "has");
    const useStore = this.connection?.useStore ?? (await this.useStore());
    try {
      const count = await useStore("readonly", (store) => promisifyRequest(store.count(key)));
      return count > 0;
    } catch (error) {
      throw explainError(error, "has", key);
    }
  }

  /** Streams every key, in IndexedDB key order, a page at a time. */
  async *readAllKeys(): AsyncGenerator<string, void, undefined> {
    for await (const page of this.pages(false)) yield* page.keys;
  }

  /** Streams every value, in key order, a page at a time. */
  async *readAllValues(): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages(true)) yield* page.values;
  }

  /** Streams every `[key, value]` pair, in key order, a page at a time. */
  async *readAllEntries(): AsyncGenerator<[key: string, value: T], void, undefined> {
    for await (const page of this.pages(true)) {
      for (let i = 0; i < page.keys.length; i++) yield [page.keys[i], page.values[i]];
    }
  }

  /** Deletes every session in this adapter's store (other stores in the database are untouched). */
  async clear(): Promise<void> {
    const useStore = await this.useStore();
    try {
      await clear(useStore);
    } catch (error) {
      throw explainError(error, "clear");
    }
  }

  /**
   * Closes the database connection, for example before deleting the database or ending a worker.
   * The connection closes once the transactions already started have completed (a read's value
   * arrives before its transaction ends); the promise resolves then, so `await adapter.close()`
   * before `self.close()` or `worker.terminate()` leaves no connection behind to block a later
   * upgrade of the database (WebKit keeps one open otherwise). The adapter stays usable: the next
   * call opens a new connection.
   */
  async close(): Promise<void> {
    const connecting = this.connecting;
    this.connection = undefined;
    this.connecting = undefined;
    if (!connecting) return;
    let connection: Connection;
    try {
      connection = await connecting;
    } catch {
      return; // never opened: nothing to close
    }
    await connection.idle();
    connection.db.close();
  }

  private async *pages(withValues: boolean) {
    try {
      yield* readPages<T>(() => this.useStore(), withValues, this.pageSize);
    } catch (error) {
      throw explainError(error, "readAll");
    }
  }

  /** The idb-keyval store function, connecting first when there is no live connection. */
  private useStore(): UseStore | Promise<UseStore> {
    if (this.connection) return this.connection.useStore;
    if (!this.connecting) {
      const attempt: Promise<Connection> = connect({
        database: this.database,
        store: this.store,
        timeoutMs: this.openTimeoutMs,
        onLost: (db) => {
          if (this.connection?.db !== db) return;
          this.connection = undefined;
          this.connecting = undefined;
        },
      }).then(
        (connection) => {
          // Unless `close()` came first: then this connection is its to close, not ours to keep.
          if (this.connecting === attempt) this.connection = connection;
          return connection;
        },
        (error: unknown) => {
          if (this.connecting === attempt) this.connecting = undefined; // let the next call try again
          throw error;
        },
      );
      this.connecting = attempt;
    }
    return this.connecting.then((connection) => connection.useStore);
  }
}

function checkKey(key: unknown, operation: StorageOperation): asserts key is string {
  if (typeof key !== "string") throw new InvalidKeyError(key, operation);
}
