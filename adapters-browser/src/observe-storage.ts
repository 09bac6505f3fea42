import type { StorageAdapter } from "grammy";
import { snapshot } from "./snapshot.js";

/** The storage call an event reports. */
export type StorageOp = "read" | "write" | "delete" | "has" | "readAllKeys" | "readAllValues" | "readAllEntries";

/** One finished storage call, as reported by {@link observeStorage}. */
export interface StorageEvent {
  /** Increases with every call, across all observed adapters, in the order the calls started. */
  id: number;
  op: StorageOp;
  /** The session key, for read, write, delete and has. */
  key?: string;
  /**
   * For write: what was written; for read: what was found. A copy taken when the call happened
   * (structured clone, or a description of parts that cannot be cloned), so later changes to the
   * session object do not rewrite history.
   */
  value?: unknown;
  /** For read: whether a value was there; for has: its answer. */
  found?: boolean;
  /** For the readAll* calls: how many items the iteration produced before it ended. */
  count?: number;
  /** When the call started, in ms since the epoch, with sub-millisecond precision where the clock has it. */
  startedAt: number;
  /** How long the call took; for readAll* calls, until the iteration ended. */
  durationMs: number;
  /** What the call threw or rejected with; the caller sees the same error. */
  error?: unknown;
}

/** Receives each {@link StorageEvent}. It may throw: that is logged and does not affect the bot. */
export type StorageListener = (event: StorageEvent) => void;

let lastId = 0;

/**
 * Wraps any grammY storage adapter so that every call is reported to `listener`, then passes the
 * call through unchanged: same arguments, same result (a synchronous adapter stays synchronous),
 * same errors. The result has exactly the optional methods (`has`, `readAll*`) that `adapter` has.
 *
 * ```ts
 * const storage = observeStorage(new IndexedDBAdapter(), (e) => console.log(e.op, e.key));
 * bot.use(session({ initial: () => ({}), storage }));
 * ```
 */
export function observeStorage<T>(adapter: StorageAdapter<T>, listener: StorageListener): StorageAdapter<T> {
  const report = (event: StorageEvent) => {
    try {
      const result: unknown = listener(event);
      if (isThenable(result)) result.then(undefined, logListenerError);
    } catch (error) {
      logListenerError(error);
    }
  };
  const observed: StorageAdapter<T> = {
    read: (key) =>
      track(report, "read", key, () => adapter.read(key), (value, event) => {
        event.found = value !== undefined;
        if (value !== undefined) event.value = snapshot(value);
      }),
    // The snapshot is taken before the call (the bot may mutate the object while a slow adapter
    // works) and reported even when the write fails, to show what was attempted.
    write: (key, value) => track(report, "write", key, () => adapter.write(key, value), noDetails, snapshot(value)),
    delete: (key) => track(report, "delete", key, () => adapter.delete(key), noDetails),
  };
  if (typeof adapter.has === "function") {
    observed.has = (key) =>
      track(report, "has", key, () => adapter.has!(key), (found, event) => (event.found = found));
  }
  if (typeof adapter.readAllKeys === "function") {
    observed.readAllKeys = () => trackIteration(report, "readAllKeys", () => adapter.readAllKeys!());
  }
  if (typeof adapter.readAllValues === "function") {
    observed.readAllValues = () => trackIteration(report, "readAllValues", () => adapter.readAllValues!());
  }
  if (typeof adapter.readAllEntries === "function") {
    observed.readAllEntries = () => trackIteration(report, "readAllEntries", () => adapter.readAllEntries!());
  }
  return observed;
}

type MaybePromise<R> = R | Promise<R>;

function noDetails() {}

/** Marks "no value to report", since `undefined` could be a written value. */
const NOTHING = Symbol("nothing");

