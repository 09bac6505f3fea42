import { describe, expect, it } from "vitest";
import { layoutFor, PHONE_BELOW } from "./layout-mode";
import { mergeSizes, validSizes } from "./pane-sizes";
import { UnseenCounter } from "./unseen-calls";
import { latestCalls } from "./latest-calls";
import { asksToStart, withoutStart } from "./start-link";
import type { StorageOpEvent, TrafficRow } from "../store";

describe("layoutFor", () => {
  it("gives a phone its tabs below the breakpoint, columns to the full page and stacked panes to an embed", () => {
    expect(layoutFor(390, true)).toBe("phone");
    expect(layoutFor(PHONE_BELOW - 1, false)).toBe("phone");
    expect(layoutFor(PHONE_BELOW, true)).toBe("columns");
    expect(layoutFor(688, false)).toBe("stacked");
  });
});

describe("pane sizes", () => {
  const defaults = { columns: [40, 25, 35], right: [60, 40] };

  it("keeps a stored split that still fits and falls back for one that does not", () => {
    const merged = mergeSizes(defaults, { columns: [30, 30, 40], right: [50, 30, 20] });
    expect(merged).toEqual({ columns: [30, 30, 40], right: [60, 40] });
  });

  it("refuses sizes that do not add up to 100, are negative or are not numbers", () => {
    expect(validSizes([50, 40], 2)).toBeUndefined();
    expect(validSizes([-10, 110], 2)).toBeUndefined();
    expect(validSizes(["50", 50], 2)).toBeUndefined();
    expect(validSizes([33.3, 33.3, 33.4], 3)).toEqual([33.3, 33.3, 33.4]);
  });

  it("uses the defaults when nothing (or garbage) was stored, without sharing their arrays", () => {
    const merged = mergeSizes(defaults, "garbage");
    expect(merged).toEqual(defaults);
    merged.columns[0] = 99;
    expect(defaults.columns[0]).toBe(40);
  });
});

describe("UnseenCounter", () => {
  it("counts calls that arrive while the reader looks elsewhere, and clears when they look", () => {
    const counter = new UnseenCounter();
    expect(counter.update(0, false)).toBe(0);
    expect(counter.update(2, false)).toBe(2);
    expect(counter.update(5, false)).toBe(5);
    expect(counter.update(5, true)).toBe(0);
    expect(counter.update(7, false)).toBe(2);
  });

  it("treats a log emptied by a new run as all new", () => {
    const counter = new UnseenCounter();
    counter.update(6, true);
    expect(counter.update(2, false)).toBe(2);
  });
});

describe("latestCalls", () => {
  const op = (id: number, key: string): TrafficRow => ({
    kind: "op",
    id,
    event: { type: "storage", id, op: "read", key, startedAt: 0, durationMs: 0, storageIndex: 0 } as StorageOpEvent,
  });
  // Group rows carry more (helper fields of the timeline); latestCalls only looks at `kind`.
  const group = (id: number) => ({ kind: "group", id, updateId: id }) as unknown as TrafficRow;

  it("returns the last calls, oldest first, skipping group rows", () => {
    const rows = [group(1), op(2, "a"), op(3, "b"), group(4), op(5, "c"), op(6, "d")];
    expect(latestCalls(rows, 3).map((e) => e.key)).toEqual(["b", "c", "d"]);
    expect(latestCalls(rows.slice(0, 2), 3).map((e) => e.key)).toEqual(["a"]);
    expect(latestCalls([], 3)).toEqual([]);
  });
});

describe("start links", () => {
  it("start only with start=1, and drop it (and any shared code) from the URL afterwards", () => {
    expect(asksToStart("?example=pizza&start=1")).toBe(true);
    expect(asksToStart("?example=pizza&start=0")).toBe(false);
    expect(asksToStart("?example=pizza")).toBe(false);
    expect(withoutStart("https://x.test/playground?example=pizza&start=1#code=abc")).toBe("https://x.test/playground?example=pizza");
  });
});
