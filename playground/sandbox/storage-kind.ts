/**
 * Tells what a session storage is from the object itself: grammY's `MemorySessionStorage`, the adapter
 * package's `IndexedDBAdapter` (with the database and object store it really opened), or something else.
 *
 * Wrappers hide what they wrap: `enhanceStorage` and `observeStorage` return plain objects with closures.
 * The sandbox's own versions of both record each wrapper here, so the description looks through them to
 * the storage that actually holds the data.
 */
import { IndexedDBAdapter } from "@session-lab/adapters-browser";
import { MemorySessionStorage } from "grammy";
import type { SessionStorageKind } from "../protocol";

/** How one wrapper relates to the storage it wraps. */
type Wrapping = { inner: unknown; enhanced: boolean };

const wrapped = new WeakMap<object, Wrapping>();

/** Notes that `outer` is a wrapper around `inner` (`enhanced`: made by `enhanceStorage`). */
export function recordWrapper(outer: unknown, inner: unknown, enhanced: boolean): void {
  if (isObject(outer)) wrapped.set(outer, { inner, enhanced });
}

/** What a storage is, looked up on the object that holds the data. */
export interface StorageDescription {
  kind: SessionStorageKind;
  enhanced: boolean;
  database?: string;
  store?: string;
  className?: string;
}

/** Describes `storage`, looking through the wrappers {@link recordWrapper} knows of. */
export function describeStorage(storage: unknown): StorageDescription {
  let enhanced = false;
  let current = storage;
  // A cycle can only come from a bug, but a loop here would freeze the run: bound it.
  for (let depth = 0; depth < 32 && isObject(current); depth++) {
    const wrapping = wrapped.get(current);
    if (!wrapping) break;
    enhanced ||= wrapping.enhanced;
    current = wrapping.inner;
  }
  if (current instanceof MemorySessionStorage) return { kind: "memory", enhanced };
  if (current instanceof IndexedDBAdapter) return { kind: "indexeddb", enhanced, database: current.database, store: current.store };
  const className = classNameOf(current);
  return className === undefined ? { kind: "custom", enhanced } : { kind: "custom", enhanced, className };
}

/** The name of the class `value` was made with, unless it is a plain object (or a nameless class). */
function classNameOf(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === null || prototype === Object.prototype) return undefined;
  const constructor = (prototype as { constructor?: unknown }).constructor;
  const name = typeof constructor === "function" ? constructor.name : undefined;
  return typeof name === "string" && name !== "" && name !== "Object" ? name.slice(0, 100) : undefined;
}

function isObject(value: unknown): value is object {
  return (typeof value === "object" && value !== null) || typeof value === "function";
}
