import type { PlaygroundMessages } from "../i18n";
import type { HandledBatch } from "./handled-updates";

/**
 * The sentence a screen reader hears when updates are done: "Update 3: 1 read, 1 write" for one,
 * "5 updates handled, up to update 9: 5 reads, 5 writes" for a burst, in the page's language.
 */
export function announcementText(t: PlaygroundMessages, batch: HandledBatch): string {
  const a = t.trafficA11y;
  if (batch.count === 1 && batch.single) return a.updateDone(batch.single.updateId, a.callCounts(batch.single.counts), batch.single.failed);
  return a.updatesDone(batch.count, batch.lastId, a.callCounts(batch.counts), batch.failed);
}
