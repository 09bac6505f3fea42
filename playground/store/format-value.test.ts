import { describe, expect, it } from "vitest";
import { formatDuration, formatValue } from "./format-value";
import { compareKeys } from "./memory-view";

describe("formatValue", () => {
  it("writes plain data as JSON would", () => {
    expect(formatValue({ pizzaCount: 2, name: "Ana", tags: ["a", null] })).toBe('{"pizzaCount": 2, "name": "Ana", "tags": ["a", null]}');
  });

  it("shows what structured clone keeps and JSON loses", () => {
    const value = { at: new Date("2024-05-01T10:00:00Z"), seen: new Set([1]), by: new Map([["a", 1]]), gone: undefined, big: 10n };
    expect(formatValue(value)).toBe('{"at": Date(2024-05-01T10:00:00.000Z), "seen": Set [1], "by": Map {"a" => 1}, "gone": undefined, "big": 10n}');
  });

  it("marks cycles instead of recursing forever, but repeats shared parts", () => {
    const shared = { n: 1 };
    const cyclic: Record<string, unknown> = { a: shared, b: shared };
    cyclic.self = cyclic;
    expect(formatValue(cyclic)).toBe('{"a": {"n": 1}, "b": {"n": 1}, "self": [Circular]}');
  });

  it("indents when pretty and cuts long text", () => {
    expect(formatValue({ a: [1] }, { pretty: true })).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(formatValue("x".repeat(100), { maxLength: 10 })).toBe('"xxxxxxxx…');
  });
});

describe("formatDuration", () => {
  it("says '< 0.1 ms' instead of zeros, one decimal under 10 ms, whole ms above", () => {
    expect(formatDuration(0)).toBe("< 0.1 ms");
    expect(formatDuration(0.004)).toBe("< 0.1 ms");
    expect(formatDuration(0.06)).toBe("0.1 ms");
    expect(formatDuration(2.44)).toBe("2.4 ms");
    expect(formatDuration(9.96)).toBe("10 ms");
    expect(formatDuration(37.5)).toBe("38 ms");
    expect(formatDuration(1234)).toBe("1234 ms");
  });

  it("writes a decimal comma for Spanish", () => {
    expect(formatDuration(0.01, ",")).toBe("< 0,1 ms");
    expect(formatDuration(2.44, ",")).toBe("2,4 ms");
    expect(formatDuration(12.4, ",")).toBe("12 ms");
  });

  it("never shows a made-up number for a broken measurement", () => {
    expect(formatDuration(Number.NaN)).toBe("? ms");
    expect(formatDuration(-1)).toBe("? ms");
  });
});

describe("compareKeys", () => {
  it("orders chat ids numerically, before other keys", () => {
    expect(["b", "10", "-5", "9", "a"].sort(compareKeys)).toEqual(["-5", "9", "10", "a", "b"]);
  });
});
