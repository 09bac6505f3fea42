/**
 * Finds updates that wait on a promise that never settles (a lazy session's self-deadlock, a storage
 * call that never returns): in progress for a while, with nothing happening for them, while the
 * worker is idle. A worker stuck in a synchronous loop is the watchdog's case, not this one: its
 * timers cannot run, so it never gets here, and a check that runs late proves the worker was busy.
 *
 * Pure bookkeeping on times the caller passes in (ms on any one clock), so it is tested without timers.
 */

/** Tuning for {@link StallDetector}. */
export interface StallDetectorOptions {
  /** How long an update must have been in progress, and quiet, before it counts as waiting. */
  thresholdMs: number;
  /** A check this much later than planned means the worker was busy meanwhile, not idle. Default 500 ms. */
  lateMs?: number;
}

/** An update that counts as waiting, as {@link StallDetector.check} reports it. */
export interface WaitingUpdate {
  updateId: number;
  /** Since the update started. */
  waitedMs: number;
}

interface Tracked {
  startedAt: number;
  lastActivity: number;
  reported: boolean;
}

/** Tracks the updates in progress and reports each one once, when it starts waiting. */
export class StallDetector {
  private readonly thresholdMs: number;
  private readonly lateMs: number;
  private readonly updates = new Map<number, Tracked>();

  constructor(options: StallDetectorOptions) {
    this.thresholdMs = options.thresholdMs;
    this.lateMs = options.lateMs ?? 500;
  }

  /** How many updates are in progress. */
  get inProgress(): number {
    return this.updates.size;
  }

  /** Whether update `updateId` is in progress. */
  has(updateId: number): boolean {
    return this.updates.has(updateId);
  }

  /** Update `updateId` started at `at`. */
  started(updateId: number, at: number): void {
    this.updates.set(updateId, { startedAt: at, lastActivity: at, reported: false });
  }

  /** Something happened for update `updateId` at `at` (a storage or API call): it is not stuck yet. */
  activity(updateId: number, at: number): void {
    const tracked = this.updates.get(updateId);
    if (tracked && at > tracked.lastActivity) tracked.lastActivity = at;
  }

  /** Update `updateId` finished (or failed): it is forgotten. */
  finished(updateId: number): void {
    this.updates.delete(updateId);
  }

  /**
   * The updates that have waited long enough, not reported before, oldest first; each is reported once.
   * `planned` is when this check was meant to run: if it ran late, the worker was busy, which counts as
   * activity for every update, and nothing is reported.
   */
  check(now: number, planned = now): WaitingUpdate[] {
    if (now - planned > this.lateMs) {
      for (const tracked of this.updates.values()) tracked.lastActivity = Math.max(tracked.lastActivity, now);
      return [];
    }
    const waiting: WaitingUpdate[] = [];
    for (const [updateId, tracked] of this.updates) {
      if (tracked.reported) continue;
      if (now - tracked.startedAt < this.thresholdMs || now - tracked.lastActivity < this.thresholdMs) continue;
      tracked.reported = true;
      waiting.push({ updateId, waitedMs: now - tracked.startedAt });
    }
    return waiting.sort((a, b) => b.waitedMs - a.waitedMs);
  }
}
