import type { StorageOpEvent } from "../protocol";
import type { TrafficGroupRow, TrafficRow, TrafficTotals, UpdateSummary, UpdateTiming } from "./types";

/**
 * The storage traffic of one run as a flat list of rows, so a windowed view can show any slice of
 * tens of thousands of calls without walking a tree: a group row opens each run of consecutive calls
 * made for the same update, followed by one row per call. Calls are listed in the order the sandbox
 * reported them, which is the order they finished. Each group also keeps its calls and their time span,
 * so the view can draw the group's time axis without scanning rows.
 */
export class TrafficLog {
  /** Mutated in place; the store triggers views after each batch. */
  readonly rows: TrafficRow[] = [];
  readonly totals: TrafficTotals = { read: 0, write: 0, delete: 0, other: 0 };
  /** Updates whose handling threw: grammY writes nothing back for them. */
  readonly failedUpdates = new Set<number>();
  private readonly timings = new Map<number, UpdateTiming>();
  private nextId = 1;
  private group: TrafficGroupRow | undefined;

  /** Appends one call, opening a new group when it belongs to a different update than the previous call. */
  add(event: StorageOpEvent, summaryOf: (updateId: number) => UpdateSummary | undefined): void {
    const updateId = event.updateId;
    const end = event.startedAt + event.durationMs;
    let group = this.group;
    if (!group || group.updateId !== updateId) {
      group = {
        kind: "group",
        id: this.nextId++,
        updateId,
        summary: updateId === undefined ? undefined : summaryOf(updateId),
        calls: [],
        firstStart: event.startedAt,
        lastEnd: end,
        timing: updateId === undefined ? undefined : this.timingOf(updateId),
      };
      this.rows.push(group);
      this.group = group;
    }
    group.calls.push(event);
    if (event.startedAt < group.firstStart) group.firstStart = event.startedAt;
    if (end > group.lastEnd) group.lastEnd = end;
    this.rows.push({ kind: "op", id: this.nextId++, event });
    if (event.op === "read" || event.op === "write" || event.op === "delete") this.totals[event.op]++;
    else this.totals.other++;
  }

  /** Notes when update `updateId` arrived (`update-received`'s `at`): its time axis starts there. */
  received(updateId: number, at: number): void {
    this.timingOf(updateId).receivedAt = at;
  }

  /** Notes how long grammY took over update `updateId`, and whether its handlers threw. */
  handled(updateId: number, durationMs: number, error?: string): void {
    this.timingOf(updateId).handledMs = durationMs;
    if (error !== undefined) this.failed(updateId);
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
    this.timings.clear();
    this.group = undefined;
  }

  private timingOf(updateId: number): UpdateTiming {
    let timing = this.timings.get(updateId);
    if (!timing) this.timings.set(updateId, (timing = {}));
    return timing;
  }
}
