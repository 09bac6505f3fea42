/**
 * Counts the events a run sends the page in each second. Past the budget the page would spend its
 * time drawing them and stop answering the reader, so the runner stops the run instead. Events the
 * reader asked for are not held against the program: each update the page sends earns a credit of
 * events (its storage calls, replies and so on) that is spent before anything counts.
 */
export class FloodMeter {
  private windowStart = -Infinity;
  private count = 0;
  private credit = 0;

  /** `perSecond`: the most events a run may send in one second beyond its credit. */
  constructor(
    readonly perSecond: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The page sent something that will cause `n` events. */
  expect(n: number): void {
    this.credit += n;
  }

  /** Counts `n` more events; true once this second's count is over the budget. */
  add(n: number): boolean {
    const paid = Math.min(this.credit, n);
    this.credit -= paid;
    const now = this.now();
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.count = 0;
    }
    this.count += n - paid;
    return this.count > this.perSecond;
  }
}
