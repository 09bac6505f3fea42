/**
 * Counts the events a run sends the page. Past the budget the page would spend its time drawing them
 * and stop answering the reader, so the runner stops the run instead. Events the reader asked for are
 * not held against the program: each update the page sends earns a credit of events (its storage calls,
 * replies and so on) that is spent before anything counts.
 *
 * The budget is a bucket, not a count per second: it refills at `perSecond` and holds `burstSeconds` of
 * it. The page learns of events when its main thread gets to them, so when it had no CPU for a while (a
 * busy machine, a tab in the background) a program that kept within the budget arrives in one lump; the
 * bucket lets that lump through, while a program that keeps sending faster empties it within seconds.
 */
export class FloodMeter {
  private readonly capacity: number;
  private tokens: number;
  private last: number | undefined;
  private credit = 0;

  /**
   * `perSecond`: the most events a run may send each second, over time, beyond its credit.
   * `burstSeconds` (at least 1): how many seconds of that budget may arrive at once.
   */
  constructor(
    readonly perSecond: number,
    private readonly now: () => number = () => Date.now(),
    burstSeconds = 3,
  ) {
    this.capacity = perSecond * Math.max(1, burstSeconds);
    this.tokens = this.capacity;
  }

  /** The page sent something that will cause `n` events. */
  expect(n: number): void {
    this.credit += n;
  }

  /**
   * Counts `n` more events; true once they are over the budget. The bucket holds at least one second's
   * budget, so a run stopped here did send more than `perSecond` events within some one second.
   */
  add(n: number): boolean {
    const paid = Math.min(this.credit, n);
    this.credit -= paid;
    const now = this.now();
    if (this.last !== undefined) this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    this.tokens -= n - paid;
    return this.tokens < 0;
  }
}
