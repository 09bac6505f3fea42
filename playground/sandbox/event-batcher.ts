/**
 * Sends a sandbox's events to the page in batches: the storage calls, API calls and "handled" of one
 * task leave together, in one message, at the end of the task's current microtask, instead of one
 * message each. A burst of updates makes five events per update; every message costs a structured
 * clone here and a task on the page's main thread, so sending them together is what keeps a burst cheap.
 *
 * Everything else leaves at once, with whatever is queued before it, in order: a program that logs and
 * then loops forever never returns to the microtask that would send a queue, and the page must still
 * learn its last log line, its error and the update it received (that is how a runaway loop is named).
 */
import type { SandboxBatch, SandboxEvent } from "../protocol";

/** The events that may wait for the end of the microtask: the frequent ones, that say what a call did. */
const BATCHED: ReadonlySet<SandboxEvent["type"]> = new Set(["storage", "api-call", "update-handled"]);

/** Queues events and sends them in {@link SandboxBatch}es; see the file's comment for when. */
export class EventBatcher {
  private queue: SandboxEvent[] = [];
  private scheduled = false;

  /**
   * @param send posts one batch (never empty) to the page.
   * @param later runs the flush after the current microtask; taken before any user code runs, since a
   *   program may replace `queueMicrotask`.
   */
  constructor(
    private readonly send: (batch: SandboxBatch) => void,
    private readonly later: (flush: () => void) => void,
  ) {}

  /** Queues `event`; sends it (and the queue) now unless it is one of the frequent kinds. */
  add(event: SandboxEvent): void {
    this.queue.push(event);
    if (!BATCHED.has(event.type)) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      this.later(() => {
        this.scheduled = false;
        this.flush();
      });
    }
  }

  /** Sends what is queued, if anything. */
  flush(): void {
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    this.send(batch);
  }
}
