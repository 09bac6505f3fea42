import type { StorageAdapter } from "grammy";

/**
 * A storage adapter that keeps `JSON.stringify(value)` and answers reads with `JSON.parse`, the way most server
 * adapters (Redis, files, SQL text columns) round-trip session data.
 */
export function jsonStorage<T>(): StorageAdapter<T> & { raw: Map<string, string> } {
  const raw = new Map<string, string>();
  return {
    raw,
    read: (key) => {
      const text = raw.get(key);
      return text === undefined ? undefined : (JSON.parse(text) as T);
    },
    write: (key, value) => void raw.set(key, JSON.stringify(value)),
    delete: (key) => void raw.delete(key),
  };
}

/**
 * A storage adapter that keeps `structuredClone(value)` and hands out a fresh clone on each read: the copy
 * semantics of IndexedDB, without needing IndexedDB.
 */
export function structuredCloneStorage<T>(): StorageAdapter<T> & { raw: Map<string, T> } {
  const raw = new Map<string, T>();
  return {
    raw,
    read: (key) => {
      const value = raw.get(key);
      return value === undefined ? undefined : structuredClone(value);
    },
    write: (key, value) => void raw.set(key, structuredClone(value)),
    delete: (key) => void raw.delete(key),
  };
}
