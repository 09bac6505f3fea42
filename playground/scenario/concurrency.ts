/**
 * The lost-update demo: the pizza counter, real grammY, and an asynchronous store, fed the same
 * updates in one of three ways:
 *
 * - `sequential`: one after another, as `bot.start()` handles them;
 * - `concurrent`: all at once, as a webhook server or grammY's runner may;
 * - `sequentialized`: all at once, through the runner's real `sequentialize` keyed like the session
 *   (grammY's documented fix), so updates that share a key wait for each other.
 *
 * With a key two updates share, the concurrent run reads the same old value twice and the second
 * write overwrites the first: an update is lost. The log records every storage call as it starts
 * and ends, so the interleaving shown is the one that happened. The store is pluggable: the browser
 * passes the real IndexedDB adapter, Node tests a {@link createDelayedMemoryStorage}.
 */
import { Context, type StorageAdapter } from "grammy";
import type { Update } from "grammy/types";
// The runner's package exports only its main module, which pulls in Node's `worker_threads` and
// grammY's Node build; this file is the self-contained `sequentialize` (no imports), so it is
// imported by path. Vite bundles it (CommonJS is converted in the production build) and Node
// loads it natively in the tests.
import { sequentialize } from "../../node_modules/@grammyjs/runner/out/sequentialize.js";
import { createPizzaBot, SESSION_KEYS, type PizzaSession } from "./pizza-bot";
import type { KeyStrategy, SessionMode } from "./programs";

import type { Schedule } from "./schedules";
import { errorMessage } from "../error-text";

export { SCHEDULES, type Schedule } from "./schedules";

/** One storage call starting or finishing, in the order it happened. */
export interface ConcurrencyLogEntry {
  /** Position in the log, from 0. */
  seq: number;
  phase: "start" | "end";
  /** The call's number (from 1, in the order calls started), the same on its start and end entries. */
  call: number;
  updateId: number;
  op: "read" | "write" | "delete";
  key: string;
  /** On a read's end: what it found (absent: nothing); on a write's start: what it writes. */
  value?: PizzaSession;
  /** On the end of a call that failed: its error message. */
  error?: string;
}

/** What a run left behind. */
export interface ConcurrencyResult {
  schedule: Schedule;
  /** Every session the run touched, as the store holds it after the run, by key. */
  sessions: Record<string, PizzaSession>;
  log: ConcurrencyLogEntry[];
  /**
   * The calls (by number) of reads made while another update with the same key was between its
   * own read and the end of its write: the overlap that makes one update overwrite another.
   */
  overlappingReads: number[];
  /** Updates whose handling threw, with the message. */
  errors: { updateId: number; message: string }[];
}

/** What {@link runPizzaUpdates} runs. */
export interface ConcurrencyOptions {
  schedule: Schedule;
  key: KeyStrategy;
  /** Default "strict". */
  mode?: SessionMode;
  /** Where the sessions live. It should start empty: the run reports what it finds there afterwards. */
  storage: StorageAdapter<PizzaSession>;
}

