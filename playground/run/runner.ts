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
 *
 * The worker is handed a private port before anything else and speaks only through it; a message on
 * the worker's own channel can only come from the program, and stops the run ("refused"), as does a
 * run that sends more events a second than the page can take ("flood"). Every event's shape is checked.
 *
 * A live run (the reader's bot on the real Bot API) is not cut off when the reader stops it or runs again:
 * its worker is first asked to stop polling as `bot.stop()` does, which confirms the updates it handled to
 * Telegram (else the next run would get them again), and is terminated once it says so or after
 * {@link LIVE_STOP_MS}. Runs that end any other way (watchdog, flood, refused, crash) are terminated at once.
 */
import type { Update } from "grammy/types";
import type { RunnerEvent, SandboxConnect, SandboxEvent, SandboxLiveConfig, SandboxRequest, SandboxStorageConfig } from "../protocol";
import { checkEvent } from "./event-check";
import { createSandboxWorker } from "./sandbox-host";
import { FloodMeter } from "./flood-meter";

/** Receives every event of every run: the worker's and the runner's. */
export type RunnerListener = (event: SandboxEvent | RunnerEvent) => void;

/** The part of a `Worker` the runner uses; tests inject fakes. Only {@link SandboxConnect} is posted on it. */
export interface SandboxWorker {
  postMessage(message: SandboxConnect, transfer: Transferable[]): void;
  terminate(): void;
  /** Anything arriving here was posted by the program itself. */
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?(): void }) => void) | null;
}

/** The runner's end of the private channel. */
export interface RunnerPort {
  postMessage(message: SandboxRequest): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  close(): void;
}

/** A channel whose `port2` is handed to the worker. */
export interface RunnerChannel {
  port1: RunnerPort;
  port2: Transferable;
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
  /** Creates the private channel. Default: a `MessageChannel`. */
  createChannel?: () => RunnerChannel;
  /** The most events a run may send in one second before it is stopped. Default {@link FLOOD_EVENTS_PER_SECOND}. */
  floodPerSecond?: number;
}

/**
 * The default budget of events a second that no update asked for. A program that logs or replies in a
 * loop sends far more; the page's own updates are paid for by {@link EVENTS_PER_UPDATE}.
 */
/**
 * Ticks that must have looked at an unanswered ping before the worker is judged: with the default 250 ms
 * between pings, six looks take 1.5 s on a page that keeps up, well within the 3 s the watchdog waits.
 */
const WATCHDOG_LOOKS = 6;

export const FLOOD_EVENTS_PER_SECOND = 2_000;

/** The longest a stopped live run's worker is given to stop polling before it is terminated anyway. */
export const LIVE_STOP_MS = 3_000;

/**
 * Events each update the page sends may cause without counting against the budget: it is received and
 * handled, and a handler's storage calls and replies come to a handful (a multi session's several).
 */
export const EVENTS_PER_UPDATE = 50;

