import type { StorageOpEvent, TrafficRow } from "../store";

/**
 * The last `count` storage calls among the traffic rows, newest last. Walks back from the end, so a long
 * run costs as much as a short one.
 */
export function latestCalls(rows: readonly TrafficRow[], count: number): StorageOpEvent[] {
  const found: StorageOpEvent[] = [];
  for (let i = rows.length - 1; i >= 0 && found.length < count; i--) {
    const row = rows[i];
    if (row.kind === "op") found.push(row.event);
  }
  return found.reverse();
}
