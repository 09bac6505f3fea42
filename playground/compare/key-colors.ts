/**
 * Which colour a session key gets in the keys view. The same key text has the same colour on every
 * side and in the stored sessions, so a reader can follow one session across the view; the colour is
 * only a help, the key is always written next to it.
 */
import type { Tally } from "../scenario";

/** How many distinct colours there are (`sl-key--0` … in compare.css); later keys reuse them in order. */
export const KEY_COLOURS = 8;

/** Colour index per key, by first appearance: update by update, side by side. */
export function keyColours(tallies: readonly Tally[]): Map<string, number> {
  const colours = new Map<string, number>();
  const rows = Math.max(0, ...tallies.map((t) => t.lanes.length));
  for (let row = 0; row < rows; row++) {
    for (const tally of tallies) {
      for (const op of tally.lanes[row]?.ops ?? []) {
        if (op.key !== undefined && !colours.has(op.key)) colours.set(op.key, colours.size % KEY_COLOURS);
      }
    }
  }
  return colours;
}

/** One side's updates grouped by the session key they got, in order of first use; `key` undefined: no key. */
export interface KeyGroup {
  key: string | undefined;
  /** Indexes of the updates (0-based), in order. */
  updates: number[];
}

/** Groups the first `shown` lanes of `tally` by key; updates whose calls carry no key form one group, last. */
export function groupByKey(tally: Tally, shown: number): KeyGroup[] {
  const groups = new Map<string | undefined, KeyGroup>();
  const none: KeyGroup = { key: undefined, updates: [] };
  tally.lanes.slice(0, shown).forEach((lane, index) => {
    if (lane.updateId === undefined) return;
    const key = lane.ops.find((op) => op.key !== undefined)?.key;
    if (key === undefined) {
      none.updates.push(index);
      return;
    }
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, updates: [] }));
    group.updates.push(index);
  });
  return [...groups.values(), ...(none.updates.length > 0 ? [none] : [])];
}
