import { describe, expect, it } from "vitest";
import type { StorageOpEvent } from "../../store";
import { buildAxis, niceExtent } from "./timeline";

let nextId = 1;
function call(op: StorageOpEvent["op"], startedAt: number, durationMs: number): StorageOpEvent {
  return { type: "storage", id: nextId++, op, key: "424242", startedAt, durationMs, storageIndex: 0, updateId: 1 };
}
function group(calls: StorageOpEvent[], receivedAt?: number) {
  return {
    calls,
    firstStart: Math.min(...calls.map((c) => c.startedAt)),
    lastEnd: Math.max(...calls.map((c) => c.startedAt + c.durationMs)),
    timing: receivedAt === undefined ? undefined : { receivedAt },
  };
}

describe("niceExtent", () => {
  it("rounds up to 1, 2 or 5 times a power of ten, never below the clock's resolution", () => {
    expect(niceExtent(3.4, 1)).toBe(5);
    expect(niceExtent(5, 1)).toBe(5);
    expect(niceExtent(11, 1)).toBe(20);
    expect(niceExtent(0.02, 1)).toBe(1);
    expect(niceExtent(0.13, 0.1)).toBe(0.2);
    expect(niceExtent(0, 0.1)).toBe(0.1);
    expect(niceExtent(740, 1)).toBe(1000);
  });
});

describe("buildAxis", () => {
  it("measures from the update's arrival and places each call by its start and duration", () => {
    const read = call("read", 1_002, 1.5);
    const write = call("write", 1_006, 2);
    const axis = buildAxis(group([read, write], 1_000));
    expect(axis.fromUpdate).toBe(true);
    expect(axis.extentMs).toBe(10);
    expect(axis.glyphs.map((g) => [g.event.op, g.startMs, g.left, g.width, g.lane])).toEqual([
      ["read", 2, 20, 15, 0],
      ["write", 6, 60, 20, 1],
    ]);
    expect(axis.span).toEqual({ fromMs: 2, toMs: 8, left: 20, width: 60 });
  });

  it("measures from the first call when the arrival is unknown, and says so", () => {
    const axis = buildAxis(group([call("read", 500, 0.4), call("write", 501, 0.2)]));
    expect(axis.fromUpdate).toBe(false);
    expect(axis.glyphs.map((g) => g.startMs)).toEqual([0, 1]);
    expect(axis.extentMs).toBe(2);
  });

  it("keeps whole-millisecond clocks at an axis of at least 1 ms, finer clocks go down to 0.1 ms", () => {
    expect(buildAxis(group([call("read", 1_000, 0.01)], 1_000)).extentMs).toBe(1);
    expect(buildAxis(group([call("read", 1_000.02, 0.05)], 1_000.01)).extentMs).toBe(0.1);
  });

  it("gives few calls a lane each, in the order they started, like a waterfall", () => {
    const axis = buildAxis(group([call("read", 1_000, 2), call("write", 1_004, 1)], 1_000), { lanes: 3 });
    expect(axis.glyphs.map((g) => [g.event.op, g.lane])).toEqual([
      ["read", 0],
      ["write", 1],
    ]);
    expect(axis.lanes).toBe(2);
  });

  it("packs many calls into the lanes, never drawing one glyph over another while a lane is free", () => {
    const calls = [call("read", 1_000, 0.01), call("read", 1_000, 0.01), call("write", 1_005, 0.01), call("write", 1_005, 0.01), call("delete", 1_009, 0.01)];
    const axis = buildAxis(group(calls, 1_000), { glyphFraction: 0.05, lanes: 2 });
    expect(axis.glyphs.map((g) => [g.event.op, g.startMs, g.lane])).toEqual([
      ["read", 0, 0],
      ["read", 0, 1],
      ["write", 5, 0],
      ["write", 5, 1],
      ["delete", 9, 0],
    ]);
  });

  it("draws the calls in the order they started, even when they finished in another order", () => {
    const slow = call("read", 1_000, 5);
    const fast = call("read", 1_002, 1);
    const axis = buildAxis(group([fast, slow], 1_000));
    expect(axis.glyphs.map((g) => g.event)).toEqual([slow, fast]);
  });

  it("draws a busy group's first calls only and counts the rest", () => {
    const calls = Array.from({ length: 100 }, (_, i) => call("read", 1_000 + i, 0.5));
    const axis = buildAxis(group(calls, 1_000), { maxGlyphs: 40 });
    expect(axis.glyphs).toHaveLength(40);
    expect(axis.hidden).toBe(60);
    expect(axis.extentMs).toBe(100);
  });
});