/** Runs the pizza counter over `updates` on `options.storage` and reports the store and the call order. */
export async function runPizzaUpdates(updates: readonly Update[], options: ConcurrencyOptions): Promise<ConcurrencyResult> {
  const { storage } = options;
  const log: ConcurrencyLogEntry[] = [];
  const errors: ConcurrencyResult["errors"] = [];
  let calls = 0;

  const storageFor = (update: Update): StorageAdapter<PizzaSession> => {
    const call = async <T>(op: ConcurrencyLogEntry["op"], key: string, value: PizzaSession | undefined, run: () => Promise<T> | T) => {
      const number = ++calls;
      const entry = { call: number, updateId: update.update_id, op, key };
      // Copies, so a session object changed later does not rewrite the history.
      log.push({ seq: log.length, phase: "start", ...entry, ...(value === undefined ? {} : { value: structuredClone(value) }) });
      try {
        const result = await run();
        const found = op === "read" && result !== undefined ? { value: structuredClone(result as PizzaSession) } : {};
        log.push({ seq: log.length, phase: "end", ...entry, ...found });
        return result;
      } catch (error) {
        log.push({ seq: log.length, phase: "end", ...entry, error: errorMessage(error) });
        throw error;
      }
    };
    return {
      read: (key) => call("read", key, undefined, () => storage.read(key)),
      write: (key, value) => call("write", key, value, () => storage.write(key, value)),
      delete: (key) => call("delete", key, undefined, () => storage.delete(key)),
    };
  };

  const { bot, handle } = createPizzaBot({ mode: options.mode ?? "strict", key: options.key, storageFor });
  const settle = (update: Update, handling: Promise<void>) =>
    handling.catch((error: unknown) => {
      errors.push({ updateId: update.update_id, message: errorMessage(error) });
    });

  if (options.schedule === "sequential") {
    for (const update of updates) await settle(update, handle(update));
  } else if (options.schedule === "concurrent") {
    await Promise.all(updates.map((update) => settle(update, handle(update))));
  } else {
    // grammY's fix: `bot.use(sequentialize(getSessionKey))` before the session. The pizza bot
    // installs its session first, so the real `sequentialize` middleware wraps the whole handling
    // of each update instead, with the session's own key function on a grammY context of that
    // update. The effect is the same: an update waits until every earlier update with its key
    // has finished, session write included; updates with other keys do not wait.
    const keyOf = SESSION_KEYS[options.key];
    const inLine = sequentialize<Context>((ctx) => keyOf(ctx));
    await Promise.all(
      updates.map((update) => settle(update, inLine(new Context(update, bot.api, bot.botInfo), () => handle(update)))),
    );
  }

  const sessions: Record<string, PizzaSession> = {};
  for (const key of new Set(log.map((e) => e.key))) {
    const value = await storage.read(key);
    if (value !== undefined) sessions[key] = value;
  }
  return { schedule: options.schedule, sessions, log, overlappingReads: overlappingReads(log), errors };
}

/**
 * The reads in `log` that overlap another update's use of the same key. Each update's use of a
 * key spans from the start of its first call on that key to the end of its last one; a read
 * overlaps when its update's span and another update's span on the same key intersect.
 */
export function overlappingReads(log: readonly ConcurrencyLogEntry[]): number[] {
  const spans = new Map<string, { key: string; updateId: number; from: number; to: number }>();
  for (const entry of log) {
    const id = JSON.stringify([entry.key, entry.updateId]);
    const span = spans.get(id);
    if (span) span.to = entry.seq;
    else spans.set(id, { key: entry.key, updateId: entry.updateId, from: entry.seq, to: entry.seq });
  }
  const all = [...spans.values()];
  const overlapping = all.filter((a) => all.some((b) => b !== a && b.key === a.key && b.from <= a.to && a.from <= b.to));
  const calls = log.filter(
    (e) => e.op === "read" && e.phase === "start" && overlapping.some((s) => s.key === e.key && s.updateId === e.updateId),
  );
  return calls.map((e) => e.call);
}

/**
 * A store for Node: a Map that answers after `delayMs` (a timer, as a database's round trip
 * would) and keeps copies, so two reads never share one object, as with IndexedDB or any database.
 */
export function createDelayedMemoryStorage(delayMs = 1): StorageAdapter<PizzaSession> {
  const store = new Map<string, string>();
  const later = <T>(run: () => T) => new Promise<T>((resolve) => setTimeout(() => resolve(run()), delayMs));
  return {
    read: (key) => later(() => {
      const json = store.get(key);
      return json === undefined ? undefined : (JSON.parse(json) as PizzaSession);
    }),
    write: (key, value) => later(() => void store.set(key, JSON.stringify(value))),
    delete: (key) => later(() => void store.delete(key)),
  };
}

