import type { StorageAdapter } from "grammy";

/** One storage call as the adapter saw it, in the order the calls were made. */
export interface StorageCall {
  op: "read" | "write" | "delete";
  key: string;
  /**
   * For a write: a snapshot of the value passed in. For a read: a snapshot of what the wrapped adapter returned,
   * filled in once the read settles (it stays `undefined` while the read is in flight). Absent for a delete.
   */
  value?: unknown;
}

/** Options for {@link recordingStorage}. */
export interface RecordingOptions {
  /** Milliseconds each call waits before reaching the wrapped adapter, to make it behave like a database. */
  delayMs?: number;
}

/** A storage adapter that logs every call it forwards, for asserting exactly what grammY asked of storage. */
export interface RecordingStorage<T> extends StorageAdapter<T> {
  read: (key: string) => Promise<T | undefined>;
  write: (key: string, value: T) => Promise<void>;
  delete: (key: string) => Promise<void>;
  /** Every call so far, in call order. */
  readonly calls: StorageCall[];
  /** The calls as `"op key"` strings: compact, and readable in assertion diffs. */
  trace(): string[];
  /** How many calls of each kind were made. */
  counts(): { read: number; write: number; delete: number };
  /** Forgets the log (the wrapped adapter keeps its data), so a test can count one phase alone. */
  reset(): void;
}

/**
 * Wraps `inner` and records each call when it is made (not when it settles), so the log shows how calls from
 * concurrent updates interleave. Values are logged as snapshots: later mutation of a stored object must not
 * rewrite history.
 */
export function recordingStorage<T>(inner: StorageAdapter<T>, options: RecordingOptions = {}): RecordingStorage<T> {
  const calls: StorageCall[] = [];
  const pause = () =>
    options.delayMs === undefined ? Promise.resolve() : new Promise<void>((resolve) => setTimeout(resolve, options.delayMs));
  return {
    calls,
    async read(key) {
      const call: StorageCall = { op: "read", key };
      calls.push(call);
      await pause();
      const value = await inner.read(key);
      call.value = snapshot(value);
      return value;
    },
    async write(key, value) {
      calls.push({ op: "write", key, value: snapshot(value) });
      await pause();
      await inner.write(key, value);
    },
    async delete(key) {
      calls.push({ op: "delete", key });
      await pause();
      await inner.delete(key);
    },
    trace: () => calls.map((c) => `${c.op} ${c.key}`),
    counts: () => ({
      read: calls.filter((c) => c.op === "read").length,
      write: calls.filter((c) => c.op === "write").length,
      delete: calls.filter((c) => c.op === "delete").length,
    }),
    reset: () => void calls.splice(0),
  };
}

/** A structured clone when the value allows one; values that cannot be cloned (functions) are logged as they are. */
export function snapshot(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}
