import type { TrafficRow, TrafficTotals, UpdateTiming } from "../store";

/** What one update did to storage, once grammY was done with it. */
export interface HandledUpdate {
  updateId: number;
  counts: TrafficTotals;
  /** Its handlers threw (grammY wrote nothing back). */
  failed: boolean;
}

/** What finished since the last look: the updates with storage calls, and how many updates in all. */
export interface HandledBatch {
  /** Updates handled since the last look, with or without storage calls. */
  count: number;
  /** The last of them to finish. */
  lastId: number;
  /** Every call of those updates, summed. */
  counts: TrafficTotals;
  /** How many of them threw. */
  failed: number;
  /** The one update, when `count` is 1. */
  single?: HandledUpdate;
}

interface Pending {
  counts: TrafficTotals;
  timing?: UpdateTiming;
}

const zero = (): TrafficTotals => ({ read: 0, write: 0, delete: 0, other: 0 });

/**
 * Follows a run's traffic rows and handled-update count, and says which updates were finished since the
 * last look and what storage calls each made: the traffic log announces that, once per update, only when
 * grammY is done with it (a call count read mid-update would be a lie). Rows are only ever appended, so
 * each row is read once; only updates still in progress are kept.
 */
export class HandledUpdates {
  private scanned = 0;
  private handled = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly done = new Set<number>();

  /**
   * The updates finished since the previous call. `handled` is the store's count of handled updates,
   * `lastHandledId` the id of the latest, `failed` the ids whose handlers threw. Undefined when nothing
   * finished.
   */
  collect(rows: readonly TrafficRow[], handled: number, lastHandledId: number | undefined, failed: ReadonlySet<number>): HandledBatch | undefined {
    if (rows.length < this.scanned || handled < this.handled) this.reset();
    for (let i = this.scanned; i < rows.length; i++) {
      const row = rows[i];
      if (row.kind === "group") {
        if (row.updateId !== undefined && !this.done.has(row.updateId)) this.entry(row.updateId).timing = row.timing;
        continue;
      }
      const id = row.event.updateId;
      // Calls outside any update, and late calls of an update already announced, are not announced.
      if (id === undefined || this.done.has(id)) continue;
      const counts = this.entry(id).counts;
      const op = row.event.op;
      if (op === "read" || op === "write" || op === "delete") counts[op]++;
      else counts.other++;
    }
    this.scanned = rows.length;

    const count = handled - this.handled;
    this.handled = handled;
    if (count <= 0 || lastHandledId === undefined) return undefined;
    const finished: HandledUpdate[] = [];
    for (const [updateId, entry] of this.pending) {
      if (entry.timing?.handledMs === undefined) continue;
      finished.push({ updateId, counts: entry.counts, failed: failed.has(updateId) });
      this.pending.delete(updateId);
      this.done.add(updateId);
    }
    this.done.add(lastHandledId);
    const counts = zero();
    for (const update of finished) {
      counts.read += update.counts.read;
      counts.write += update.counts.write;
      counts.delete += update.counts.delete;
      counts.other += update.counts.other;
    }
    let failures = finished.filter((update) => update.failed).length;
    // An update without storage calls has no rows: the last one handled is still known by its id.
    if (!finished.some((update) => update.updateId === lastHandledId) && failed.has(lastHandledId)) failures++;
    const single =
      count !== 1 ? undefined
      : (finished.find((update) => update.updateId === lastHandledId) ?? { updateId: lastHandledId, counts: zero(), failed: failed.has(lastHandledId) });
    return { count, lastId: lastHandledId, counts, failed: failures, single };
  }

  /** Forgets everything: a new run starts with an empty log. */
  reset(): void {
    this.scanned = 0;
    this.handled = 0;
    this.pending.clear();
    this.done.clear();
  }

  private entry(updateId: number): Pending {
    let entry = this.pending.get(updateId);
    if (!entry) this.pending.set(updateId, (entry = { counts: zero() }));
    return entry;
  }
}
