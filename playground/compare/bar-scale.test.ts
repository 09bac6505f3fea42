import { describe, expect, it } from "vitest";
import { barPercent, barScale, cumulative, roundUp } from "./bar-scale";

describe("bar scale", () => {
  it("rounds up to 1, 2, 2.5 or 5 times a power of ten", () => {
    expect([0, 1, 2, 3, 7, 10, 11, 15, 21, 26, 80, 101].map(roundUp)).toEqual([1, 1, 2, 5, 10, 10, 20, 20, 25, 50, 100, 200]);
  });

  it("is exact once the run is over, so the larger side fills its track", () => {
    expect(barScale(15, true)).toBe(15);
    expect(barPercent(15, barScale(15, true))).toBe(100);
    expect(barPercent(8, barScale(15, true))).toBeCloseTo(53.33, 1);
    // Nothing at all: no division by zero, an empty bar.
    expect(barPercent(0, barScale(0, true))).toBe(0);
  });

  it("leaves room while running, so the leading bar still grows", () => {
    expect(barScale(7, false)).toBe(10);
    expect(barPercent(7, barScale(7, false))).toBe(70);
  });

  it("clamps widths and sums lanes", () => {
    expect(barPercent(30, 20)).toBe(100);
    expect(barPercent(-1, 20)).toBe(0);
    expect(cumulative([1, 0, 2, 2])).toEqual([1, 1, 3, 5]);
  });
});