/** The event as the page may use it; an event of the wrong shape becomes a warning in the console instead. */
function checked(event: unknown): SandboxEvent {
  const result = checkEvent(event);
  if (result.ok) return result.event;
  return { type: "console", level: "warn", text: `The sandbox sent an event the page cannot use (${result.reason}); it was ignored.` };
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
  private readonly createChannel: () => RunnerChannel;
  private readonly floodPerSecond: number;
  private readonly listeners = new Set<RunnerListener>();

  private worker: SandboxWorker | undefined;
  private port: RunnerPort | undefined;
  private flood = new FloodMeter(0);
  private timer: ReturnType<typeof setInterval> | undefined;
  private ready = false;
  /** Updates sent before the program was ready, in order (one request each, or one for a concurrent batch). */
  private queued: Extract<SandboxRequest, { type: "update" | "updates" }>[] = [];
  /** Updates the worker received and has not finished, oldest first: the first one is running. */
  private unfinished: number[] = [];
  private alive = false;
  private seq = 0;
  /** The ping not answered yet: when it left, and how many ticks have looked at it since. */
  private unanswered: { seq: number; sentAt: number; looks: number } | undefined;
  /** The current run talks to the real Bot API. */
  private live = false;
  /** Stopped live workers still confirming their updates. */
  private readonly draining = new Set<Promise<void>>();

  constructor(options: SandboxRunnerOptions = {}) {
    this.createWorker = options.createWorker ?? createSandboxWorker;
    this.createChannel = options.createChannel ?? (() => new MessageChannel() as unknown as RunnerChannel);
    this.floodPerSecond = options.floodPerSecond ?? FLOOD_EVENTS_PER_SECOND;
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

  /**
   * Settles once every stopped live worker has stopped polling (or been given up on): a new live run
   * waits for this, since Telegram answers a second poller for the same bot with a 409.
   */
  async drained(): Promise<void> {
    while (this.draining.size > 0) await Promise.all([...this.draining]);
  }

  /**
   * Runs `compiled` in a fresh worker, stopping the previous run first (reason "rerun"). With `live`, the
   * program's bots use the reader's token against the real Bot API.
   */
  run(compiled: CompiledProgram, storage: SandboxStorageConfig, live?: SandboxLiveConfig): void {
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
    const channel = this.createChannel();
    const port = channel.port1;
    this.worker = worker;
    this.port = port;
    this.ready = false;
    this.alive = false;
    this.queued = [];
    this.unfinished = [];
    this.unanswered = undefined;
    this.flood = new FloodMeter(this.floodPerSecond);
    this.live = live !== undefined;
    // First, before the program exists: the port everything else goes through.
    worker.postMessage({ type: "connect" }, [channel.port2]);
    port.onmessage = (event) => {
      if (this.port === port) this.receiveBatch(event.data);
    };
    worker.onmessage = () => {
      if (this.worker !== worker) return;
      this.terminate({
        type: "stopped",
        reason: "refused",
        message: "The program posted its own messages to the page. The sandbox's channel is private, so the run was stopped.",
      });
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      if (this.worker !== worker) return;
      this.terminate({ type: "stopped", reason: "crashed", message: event.message || "The sandbox worker failed to start or crashed." });
    };
    this.emit({ type: "started" });
    // The first ping goes before the program: its pong proves the worker's own code has loaded.
    this.ping();
    port.postMessage({ type: "run", code: compiled.code, map: compiled.map, filename: compiled.filename, storage, ...(live ? { live } : {}) });
    this.timer = setInterval(() => this.tick(), this.pingIntervalMs);
  }

  /**
   * Sends an update to the running program; updates sent before it is ready wait in order. With no
   * program running, the update is reported as not delivered; returns whether a program got it.
   */
  send(update: Update): boolean {
    if (!this.worker || !this.port) {
      this.emit({ type: "not-delivered", update, reason: "no-program" });
      return false;
    }
    this.flood.expect(EVENTS_PER_UPDATE);
    this.deliver({ type: "update", update });
    return true;
  }

  /**
   * Concurrent dispatch: sends `updates` to be handed to the bot all at once, each without waiting for the
   * others (as a webhook server or grammY's runner would), instead of one after another. Otherwise like {@link send}.
   */
  sendConcurrently(updates: readonly Update[]): boolean {
    if (!this.worker || !this.port) {
      for (const update of updates) this.emit({ type: "not-delivered", update, reason: "no-program" });
      return false;
    }
    this.flood.expect(EVENTS_PER_UPDATE * updates.length);
    this.deliver({ type: "updates", updates: [...updates] });
    return true;
  }

  private deliver(request: Extract<SandboxRequest, { type: "update" | "updates" }>): void {
    if (this.ready) this.port?.postMessage(request);
    else this.queued.push(request);
  }

  /**
   * Stops the running program (reason "user", or "rerun" when the caller is about to run another and the
   * page should not show a stop in between). Does nothing when nothing runs.
   */
  stop(reason: "user" | "rerun" = "user"): void {
    if (this.worker) this.terminate({ type: "stopped", reason });
  }

  private receiveBatch(batch: unknown): void {
    const events: unknown[] = Array.isArray(batch) ? batch : [batch];
    const port = this.port;
    if (this.flood.add(events.length)) {
      this.terminate({
        type: "stopped",
        reason: "flood",
        message: `The program sent the page more than ${this.floodPerSecond} events in one second.`,
      });
      return;
    }
    for (const event of events) {
      if (this.port !== port) return; // an event of this batch ended the run
      this.receive(event);
    }
  }

  private receive(received: unknown): void {
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
    if (event.type === "ready" && this.port) {
      const queued = this.queued;
      this.queued = [];
      for (const request of queued) this.port.postMessage(request);
    }
  }

  private ping(): void {
    this.seq += 1;
    this.unanswered = { seq: this.seq, sentAt: Date.now(), looks: 0 };
    this.port?.postMessage({ type: "ping", seq: this.seq });
  }

  private tick(): void {
    if (!this.worker) return;
    if (!this.unanswered) {
      this.ping();
      return;
    }
    const waited = Date.now() - this.unanswered.sentAt;
    this.unanswered.looks++;
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
    // A page starved of CPU (a busy machine) runs its ticks late, and a pong may be waiting in its queue behind
    // them: the worker is judged only once the page has looked several times, each a chance to take the pong.
    if (waited <= this.watchdogMs || this.unanswered.looks < WATCHDOG_LOOKS) return;
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
    const port = this.port;
    this.port = undefined;
    if (this.live && port && (event.reason === "user" || event.reason === "rerun")) this.drain(worker, port);
    else {
      worker.terminate();
      if (port) {
        port.onmessage = null;
        port.close();
      }
    }
    const queued = this.queued;
    this.worker = undefined;
    this.ready = false;
    this.queued = [];
    this.unfinished = [];
    this.unanswered = undefined;
    this.emit(event);
    // Sent while the program was starting, and never handed to it.
    const reason = event.reason === "user" || event.reason === "rerun" ? "no-program" : "program-failed";
    for (const request of queued) {
      for (const update of request.type === "update" ? [request.update] : request.updates) this.emit({ type: "not-delivered", update, reason });
    }
  }

  /**
   * Asks a stopped live worker to stop polling and terminates it once it has (its events no longer reach
   * the page), or after {@link LIVE_STOP_MS}.
   */
  private drain(worker: SandboxWorker, port: RunnerPort): void {
    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    const timer = setTimeout(() => end(), LIVE_STOP_MS);
    const end = () => {
      clearTimeout(timer);
      port.onmessage = null;
      port.close();
      worker.terminate();
      this.draining.delete(done);
      finish();
    };
    port.onmessage = (message) => {
      const events: unknown[] = Array.isArray(message.data) ? message.data : [message.data];
      if (events.some((event) => checkEvent(event).ok && (event as { type: string }).type === "polling-stopped")) end();
    };
    this.draining.add(done);
    port.postMessage({ type: "stop-polling" });
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
