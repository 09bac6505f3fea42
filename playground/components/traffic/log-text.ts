/**
 * The whole traffic log as plain text, for the "Copy as text" button: every call of the run, including
 * those the windowed list has scrolled out of the DOM, grouped under the update they belong to. Pure: no
 * DOM, no Vue.
 */
import type { PlaygroundMessages } from "../../i18n";
import type { StorageOpEvent, TrafficGroupRow, TrafficRow, TrafficTotals } from "../../store";
import { callValue } from "./call-value";

/** One call as a line: "read 424242 {"pizzaCount":1} · 0.3 ms". */
export function callLine(t: PlaygroundMessages, event: StorageOpEvent): string {
  const value = callValue(event, t);
  return [
    event.op,
    event.key,
    event.storageIndex > 0 ? `(${t.traffic.storageIndex(event.storageIndex)})` : undefined,
    value.line,
    value.unchanged ? `(${t.traffic.unchanged})` : undefined,
    `· ${t.durationMs(event.durationMs)}`,
  ]
    .filter((part) => part !== undefined && part !== "")
    .join(" ");
}

/**
 * The log as text: a title line with the totals, then each update's title (`titleOf`, as the log shows
 * it) followed by its calls, indented.
 */
export function trafficLogText(
  t: PlaygroundMessages,
  rows: readonly TrafficRow[],
  totals: TrafficTotals,
  titleOf: (row: TrafficGroupRow) => string,
): string {
  const lines = [t.trafficA11y.exportTitle(t.trafficA11y.callCounts(totals))];
  for (const row of rows) {
    if (row.kind === "group") lines.push("", titleOf(row));
    else lines.push(`  ${callLine(t, row.event)}`);
  }
  return lines.join("\n") + "\n";
}