/** Runs one call and reports it when it settles, keeping a synchronous result synchronous. */
function track<R>(
  report: StorageListener,
  op: StorageOp,
  key: string,
  call: () => MaybePromise<R>,
  details: (result: R, event: StorageEvent) => void,
  written: unknown = NOTHING,
): MaybePromise<R> {
  const event: StorageEvent = { id: ++lastId, op, key, startedAt: epochNow(), durationMs: 0 };
  if (written !== NOTHING) event.value = written;
  const start = performance.now();
  const fail = (error: unknown) => {
    event.durationMs = performance.now() - start;
    event.error = error;
    report(event);
  };
  let result: MaybePromise<R>;
  try {
    result = call();
  } catch (error) {
    fail(error);
    throw error;
  }
  const succeed = (value: R) => {
    event.durationMs = performance.now() - start;
    details(value, event);
    report(event);
    return value;
  };
  if (!isThenable(result)) return succeed(result);
  return Promise.resolve(result).then(succeed, (error: unknown) => {
    fail(error);
    throw error;
  });
}

/**
 * Reports a readAll* call once its iteration ends (fully, by `break`, or by an error), with the
 * number of items produced. An array comes back as the same array and is reported at once, since
 * it is already complete; other iterables are wrapped to count as they are consumed.
 */
function trackIteration<I>(
  report: StorageListener,
  op: StorageOp,
  call: () => Iterable<I> | AsyncIterable<I>,
): Iterable<I> | AsyncIterable<I> {
  const event: StorageEvent = { id: ++lastId, op, startedAt: epochNow(), durationMs: 0, count: 0 };
  const start = performance.now();
  let ended = false;
  const end = (error?: unknown) => {
    if (ended) return;
    ended = true;
    event.durationMs = performance.now() - start;
    if (error !== undefined) event.error = error;
    report(event);
  };
  let source: Iterable<I> | AsyncIterable<I>;
  try {
    source = call();
  } catch (error) {
    end(error);
    throw error;
  }
  if (Array.isArray(source)) {
    event.count = source.length;
    end();
    return source;
  }
  if (isThenable(source)) {
    // Not what the type allows, but hand-written adapters do it (`async readAllKeys()`): keep the promise.
    return Promise.resolve(source).then(
      (items) => {
        if (Array.isArray(items)) event.count = items.length;
        end();
        return items;
      },
      (error: unknown) => {
        end(error);
        throw error;
      },
    ) as unknown as Iterable<I>;
  }
  if (isAsyncIterable(source)) {
    const iterable = source;
    return {
      [Symbol.asyncIterator]() {
        // A thin iterator instead of an async generator: one promise per item, not several, and
        // concurrent next() calls reach the source's own iterator in order.
        const inner = iterable[Symbol.asyncIterator]();
        const outer: AsyncIterator<I> = {
          next: () =>
            inner.next().then(
              (result) => {
                if (result.done) end();
                else event.count!++;
                return result;
              },
              (error: unknown) => {
                end(error);
                throw error;
              },
            ),
          return: async (value?: unknown) => {
            end();
            const result = await inner.return?.(value);
            return result ?? { done: true, value: undefined };
          },
        };
        return outer;
      },
    };
  }
  const iterable = source;
  return {
    *[Symbol.iterator]() {
      try {
        for (const item of iterable) {
          event.count!++;
          yield item;
        }
      } catch (error) {
        end(error);
        throw error;
      } finally {
        end();
      }
    },
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

function isAsyncIterable<I>(value: Iterable<I> | AsyncIterable<I>): value is AsyncIterable<I> {
  return typeof (value as Partial<AsyncIterable<I>>)[Symbol.asyncIterator] === "function";
}

function logListenerError(error: unknown) {
  console.error("observeStorage: the storage listener threw; the storage call itself went on.", error);
}

/**
 * `Date.now()` in whole milliseconds would put a 0.2 ms read and the write after it at the same instant;
 * the high-resolution clock, offset to the epoch, keeps them apart and stays comparable across workers.
 */
function epochNow(): number {
  return typeof performance === "undefined" ? Date.now() : performance.timeOrigin + performance.now();
}
