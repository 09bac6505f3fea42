/**
 * Runs compiled programs in sandbox workers, from the main thread. Framework-free: the Vue UI
 * subscribes with `onEvent` and calls `run`, `send` and `stop`. Safe to import during SSR: nothing
 * touches `Worker` or `window` until `run` is called.
 *
 * A watchdog pings the worker every `pingIntervalMs` while it runs. A worker that is busy but
 * yields (awaiting storage, timers, long honest loops with awaits) keeps answering; a synchronous
 * loop cannot, and the worker is terminated once a ping has gone unanswered for `watchdogMs`.
 * Only unanswered pings count, not the time between ticks, so a throttled background tab does not
 * trip it.
 */
import type { Update } from "grammy/types";
import type { SandboxEvent, SandboxRequest, SandboxStorageConfig } from "../protocol";
import { checkStorageUsed } from "./storage-used-check";

/**
 * What the runner itself reports, next to the worker's {@link SandboxEvent}s. "load-error": the program
 * threw while loading (its top level), which ends a program in Node and Deno too; `message` is the
 * error ("ReferenceError: x is not defined") and `line` where it happened, when known.
 */
export type RunnerEvent =
  | { type: "started" }
  | { type: "stopped"; reason: "user" | "rerun" | "watchdog" | "crashed" | "load-error"; updateId?: number; message?: string; line?: number };

/** Receives every event of every run: the worker's and the runner's. */
export type RunnerListener = (event: SandboxEvent | RunnerEvent) => void;

/** The part of a `Worker` the runner uses; tests inject fakes. */
export interface SandboxWorker {
  postMessage(message: SandboxRequest): void;
  terminate(): void;
  onmessage: ((event: { data: SandboxEvent }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?(): void }) => void) | null;
}

/** A program as the compiler produced it. */
export interface CompiledProgram {
  code: string;
  map: string;
  filename: string;
}

/** Tuning and test seams for {@link SandboxRunner}. */
export interface SandboxRunnerOptions {
  /** Creates the worker for a run. Default: the real sandbox module worker. */
  createWorker?: () => SandboxWorker;
  /** How long a ping may go unanswered before the worker is stopped. Default 3000 ms. */
  watchdogMs?: number;
  /** How often the worker is pinged. Default 250 ms. */
  pingIntervalMs?: number;
  /**
   * How long a new worker may take to load its own code (grammY included) and answer the first
   * ping; user code runs only after that, so slow networks do not count against the watchdog.
   * Default 30,000 ms.
   */
  startupMs?: number;
}

/** The real worker; Vite bundles it because of this exact `new Worker(new URL(…))` shape. */
export function createSandboxWorker(): SandboxWorker {
  return new Worker(new URL("./sandbox.worker.ts", import.meta.url), { type: "module" }) as unknown as SandboxWorker;
}

/**
 * The event as the page may use it: a `storage-used` event whose shape is wrong (only a program
 * posting its own messages could send one) becomes a warning in the console instead.
 */
function checked(event: SandboxEvent): SandboxEvent {
  if (event.type !== "storage-used") return event;
  const result = checkStorageUsed(event);
  if (result.ok) return { type: "storage-used", storage: result.storage };
  return { type: "console", level: "warn", text: `The sandbox sent a storage-used event the page cannot use (${result.reason}); it was ignored.` };
}

function seconds(ms: number): string {
  return String(Number((ms / 1000).toFixed(1)));
}

/** Starts, feeds, watches and stops sandbox runs; at most one worker at a time. */
export class SandboxRunner {
  private readonly createWorker: () => SandboxWorker;
  private readonly watchdogMs: number;
  private readonly pingIntervalMs: number;
  private readonly startupMs: number;
  private readonly listeners = new Set<RunnerListener>();

  private worker: SandboxWorker | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private ready = false;
  /** Updates sent before the program was ready, in order. */
  private queued: Update[] = [];
  /** Updates the worker received and has not finished, oldest first: the first one is running. */
  private unfinished: number[] = [];
  private alive = false;
  private seq = 0;
  private unanswered: { seq: number; sentAt: number } | undefined;

  constructor(options: SandboxRunnerOptions = {}) {
    this.createWorker = options.createWorker ?? createSandboxWorker;
    this.watchdogMs = options.watchdogMs ?? 3000;
    this.pingIntervalMs = options.pingIntervalMs ?? 250;
    this.startupMs = options.startupMs ?? 30_000;
  }

