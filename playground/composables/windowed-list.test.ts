import { describe, expect, it } from "vitest";
import { RowTops } from "./windowed-list";

describe("RowTops", () => {
  it("adds up heights as rows arrive, computing each row once", () => {
    const heights = [62, 26, 26, 62, 26];
    let asked = 0;
    const tops = new RowTops((i) => (asked++, heights[i]));
    expect(tops.build(3)).toEqual([0, 62, 88, 114]);
    expect(tops.build(5)).toEqual([0, 62, 88, 114, 176, 202]);
    expect(asked).toBe(5);
  });

  it("recomputes only from a row whose height changed (an expanded value)", () => {
    const heights = [62, 26, 26, 26];
    let asked = 0;
    const tops = new RowTops((i) => (asked++, heights[i]));
    tops.build(4);
    heights[2] = 150;
    tops.invalidate(2);
    asked = 0;
    expect(tops.build(4)).toEqual([0, 62, 88, 238, 264]);
    expect(asked).toBe(2);
  });

  it("starts over when a new run empties the list", () => {
    const tops = new RowTops(() => 26);
    tops.build(10);
    expect(tops.build(0)).toEqual([0]);
    expect(tops.build(2)).toEqual([0, 26, 52]);
  });

  it("finds the row at a given height by binary search", () => {
    const list = new RowTops((i) => (i % 3 === 0 ? 62 : 26)).build(9);
    expect(RowTops.rowAt(list, 9, -50)).toBe(0);
    expect(RowTops.rowAt(list, 9, 61)).toBe(0);
    expect(RowTops.rowAt(list, 9, 62)).toBe(1);
    expect(RowTops.rowAt(list, 9, 115)).toBe(3);
    expect(RowTops.rowAt(list, 9, 10_000)).toBe(8);
    expect(RowTops.rowAt([0], 0, 100)).toBe(0);
  });
});
