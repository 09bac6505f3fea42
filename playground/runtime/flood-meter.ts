/**
 * Counts the events a run sends the page in each second. Past the budget the page would spend its
 * time drawing them and stop answering the reader, so the runner stops the run instead.
 */
export class FloodMeter {
  private windowStart = -Infinity;
  private count = 0;

  /** `perSecond`: the most events a run may send in one second. */
  constructor(
    readonly perSecond: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Counts `n` more events; true once this second's count is over the budget. */
  add(n: number): boolean {
    const now = this.now();
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.count = 0;
    }
    this.count += n;
    return this.count > this.perSecond;
  }
}
