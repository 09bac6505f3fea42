import type { HandledBatch } from "./handled-updates";
import type { TrafficTotals } from "../store";

/** Clock and timer, injectable so tests need no real time. */
export interface ThrottleClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: ThrottleClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Merges two batches of handled updates into one (the later one's last id wins). */
export function mergeBatches(a: HandledBatch, b: HandledBatch): HandledBatch {
  const counts: TrafficTotals = {
    read: a.counts.read + b.counts.read,
    write: a.counts.write + b.counts.write,
    delete: a.counts.delete + b.counts.delete,
    other: a.counts.other + b.counts.other,
  };
  return { count: a.count + b.count, lastId: b.lastId, counts, failed: a.failed + b.failed };
}

/**
 * Hands batches of handled updates on to `say` at most once per `gapMs`: an update handled while the
 * reader's screen reader is quiet is spoken at once; a burst (a scenario of a thousand updates) is merged
 * into one sentence per gap instead of a queue of sentences that would take minutes to hear.
 */
export class AnnounceThrottle {
  private last = Number.NEGATIVE_INFINITY;
  private waiting: HandledBatch | undefined;
  private timer: unknown;

  constructor(
    private readonly say: (batch: HandledBatch) => void,
    private readonly gapMs = 1_500,
    private readonly clock: ThrottleClock = realClock,
  ) {}

  /** Queues `batch`: said now if the last sentence is old enough, otherwise merged into the next one. */
  push(batch: HandledBatch): void {
    this.waiting = this.waiting ? mergeBatches(this.waiting, batch) : batch;
    if (this.timer !== undefined) return;
    const wait = this.last + this.gapMs - this.clock.now();
    if (wait <= 0) this.release();
    else this.timer = this.clock.setTimeout(() => this.release(), wait);
  }

  /** Drops whatever waits (a new run, or the view goes away). */
  cancel(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.waiting = undefined;
  }

  private release(): void {
    this.timer = undefined;
    const batch = this.waiting;
    this.waiting = undefined;
    if (!batch) return;
    this.last = this.clock.now();
    this.say(batch);
  }
}
