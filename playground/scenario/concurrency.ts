/**
 * The lost-update view's three runs, as data: which generated program each schedule runs and how its
 * updates reach the bot, and what a run's sandbox events say happened. Each schedule is one run of the
 * playground's sandbox (real grammY, the pizza counter of `programs.ts`, its own IndexedDB store):
 *
 * - `sequential`: the program calls `bot.start()` and gets the updates one after another;
 * - `concurrent`: no `bot.start()`; the sandbox hands every update to `bot.handleUpdate` at once, as a
 *   webhook server or grammY's runner does (concurrent dispatch);
 * - `sequentialized`: the same, with `bot.use(sequentialize(getSessionKey))` before the session
 *   (grammY's documented fix), so updates that share a key wait for each other.
 *
 * With a key two updates share, the concurrent run reads the same old value twice and the second write
 * overwrites the first: an update is lost. Every storage event carries its update and where it started
 * and ended among all storage calls of the run, so the log built here is the interleaving that
 * happened. Types only from the sandbox side: this file is safe on the main thread.
 */
import type { SandboxEvent } from "../protocol";
import type { KeyStrategy, ProgramSpec, SessionMode } from "./programs";
import type { Schedule } from "./schedules";

export { SCHEDULES, type Schedule } from "./schedules";

/** What each session of the pizza counter remembers. */
export interface PizzaSession {
  pizzaCount: number;
}

/** One schedule's run: the schedule (also its IndexedDB object store) and the program it runs. */
export interface ScheduleSide {
  id: Schedule;
  spec: ProgramSpec;
}

/** The program of each schedule, for sessions of `mode` under `key`; each keeps its sessions in a store named after it. */
export function scheduleSide(schedule: Schedule, key: KeyStrategy, mode: SessionMode = "strict"): ScheduleSide {
  const spec: ProgramSpec = { mode, key, store: schedule };
  if (schedule !== "sequential") spec.concurrent = true;
  if (schedule === "sequentialized") spec.sequentialize = true;
  return { id: schedule, spec };
}

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
  /** Every session in the run's store after the run, by key. */
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

type StorageOp = Extract<SandboxEvent, { type: "storage" }>;

function isSessionCall(event: SandboxEvent): event is StorageOp & { op: ConcurrencyLogEntry["op"]; key: string; updateId: number } {
  return event.type === "storage" && (event.op === "read" || event.op === "write" || event.op === "delete") && event.key !== undefined && event.updateId !== undefined;
}

/**
 * The run of `schedule` as the view shows it, from the sandbox's events and what its store holds
 * afterwards. Throws on a storage event without its start and end positions: the order would be a guess.
 */
export function concurrencyResult(schedule: Schedule, events: readonly SandboxEvent[], sessions: Record<string, PizzaSession>): ConcurrencyResult {
  const calls = events.filter(isSessionCall).map((event) => {
    if (event.startSeq === undefined || event.endSeq === undefined) {
      throw new Error(`Storage call ${event.id} came without its place among the run's calls.`);
    }
    return { ...event, startSeq: event.startSeq, endSeq: event.endSeq };
  });
  calls.sort((a, b) => a.startSeq - b.startSeq);
  const moments = calls.flatMap((event, index) => {
    const common = { call: index + 1, updateId: event.updateId, op: event.op, key: event.key };
    const start: Omit<ConcurrencyLogEntry, "seq"> = { phase: "start", ...common };
    const end: Omit<ConcurrencyLogEntry, "seq"> = { phase: "end", ...common };
    if (event.op === "write" && event.value !== undefined) start.value = event.value as PizzaSession;
    if (event.op === "read" && event.found && event.error === undefined) end.value = event.value as PizzaSession;
    if (event.error !== undefined) end.error = event.error;
    return [
      { at: event.startSeq, entry: start },
      { at: event.endSeq, entry: end },
    ];
  });
  moments.sort((a, b) => a.at - b.at);
  const log = moments.map(({ entry }, seq) => ({ seq, ...entry }));
  const errors = events.flatMap((event) =>
    event.type === "update-handled" && event.error !== undefined ? [{ updateId: event.updateId, message: event.error }] : [],
  );
  return { schedule, sessions, log, overlappingReads: overlappingReads(log), errors };
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
