import type { StorageOpEvent } from "../protocol";
import type { TrafficRow, TrafficTotals, UpdateSummary } from "./types";

/**
 * The storage traffic of one run as a flat list of rows, so a windowed view can show any slice of
 * tens of thousands of calls without walking a tree: a group row opens each run of consecutive calls
 * made for the same update, followed by one row per call. Calls are listed in the order the sandbox
 * reported them, which is the order they finished.
 */
export class TrafficLog {
  /** Mutated in place; the store triggers views after each batch. */
  readonly rows: TrafficRow[] = [];
  readonly totals: TrafficTotals = { read: 0, write: 0, delete: 0, other: 0 };
  /** Updates whose handling threw: grammY writes nothing back for them. */
  readonly failedUpdates = new Set<number>();
  private nextId = 1;
  private currentGroup: number | undefined | null = null;

  /** Appends one call, opening a new group when it belongs to a different update than the previous call. */
  add(event: StorageOpEvent, summaryOf: (updateId: number) => UpdateSummary | undefined): void {
    const group = event.updateId;
    if (this.currentGroup === null || group !== this.currentGroup) {
      this.rows.push({
        kind: "group",
        id: this.nextId++,
        updateId: group,
        summary: group === undefined ? undefined : summaryOf(group),
      });
      this.currentGroup = group;
    }
    this.rows.push({ kind: "op", id: this.nextId++, event });
    if (event.op === "read" || event.op === "write" || event.op === "delete") this.totals[event.op]++;
    else this.totals.other++;
  }

  /** Notes that an update's handlers threw. */
  failed(updateId: number): void {
    this.failedUpdates.add(updateId);
  }

  /** Empties the log for a new run. */
  clear(): void {
    this.rows.length = 0;
    this.totals.read = this.totals.write = this.totals.delete = this.totals.other = 0;
    this.failedUpdates.clear();
    this.currentGroup = null;
  }
}
