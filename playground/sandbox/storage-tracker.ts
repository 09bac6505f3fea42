/**
 * Turns the adapter package's `observeStorage` events into the sandbox's storage events: each
 * observed storage gets an index and is announced with what it is (a `storage-used` event), each
 * call is tagged with the update it was made for and with where it started and ended among all
 * storage calls of the run, and writes and deletes carry what the key held before, as far as the
 * sandbox has seen it.
 *
 * Updates may be handled at the same time (concurrent dispatch), so no "current update" can say whose
 * a call is. Instead each update gets its own view of the storage ({@link StorageFor}), made by the
 * session middleware from `ctx.update`: every call through it belongs to that update.
 */
import { observeStorage, type StorageEvent } from "@session-lab/adapters-browser";
import type { StorageAdapter } from "grammy";
import type { SessionStorageInfo, StorageOpEvent, StorageUsedEvent } from "../protocol";
import { describeError } from "../error-text";
import { describeStorage } from "./storage-kind";

/** How the program installed a storage: which middleware, which fragment, whether grammY's default. */
export interface StorageUse {
  middleware: SessionStorageInfo["middleware"];
  /** The property of a multi session's fragment. */
  fragment?: string;
  /** The program passed no storage; the sandbox created grammY's default `MemorySessionStorage`. */
  default?: boolean;
}

/** Where a {@link StorageTracker} sends its events. */
export interface StorageTrackerOptions {
  report(event: StorageOpEvent | StorageUsedEvent): void;
}

/**
 * One observed storage, as seen by one update: calls through the adapter it returns are reported as that
 * update's (`undefined`: no update's). Every view reaches the same storage underneath.
 */
export type StorageFor<T> = (updateId: number | undefined) => StorageAdapter<T>;

/**
 * Hands out observed storages. Indexes count storages in the order they are observed: the first
 * `session()` or `lazySession()` the program installs gets 0; a multi session's fragments get one
 * index each, in the order of their properties.
 */
export class StorageTracker {
  private count = 0;
  /** Counts the starts and ends of every call on every observed storage, in the order they happen. */
  private seq = 0;

  constructor(private readonly options: StorageTrackerOptions) {}

  /** How many storages have been observed so far. */
  get observedCount(): number {
    return this.count;
  }

  /**
   * Announces `storage` (what it is, and how `use` says it was installed) and returns its per-update
   * views, which report every call; the storage itself behaves unchanged.
   */
  observe<T>(storage: StorageAdapter<T>, use: StorageUse): StorageFor<T> {
    const storageIndex = this.count++;
    this.options.report({ type: "storage-used", storage: storageInfo(storageIndex, storage, use) });
    // Snapshots of each key's value as the sandbox last saw it (read or written).
    const known = new Map<string, unknown>();
    return (updateId) => {
      // One observer per call: its one report is this call's end, so the start position travels with it.
      const call = <R>(run: (observed: StorageAdapter<T>) => R): R => {
        const startSeq = this.seq++;
        const observed = observeStorage(storage, (event) => {
          const out = toStorageOpEvent(event, storageIndex, updateId, known);
          out.startSeq = startSeq;
          out.endSeq = this.seq++;
          this.options.report(out);
        });
        return run(observed);
      };
      const view: StorageAdapter<T> = {
        read: (key) => call((o) => o.read(key)),
        write: (key, value) => call((o) => o.write(key, value)),
        delete: (key) => call((o) => o.delete(key)),
      };
      // Exactly the optional methods the storage has, as observeStorage does.
      if (typeof storage.has === "function") view.has = (key) => call((o) => o.has!(key));
      if (typeof storage.readAllKeys === "function") view.readAllKeys = () => call((o) => o.readAllKeys!());
      if (typeof storage.readAllValues === "function") view.readAllValues = () => call((o) => o.readAllValues!());
      if (typeof storage.readAllEntries === "function") view.readAllEntries = () => call((o) => o.readAllEntries!());
      return view;
    };
  }
}

function storageInfo(storageIndex: number, storage: unknown, use: StorageUse): SessionStorageInfo {
  const { kind, enhanced, database, store, className } = describeStorage(storage);
  const info: SessionStorageInfo = { storageIndex, kind, middleware: use.middleware };
  if (use.fragment !== undefined) info.fragment = use.fragment;
  if (use.default) info.default = true;
  if (enhanced) info.enhanced = true;
  if (database !== undefined) info.database = database;
  if (store !== undefined) info.store = store;
  if (className !== undefined) info.className = className;
  return info;
}

function toStorageOpEvent(event: StorageEvent, storageIndex: number, updateId: number | undefined, known: Map<string, unknown>): StorageOpEvent {
  const out: StorageOpEvent = {
    type: "storage",
    id: event.id,
    op: event.op,
    startedAt: event.startedAt,
    durationMs: event.durationMs,
    storageIndex,
  };
  if (event.key !== undefined) out.key = event.key;
  if (event.found !== undefined) out.found = event.found;
  if ("value" in event) out.value = event.value;
  if (updateId !== undefined) out.updateId = updateId;
  if (event.error !== undefined) out.error = describeError(event.error);
  const key = event.key;
  if (key === undefined) return out;
  const failed = event.error !== undefined;
  switch (event.op) {
    case "read":
      if (failed) break;
      out.after = event.found ? event.value : undefined;
      if (event.found) known.set(key, event.value);
      else known.delete(key);
      break;
    case "write":
      out.before = known.get(key);
      out.after = failed ? out.before : event.value;
      if (!failed) known.set(key, event.value);
      break;
    case "delete":
      out.before = known.get(key);
      out.after = failed ? out.before : undefined;
      if (!failed) known.delete(key);
      break;
  }
  return out;
}