  /** Whether a worker is running (from `run` until it is stopped for any reason). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** Subscribes to every event; returns the unsubscribe function. */
  onEvent(listener: RunnerListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs `compiled` in a fresh worker, stopping the previous run first (reason "rerun"). */
  run(compiled: CompiledProgram, storage: SandboxStorageConfig): void {
    if (this.worker) this.terminate({ type: "stopped", reason: "rerun" });
    let worker: SandboxWorker;
    try {
      worker = this.createWorker();
    } catch (error) {
      // No module workers (very old browser) or a blocked worker script: say so like any crash.
      this.emit({ type: "started" });
      this.emit({ type: "stopped", reason: "crashed", message: `The sandbox worker could not be created: ${String(error)}` });
      return;
    }
    this.worker = worker;
    this.ready = false;
    this.alive = false;
    this.queued = [];
    this.unfinished = [];
    this.unanswered = undefined;
    worker.onmessage = (event) => {
      if (this.worker === worker) this.receive(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      if (this.worker !== worker) return;
      this.terminate({ type: "stopped", reason: "crashed", message: event.message || "The sandbox worker failed to start or crashed." });
    };
    this.emit({ type: "started" });
    // The first ping goes before the program: its pong proves the worker's own code has loaded.
    this.ping();
    worker.postMessage({ type: "run", code: compiled.code, map: compiled.map, filename: compiled.filename, storage });
    this.timer = setInterval(() => this.tick(), this.pingIntervalMs);
  }

  /**
   * Sends an update to the running program; updates sent before it is ready wait in order. With no
   * program running, the update is reported as not delivered; returns whether a program got it.
   */
  send(update: Update): boolean {
    if (!this.worker) {
      this.emit({ type: "not-delivered", update, reason: "no-program" });
      return false;
    }
    if (this.ready) this.worker.postMessage({ type: "update", update });
    else this.queued.push(update);
    return true;
  }

  /** Stops the running program (reason "user"). Does nothing when nothing runs. */
  stop(): void {
    if (this.worker) this.terminate({ type: "stopped", reason: "user" });
  }

  private receive(received: SandboxEvent): void {
    this.alive = true;
    const event = checked(received);
    switch (event.type) {
      case "pong":
        if (this.unanswered && event.seq >= this.unanswered.seq) this.unanswered = undefined;
        break;
      case "ready":
        this.ready = true;
        break;
      case "update-received":
        this.unfinished.push(event.updateId);
        break;
      case "update-handled": {
        const at = this.unfinished.indexOf(event.updateId);
        if (at !== -1) this.unfinished.splice(at, 1);
        break;
      }
    }
    this.emit(event);
    // The program's module failed (before or after it started a bot): like Node or Deno, end it.
    if (event.type === "error" && event.phase === "load") {
      const stop: Extract<RunnerEvent, { type: "stopped" }> = {
        type: "stopped",
        reason: "load-error",
        message: event.name ? `${event.name}: ${event.message}` : event.message,
      };
      if (event.line !== undefined) stop.line = event.line;
      this.terminate(stop);
      return;
    }
    if (event.type === "ready" && this.worker) {
      const queued = this.queued;
      this.queued = [];
      for (const update of queued) this.worker.postMessage({ type: "update", update });
    }
  }

  private ping(): void {
    this.seq += 1;
    this.unanswered = { seq: this.seq, sentAt: Date.now() };
    this.worker?.postMessage({ type: "ping", seq: this.seq });
  }

  private tick(): void {
    if (!this.worker) return;
    if (!this.unanswered) {
      this.ping();
      return;
    }
    const waited = Date.now() - this.unanswered.sentAt;
    if (!this.alive) {
      if (waited > this.startupMs) {
        this.terminate({
          type: "stopped",
          reason: "crashed",
          message: `The sandbox did not start within ${seconds(this.startupMs)} s.`,
        });
      }
      return;
    }
    if (waited <= this.watchdogMs) return;
    const updateId = this.unfinished[0];
    const limit = `${seconds(this.watchdogMs)} s`;
    this.terminate(
      updateId === undefined
        ? { type: "stopped", reason: "watchdog", message: `Stopped: the program ran for more than ${limit} without yielding` }
        : {
            type: "stopped",
            reason: "watchdog",
            updateId,
            message: `Stopped: the handler for update ${updateId} ran for more than ${limit} without yielding`,
          },
    );
  }

  private terminate(event: Extract<RunnerEvent, { type: "stopped" }>): void {
    const worker = this.worker;
    if (!worker) return;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    worker.onmessage = null;
    worker.onerror = null;
    worker.terminate();
    const queued = this.queued;
    this.worker = undefined;
    this.ready = false;
    this.queued = [];
    this.unfinished = [];
    this.unanswered = undefined;
    this.emit(event);
    // Sent while the program was starting, and never handed to it.
    const reason = event.reason === "user" || event.reason === "rerun" ? "no-program" : "program-failed";
    for (const update of queued) this.emit({ type: "not-delivered", update, reason });
  }

  private emit(event: SandboxEvent | RunnerEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error("A SandboxRunner listener threw:", error);
      }
    }
  }
}
