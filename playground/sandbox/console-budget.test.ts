import { describe, expect, it } from "vitest";
import { ConsoleBudget } from "./console-budget";

/** A budget on a clock the test moves, with its deferred reports run by hand. */
function setup(options: { lines?: number; chars?: number; tail?: number } = {}) {
  let now = 0;
  const reports: [number, string[]][] = [];
  const later: (() => void)[] = [];
  const budget = new ConsoleBudget<string>((count, tail) => reports.push([count, tail]), {
    ...options,
    windowMs: 250,
    now: () => now,
    later: (fn) => later.push(fn),
  });
  /** Logs `line` as console-capture does; true when it was shown. */
  const log = (line: string, length = line.length) => {
    if (budget.admitLine() && budget.admitText(length)) return true;
    budget.leaveOut(line);
    return false;
  };
  return { log, reports, later, tick: (ms: number) => (now += ms) };
}

describe("ConsoleBudget", () => {
  it("shows the window's lines, counts the rest, and reports them with the last few when the next window opens", () => {
    const { log, reports, tick } = setup({ lines: 3, tail: 2 });
    const shown = Array.from({ length: 10 }, (_, i) => log(`line ${i}`));
    expect(shown.filter(Boolean)).toHaveLength(3);
    expect(reports).toEqual([]);
    tick(250);
    expect(log("next")).toBe(true);
    expect(reports).toEqual([[5, ["line 8", "line 9"]]]);
  });

  it("reports the lines left out after the window when the program goes quiet, so the loop's last line still shows", () => {
    const { log, reports, later } = setup({ lines: 1, tail: 1 });
    log("first");
    log("looping");
    log("done");
    expect(later).toHaveLength(1); // one report scheduled, not one per line
    later[0]();
    expect(reports).toEqual([[1, ["done"]]]);
  });

  it("counts characters too: a line that would pass the window's characters is left out, the first one never", () => {
    const { log, reports, tick } = setup({ chars: 100, tail: 0 });
    expect(log("a", 150)).toBe(true);
    expect(log("b", 1)).toBe(false);
    tick(250);
    expect(log("c", 60)).toBe(true);
    expect(log("d", 40)).toBe(true);
    expect(log("e", 1)).toBe(false);
    expect(reports).toEqual([[1, []]]);
  });
});
