import { describe, expect, it } from "vitest";
import type { LaneOp, Tally } from "../scenario";
import { groupByKey, KEY_COLOURS, keyColours } from "./key-colors";

const op = (id: number, key?: string): LaneOp => ({ id, op: "read", bytes: 0, ...(key === undefined ? {} : { key }) });
const tally = (keys: (string | undefined)[]): Tally => ({
  lanes: keys.map((key, i) => ({ updateId: i + 1, ops: key === undefined ? [] : [op(i, key)] })),
  totals: { reads: 0, writes: 0, deletes: 0, other: 0, calls: 0, failed: 0, bytesWritten: 0 },
});

describe("key colours and groups", () => {
  it("colours each key once, by first appearance across the sides", () => {
    const colours = keyColours([tally(["g", undefined, "g", "p"]), tally(["a", "b", "a", "p"])]);
    expect([...colours.entries()]).toEqual([
      ["g", 0],
      ["a", 1],
      ["b", 2],
      ["p", 3],
    ]);
  });

  it("reuses colours in order past the palette", () => {
    const keys = Array.from({ length: KEY_COLOURS + 1 }, (_, i) => `k${i}`);
    expect(keyColours([tally(keys)]).get(`k${KEY_COLOURS}`)).toBe(0);
  });

  it("groups the shown updates by key, keyless ones last", () => {
    const side = tally(["g", undefined, "g", "p", "g"]);
    expect(groupByKey(side, 5)).toEqual([
      { key: "g", updates: [0, 2, 4] },
      { key: "p", updates: [3] },
      { key: undefined, updates: [1] },
    ]);
    // Following the step: only the first two updates.
    expect(groupByKey(side, 2)).toEqual([
      { key: "g", updates: [0] },
      { key: undefined, updates: [1] },
    ]);
  });
});
