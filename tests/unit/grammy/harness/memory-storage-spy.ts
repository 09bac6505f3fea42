import { MemorySessionStorage } from "grammy";
import { vi } from "vitest";
import { snapshot, type StorageCall } from "./recording-storage.ts";

/** A storage call that reached some `MemorySessionStorage`, with the instance that received it. */
export interface MemoryStorageCall extends StorageCall {
  storage: MemorySessionStorage<unknown>;
}

/** What {@link spyOnMemorySessionStorage} reports. */
export interface MemoryStorageSpy {
  /** Every `read`, `write` and `delete` on any instance, in call order, with values snapshotted at call time. */
  readonly calls: MemoryStorageCall[];
  /** The calls as `"op key"` strings. */
  trace(): string[];
  /** The distinct instances that were called, in order of their first call. */
  instances(): MemorySessionStorage<unknown>[];
  /** Puts the original methods back. */
  restore(): void;
}

/**
 * Records the calls to grammY's own `MemorySessionStorage` instances, including the default one `session()` creates
 * when it gets no `storage`. grammY builds that instance inside its module, where no test can pass a recording
 * adapter, but its methods live on the shared prototype, so wrapping them there sees every call and its `this`.
 * Values are snapshots: this adapter hands out the stored object itself, and later mutation must not rewrite the log.
 */
export function spyOnMemorySessionStorage(): MemoryStorageSpy {
  type Memory = MemorySessionStorage<unknown>;
  const proto = MemorySessionStorage.prototype as Memory;
  const { read, write, delete: remove } = proto;
  const calls: MemoryStorageCall[] = [];
  const spies = [
    vi.spyOn(proto, "read").mockImplementation(function (this: Memory, key: string) {
      const value = read.call(this, key);
      calls.push({ op: "read", key, value: snapshot(value), storage: this });
      return value;
    }),
    vi.spyOn(proto, "write").mockImplementation(function (this: Memory, key: string, value: unknown) {
      calls.push({ op: "write", key, value: snapshot(value), storage: this });
      write.call(this, key, value);
    }),
    vi.spyOn(proto, "delete").mockImplementation(function (this: Memory, key: string) {
      calls.push({ op: "delete", key, storage: this });
      remove.call(this, key);
    }),
  ];
  return {
    calls,
    trace: () => calls.map((c) => `${c.op} ${c.key}`),
    instances: () => [...new Set(calls.map((c) => c.storage))],
    restore: () => spies.forEach((spy) => spy.mockRestore()),
  };
}
