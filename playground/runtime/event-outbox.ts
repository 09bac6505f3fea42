/**
 * Sends the sandbox's events to the page in batches: everything emitted in one turn of the worker's
 * event loop goes in one message, and a long burst goes out every `maxBatch` events. A program handling
 * a thousand updates then costs the page tens of tasks, not thousands.
 */
import type { SandboxBatch, SandboxEvent } from "../protocol";

/** How a batch is sent and how the flush is scheduled; the worker passes functions taken before user code ran. */
export interface EventOutboxOptions {
  /** Posts one batch; it may throw when a value cannot be cloned. */
  send(batch: SandboxBatch): void;
  /** Posts one event on its own, copying what cannot be cloned (see `postCloneable`). */
  sendOne(event: SandboxEvent): void;
  /** Runs `fn` soon, after the current task. */
  soon(fn: () => void): void;
  /** Default 256. */
  maxBatch?: number;
}

/** Queues events and posts them in order, in batches. */
export class EventOutbox {
  private queue: SandboxEvent[] = [];
  private scheduled = false;
  private readonly maxBatch: number;

  constructor(private readonly options: EventOutboxOptions) {
    this.maxBatch = options.maxBatch ?? 256;
  }

  /** Queues `event`; it leaves with its batch after the current task, or at once if the batch is full. */
  push(event: SandboxEvent): void {
    this.queue.push(event);
    if (this.queue.length >= this.maxBatch) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      this.options.soon(() => {
        this.scheduled = false;
        this.flush();
      });
    }
  }

  /** Posts everything queued now. */
  flush(): void {
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    try {
      this.options.send(batch);
    } catch {
      // One value the browser cannot clone must not cost the other events: send them one by one.
      for (const event of batch) this.options.sendOne(event);
    }
  }
}
