/**
 * The lost-update demo: the pizza counter, real grammY, and a store that answers asynchronously
 * and keeps copies (as IndexedDB and every database do), fed the same updates either one after
 * another (as `bot.start()` handles them) or all at once (as a webhook server or grammY's runner
 * may). With a key two updates share, the concurrent run reads the same old value twice and the
 * second write overwrites the first: an update is lost. The log shows the interleaving.
 */
import type { StorageAdapter } from "grammy";
import type { Update } from "grammy/types";
import { createPizzaBot, type PizzaSession } from "./pizza-bot";
import type { KeyStrategy, SessionMode } from "./programs";

/** How the updates reach the bot. */
export type Schedule = "sequential" | "concurrent";

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
  /** On a read's end: what it found; on a write's start: what it writes. */
  value?: PizzaSession;
}

/** What a run left behind. */
export interface ConcurrencyResult {
  schedule: Schedule;
  /** Every session in the store after the run, by key. */
  sessions: Record<string, PizzaSession>;
  log: ConcurrencyLogEntry[];
  /** Updates whose handling threw, with the message. */
  errors: { updateId: number; message: string }[];
}

/** What {@link runPizzaUpdates} runs. */
export interface ConcurrencyOptions {
  schedule: Schedule;
  key: KeyStrategy;
  /** Default "strict". */
  mode?: SessionMode;
  /** How long each storage call takes, in ms. Default 1: any delay lets concurrent updates interleave. */
  delayMs?: number;
}

/** Runs the pizza counter over `updates` on a fresh store and reports the store and the call order. */
export async function runPizzaUpdates(updates: readonly Update[], options: ConcurrencyOptions): Promise<ConcurrencyResult> {
  const store = new Map<string, string>();
  const log: ConcurrencyLogEntry[] = [];
  const errors: ConcurrencyResult["errors"] = [];
  const delayMs = options.delayMs ?? 1;
  let calls = 0;

  const storageFor = (update: Update): StorageAdapter<PizzaSession> => {
    const call = async <T>(op: ConcurrencyLogEntry["op"], key: string, value: PizzaSession | undefined, run: () => T) => {
      const number = ++calls;
      const entry = { call: number, updateId: update.update_id, op, key };
      log.push({ seq: log.length, phase: "start", ...entry, ...(value ? { value: copy(value) } : {}) });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const result = run();
      const found = op === "read" && result !== undefined ? { value: result as PizzaSession } : {};
      log.push({ seq: log.length, phase: "end", ...entry, ...found });
      return result;
    };
    return {
      // Copies in and out, as a real database does: two reads never share one object.
      read: (key) => call("read", key, undefined, () => parse(store.get(key))),
      write: (key, value) => call("write", key, value, () => void store.set(key, JSON.stringify(value))),
      delete: (key) => call("delete", key, undefined, () => void store.delete(key)),
    };
  };

  const { handle } = createPizzaBot({ mode: options.mode ?? "strict", key: options.key, storageFor });
  const run = (update: Update) =>
    handle(update).catch((error: unknown) => {
      errors.push({ updateId: update.update_id, message: error instanceof Error ? error.message : String(error) });
    });
  if (options.schedule === "concurrent") await Promise.all(updates.map(run));
  else for (const update of updates) await run(update);

  const sessions: Record<string, PizzaSession> = {};
  for (const [key, json] of store) sessions[key] = JSON.parse(json) as PizzaSession;
  return { schedule: options.schedule, sessions, log, errors };
}

function parse(json: string | undefined): PizzaSession | undefined {
  return json === undefined ? undefined : (JSON.parse(json) as PizzaSession);
}

function copy(value: PizzaSession): PizzaSession {
  return JSON.parse(JSON.stringify(value)) as PizzaSession;
}
