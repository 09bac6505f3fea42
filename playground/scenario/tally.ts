/**
 * Counts what a side's program did to its storage, from the storage events the sandbox observed
 * and nothing else: per update (a "lane" of calls, in the order they started), in total, and the
 * difference between two sides. No count is ever derived from a model of grammY.
 */
import type { SandboxEvent, StorageOpEvent } from "../protocol";
import type { Localized } from "./format";
import { verdictOf } from "./verdict";

/** One storage call in a lane. */
export interface LaneOp {
  /** The observer's call id: increases in the order calls started. */
  id: number;
  op: StorageOpEvent["op"];
  key?: string;
  /** For reads: whether the key held a value. */
  found?: boolean;
  /** For writes: the UTF-8 length of the written value's JSON; 0 for every other call. */
  bytes: number;
  /** What the call failed with, if it did. */
  error?: string;
}

/** The calls one update caused; `updateId` is undefined for calls made outside any listed update. */
export interface Lane {
  updateId: number | undefined;
  ops: LaneOp[];
}

/** Totals over a run. `calls` counts every call, failed ones included. */
export interface StorageTotals {
  reads: number;
  writes: number;
  deletes: number;
  /** `has` and the `readAll*` calls. */
  other: number;
  calls: number;
  failed: number;
  bytesWritten: number;
}

/** What one side did. */
export interface Tally {
  /** One lane per listed update, in the given order; then one for unattributed calls, if there were any. */
  lanes: Lane[];
  totals: StorageTotals;
}

/** Which storage events count. */
export interface TallyOptions {
  /** Count only the calls of this storage (0 is the first session the program installed). Default: all. */
  storageIndex?: number;
}

/**
 * Tallies the storage events among `events` (other events are skipped). `updateIds` are the
 * updates the scenario sent, in order: each gets a lane, even one that caused no call.
 */
export function tallyStorage(events: readonly SandboxEvent[], updateIds: readonly number[], options: TallyOptions = {}): Tally {
  const storage = events
    .filter((e): e is StorageOpEvent => e.type === "storage")
    .filter((e) => options.storageIndex === undefined || e.storageIndex === options.storageIndex)
    // Events arrive when calls finish; lanes show them in the order they started.
    .sort((a, b) => a.id - b.id);
  const lanes = new Map<number | undefined, Lane>(updateIds.map((id) => [id, { updateId: id, ops: [] }]));
  const outside: Lane = { updateId: undefined, ops: [] };
  const totals: StorageTotals = { reads: 0, writes: 0, deletes: 0, other: 0, calls: 0, failed: 0, bytesWritten: 0 };
  for (const event of storage) {
    const op = toLaneOp(event);
    (lanes.get(event.updateId) ?? outside).ops.push(op);
    totals.calls++;
    if (event.error !== undefined) totals.failed++;
    if (event.op === "read") totals.reads++;
    else if (event.op === "write") totals.writes++;
    else if (event.op === "delete") totals.deletes++;
    else totals.other++;
    totals.bytesWritten += op.bytes;
  }
  return { lanes: [...lanes.values(), ...(outside.ops.length > 0 ? [outside] : [])], totals };
}

function toLaneOp(event: StorageOpEvent): LaneOp {
  const op: LaneOp = { id: event.id, op: event.op, bytes: event.op === "write" && event.error === undefined ? jsonBytes(event.value) : 0 };
  if (event.key !== undefined) op.key = event.key;
  if (event.found !== undefined) op.found = event.found;
  if (event.error !== undefined) op.error = event.error;
  return op;
}

/** The UTF-8 length of `value` as JSON: what a server adapter storing JSON would send. */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value);
  return json === undefined ? 0 : new TextEncoder().encode(json).length;
}

/** One update's calls on both sides of a comparison. */
export interface ComparisonRow {
  updateId: number | undefined;
  base: LaneOp[];
  other: LaneOp[];
}

/** Two sides side by side. `difference` is other minus base (negative: the other side made fewer). */
export interface Comparison {
  base: Tally;
  other: Tally;
  rows: ComparisonRow[];
  difference: StorageTotals;
  /** One plain sentence or two on who made fewer calls and wrote fewer bytes. */
  verdict: Localized;
}

/** A side's tally and its name in sentences ("lazy", "la sesión perezosa"). */
export interface NamedTally {
  label: Localized;
  tally: Tally;
}

/** Compares `other` against `base`, update by update; lanes are matched by update id. */
export function compareTallies(base: NamedTally, other: NamedTally): Comparison {
  const otherLanes = new Map(other.tally.lanes.map((l) => [l.updateId, l]));
  const rows: ComparisonRow[] = base.tally.lanes.map((lane) => ({
    updateId: lane.updateId,
    base: lane.ops,
    other: otherLanes.get(lane.updateId)?.ops ?? [],
  }));
  const baseIds = new Set(base.tally.lanes.map((l) => l.updateId));
  for (const lane of other.tally.lanes) if (!baseIds.has(lane.updateId)) rows.push({ updateId: lane.updateId, base: [], other: lane.ops });
  const a = base.tally.totals;
  const b = other.tally.totals;
  const difference: StorageTotals = {
    reads: b.reads - a.reads,
    writes: b.writes - a.writes,
    deletes: b.deletes - a.deletes,
    other: b.other - a.other,
    calls: b.calls - a.calls,
    failed: b.failed - a.failed,
    bytesWritten: b.bytesWritten - a.bytesWritten,
  };
  return { base: base.tally, other: other.tally, rows, difference, verdict: verdictOf(base.label, a, other.label, b) };
}
