/**
 * How much console output a program may send the page. A program that logs in a loop would otherwise
 * send the page more lines than it can draw and freeze it; past the budget, lines are counted, not
 * formatted or sent, and the count is reported ("12,345 lines not shown") when the next window opens
 * or, if the program goes quiet, once the window is over. The last few lines left out are reported
 * with the count, so what a loop logs when it ends ("done") is not lost with the flood.
 */

/** Limits per window and the clock; tests pass their own. */
export interface ConsoleBudgetOptions {
  /** Lines shown per window. Default 200. */
  lines?: number;
  /** Characters shown per window (a line is at most 10,000). Default 100,000. */
  chars?: number;
  /** Default 250 ms: about 800 lines a second at most. */
  windowMs?: number;
  now?: () => number;
  /** Calls `fn` after `ms`; the worker passes a `setTimeout` taken before user code ran. */
  later?: (fn: () => void, ms: number) => void;
  /** How many of the last lines left out are kept and reported. Default 20. */
  tail?: number;
}

/** Admits console lines within a per-window budget and reports the ones left out; `T` is a line not yet formatted. */
export class ConsoleBudget<T> {
  private readonly maxLines: number;
  private readonly maxChars: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly later: (fn: () => void, ms: number) => void;
  private readonly tailSize: number;
  private tail: T[] = [];
  private windowStart = -Infinity;
  private lines = 0;
  private chars = 0;
  private skipped = 0;
  private reportPending = false;

  /**
   * `report(count, tail)` gets the lines left out since the last report: `tail` is the last of them
   * (to be shown), `count` how many others there were (only counted).
   */
  constructor(
    private readonly report: (count: number, tail: T[]) => void,
    options: ConsoleBudgetOptions = {},
  ) {
    this.maxLines = options.lines ?? 200;
    this.maxChars = options.chars ?? 100_000;
    this.windowMs = options.windowMs ?? 250;
    this.now = options.now ?? (() => performance.now());
    this.later = options.later ?? ((fn, ms) => setTimeout(fn, ms));
    this.tailSize = options.tail ?? 20;
  }

  /** Whether one more line may be formatted now; checked first, so a line left out costs next to nothing. */
  admitLine(): boolean {
    this.roll();
    if (this.lines >= this.maxLines) return false;
    this.lines++;
    return true;
  }

  /** Whether a formatted line of `length` characters fits what is left of the window. */
  admitText(length: number): boolean {
    if (this.chars > 0 && this.chars + length > this.maxChars) return false;
    this.chars += length;
    return true;
  }

  /** Notes a line that was not admitted. */
  leaveOut(line: T): void {
    this.skipped++;
    this.tail.push(line);
    if (this.tail.length > this.tailSize) this.tail.shift();
    if (!this.reportPending) {
      this.reportPending = true;
      this.later(() => {
        this.reportPending = false;
        this.flush();
      }, this.windowMs);
    }
  }

  private roll(): void {
    const now = this.now();
    if (now - this.windowStart < this.windowMs) return;
    this.flush();
    this.windowStart = now;
    this.lines = 0;
    this.chars = 0;
  }

  private flush(): void {
    if (this.skipped === 0) return;
    const tail = this.tail;
    const count = this.skipped - tail.length;
    this.skipped = 0;
    this.tail = [];
    this.report(count, tail);
  }
}
