/** Runs `flush` once, soon. */
export type FlushScheduler = (flush: () => void) => void;

/**
 * Next animation frame, or 100 ms when frames do not come (a hidden tab gets none, and events must
 * not pile up forever there). Whichever fires first wins; the other does nothing.
 */
export const nextFrame: FlushScheduler = (flush) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    flush();
  };
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(once);
  setTimeout(once, 100);
};

/**
 * Collects items and hands them over in one batch per scheduled flush, so a burst of thousands of
 * sandbox events costs one view update per frame instead of one per event. With `minIntervalMs`, flushes
 * during a burst are also spaced out: after a large batch (`burstSize` items or more) the next flush waits
 * until `minIntervalMs` have passed, so the views update a few times less often than the screen refreshes,
 * which saves most of the layout and rendering work while staying live to the eye. Small batches (a reader
 * sending one message, a program starting) always show on the next frame.
 */
export class FrameBatcher<T> {
  private pending: T[] = [];
  private scheduled = false;
  private lastFlush = -Infinity;
  private lastBatchSize = 0;

  constructor(
    private readonly consume: (batch: T[]) => void,
    private readonly schedule: FlushScheduler = nextFrame,
    private readonly minIntervalMs = 0,
    private readonly burstSize = 16,
    private readonly now: () => number = () => (typeof performance === "undefined" ? Date.now() : performance.now()),
  ) {}

  push(item: T): void {
    this.pending.push(item);
    if (this.scheduled) return;
    this.scheduled = true;
    const wait = this.lastBatchSize >= this.burstSize ? this.lastFlush + this.minIntervalMs - this.now() : 0;
    if (wait <= 0) this.schedule(() => this.flush());
    else setTimeout(() => this.schedule(() => this.flush()), wait);
  }

  /** Hands over everything pending now (tests, and before reading the store synchronously). */
  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    this.lastFlush = this.now();
    this.lastBatchSize = this.pending.length;
    const batch = this.pending;
    this.pending = [];
    this.consume(batch);
  }

  /** Forgets pending items (a new run must not show the old run's late events). */
  drop(): void {
    this.pending = [];
  }
}
