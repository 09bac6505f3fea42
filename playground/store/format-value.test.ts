import { describe, expect, it } from "vitest";
import { deeperLevels } from "@session-lab/adapters-browser";
import { formatDuration, formatValue, MAX_FORMAT_DEPTH } from "./format-value";
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

  it("names errors and binary data instead of showing their inner fields", () => {
    expect(formatValue({ error: new RangeError("too big"), photo: new Uint8Array(3), re: /a+/g })).toBe(
      '{"error": RangeError("too big"), "photo": Uint8Array(3), "re": /a+/g}',
    );
  });

  it("indents when pretty and cuts long text", () => {
    expect(formatValue({ a: [1] }, { pretty: true })).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(formatValue("x".repeat(100), { maxLength: 10 })).toBe('"xxxxxxxx…');
  });
});

describe("formatValue on deep values", () => {
  const chain = (levels: number) => {
    let value: unknown = { leaf: 1 };
    for (let i = 1; i < levels; i++) value = { a: value };
    return value;
  };

  it("shows 16 levels of a value 3,000 deep and collapses the rest into a count, in the reader's language", () => {
    const line = formatValue(chain(3000));
    expect(line.startsWith('{"a": '.repeat(MAX_FORMAT_DEPTH))).toBe(true);
    expect(line).toBe(`${'{"a": '.repeat(MAX_FORMAT_DEPTH)}… 2,984 more levels${"}".repeat(MAX_FORMAT_DEPTH)}`);
    const spanish = formatValue(chain(3000), { pretty: true, deeper: (n) => `… ${n} niveles más` });
    expect(spanish).toContain("… 2984 niveles más");
    // Bounded: 16 indented lines each way, not a million spaces.
    expect(spanish.split("\n")).toHaveLength(2 * MAX_FORMAT_DEPTH + 1);
    expect(formatValue(chain(MAX_FORMAT_DEPTH))).not.toContain("…");
    expect(formatValue(chain(MAX_FORMAT_DEPTH + 1))).toContain("… 1 more level}");
  });

  it("counts the levels a copy already cut, and says so when they were not counted", () => {
    const copied = { a: { a: deeperLevels(2936) } };
    expect(formatValue(copied)).toBe('{"a": {"a": … 2,936 more levels}}');
    expect(formatValue([deeperLevels(undefined)])).toBe("[… more levels]");
    let deep: unknown = deeperLevels(100);
    for (let i = 0; i < 20; i++) deep = [deep];
    expect(formatValue(deep)).toContain("… 104 more levels");
  });
});

describe("formatDuration", () => {
  it("prints a coarse clock's whole milliseconds whole (Firefox, WebKit): no decimals it did not measure", () => {
    expect(formatDuration(2)).toBe("2 ms");
    expect(formatDuration(1)).toBe("1 ms");
    expect(formatDuration(2, ",")).toBe("2 ms");
    expect(formatDuration(37)).toBe("37 ms");
    expect(formatDuration(0)).toBe("< 1 ms");
    expect(formatDuration(0, ",")).toBe("< 1 ms");
    // A finer clock keeps its tenths.
    expect(formatDuration(2.0001)).toBe("2.0 ms");
    expect(formatDuration(0.3)).toBe("0.3 ms");
  });

  it("says '< 0.1 ms' instead of zeros, one decimal under 10 ms, whole ms above", () => {
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
