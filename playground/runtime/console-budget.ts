/**
 * How much console output a program may send the page. A program that logs in a loop would otherwise
 * send the page more lines than it can draw and freeze it; past the budget, lines are counted, not
 * formatted or sent, and the count is reported ("12,345 lines not shown") when the next window opens
 * or, if the program goes quiet, once the window is over.
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
}

/** Admits console lines within a per-window budget and reports the ones left out. */
export class ConsoleBudget {
  private readonly maxLines: number;
  private readonly maxChars: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly later: (fn: () => void, ms: number) => void;
  private windowStart = -Infinity;
  private lines = 0;
  private chars = 0;
  private skipped = 0;
  private reportPending = false;

  /** `report(count)` is called with the number of lines left out since the last report. */
  constructor(
    private readonly report: (count: number) => void,
    options: ConsoleBudgetOptions = {},
  ) {
    this.maxLines = options.lines ?? 200;
    this.maxChars = options.chars ?? 100_000;
    this.windowMs = options.windowMs ?? 250;
    this.now = options.now ?? (() => performance.now());
    this.later = options.later ?? ((fn, ms) => setTimeout(fn, ms));
  }

  /** Whether one more line may be formatted now; checked first, so a skipped line costs nothing. */
  admitLine(): boolean {
    this.roll();
    if (this.lines >= this.maxLines) return this.skip();
    this.lines++;
    return true;
  }

  /** Whether a formatted line of `length` characters fits what is left of the window. */
  admitText(length: number): boolean {
    if (this.chars > 0 && this.chars + length > this.maxChars) return this.skip();
    this.chars += length;
    return true;
  }

  private roll(): void {
    const now = this.now();
    if (now - this.windowStart < this.windowMs) return;
    this.flush();
    this.windowStart = now;
    this.lines = 0;
    this.chars = 0;
  }

  private skip(): false {
    this.skipped++;
    if (!this.reportPending) {
      this.reportPending = true;
      this.later(() => {
        this.reportPending = false;
        this.flush();
      }, this.windowMs);
    }
    return false;
  }

  private flush(): void {
    if (this.skipped === 0) return;
    const count = this.skipped;
    this.skipped = 0;
    this.report(count);
  }
}
