import { describe, expect, it } from "vitest";
import { captureConsole, type ConsoleEvent } from "./console-capture";
import { formatConsoleArgs } from "./format-console";

describe("formatConsoleArgs", () => {
  it("writes strings as they are and inspects other values", () => {
    expect(formatConsoleArgs(["count:", 3, true, null, undefined, 10n])).toBe("count: 3 true null undefined 10n");
    expect(formatConsoleArgs([{ a: 1, b: "x", c: [1, 2], d: { e: { f: { g: 1 } } } }])).toBe(
      '{ a: 1, b: "x", c: [1, 2], d: { e: { f: [Object] } } }',
    );
    expect(formatConsoleArgs([new Map([["k", 1]]), new Set([1]), new Date(0)])).toBe(
      'Map(1) { "k" => 1 } Set(1) { 1 } 1970-01-01T00:00:00.000Z',
    );
    class Session {
      pizzaCount = 2;
    }
    expect(formatConsoleArgs([new Session(), () => 1, function named() {}])).toBe("Session { pizzaCount: 2 } [Function: (anonymous)] [Function: named]");
  });

  it("marks cycles and applies printf-style substitutions", () => {
    const cyclic: Record<string, unknown> = { name: "loop" };
    cyclic.self = cyclic;
    expect(formatConsoleArgs([cyclic])).toBe('{ name: "loop", self: [Circular] }');
    expect(formatConsoleArgs(["%s has %d pizzas (%i%%) %o", "Alice", 2.7, "42", [1], "rest"])).toBe('Alice has 2 pizzas (42%) [1] rest');
    expect(formatConsoleArgs(["%cstyled", "color: red"])).toBe("styled");
  });

  it("shows binary data by size, and a getter that throws as a placeholder instead of throwing", () => {
    const session = Object.defineProperty({ photo: new Uint8Array(3), buffer: new ArrayBuffer(8) }, "secret", {
      enumerable: true,
      get() {
        throw new TypeError("no access");
      },
    });
    expect(formatConsoleArgs([session])).toBe("{ photo: Uint8Array(3), buffer: ArrayBuffer(8), secret: [value that could not be read: TypeError: no access] }");
  });

  it("shows errors through the given describer", () => {
    expect(formatConsoleArgs(["failed:", new RangeError("too big")], { describeError: (e) => `${e.name}! ${e.message}` })).toBe(
      "failed: RangeError! too big",
    );
    expect(formatConsoleArgs([{ cause: new TypeError("nested") }])).toBe("{ cause: [TypeError: nested] }");
  });
});

describe("captureConsole", () => {
  it("turns console calls into console events with levels and the caller's line", () => {
    const events: ConsoleEvent[] = [];
    const target = { log() {}, info() {}, warn() {}, error() {}, debug() {} } as unknown as Console;
    captureConsole(target, { emit: (e) => events.push(e), locateStack: (stack) => (stack?.includes("console-capture.test") ? { line: 12, column: 1 } : undefined) });
    target.log("a", 1);
    target.info("b");
    target.warn("c");
    target.error("d");
    target.debug("e");
    target.assert(1 > 2, "math");
    target.assert(true, "fine");
    expect(events).toEqual([
      { type: "console", level: "log", text: "a 1", line: 12 },
      { type: "console", level: "info", text: "b", line: 12 },
      { type: "console", level: "warn", text: "c", line: 12 },
      { type: "console", level: "error", text: "d", line: 12 },
      { type: "console", level: "debug", text: "e", line: 12 },
      { type: "console", level: "error", text: "Assertion failed: math", line: 12 },
    ]);
  });

  it("with a budget, a loop's thousand lines cost the page 200 lines, a count and the last lines", () => {
    const target = { ...console } as Console;
    const events: unknown[] = [];
    const later: (() => void)[] = [];
    captureConsole(target, { emit: (e) => events.push(e), emitSkipped: (e) => events.push(e), budget: { lines: 200, tail: 2, now: () => 0, later: (fn) => later.push(fn) } });
    for (let i = 0; i < 1000; i++) target.log("line", i);
    expect(events).toHaveLength(200);
    later[0]();
    expect(events.slice(200)).toEqual([
      { type: "console-skipped", count: 798 },
      { type: "console", level: "log", text: "line 998" },
      { type: "console", level: "log", text: "line 999" },
    ]);
  });
});
