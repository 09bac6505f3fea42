/**
 * Everything a sandbox run does apart from talking to the worker boundary: builds the module
 * registry (offline grammY, the adapter package, idb-keyval), runs the program, routes the updates
 * users send to the bot, and turns what happens into {@link SandboxEvent}s. It is plain code, so
 * the unit tests drive it in Node; `sandbox.worker.ts` only wires it to `postMessage`.
 *
 * Session storage calls name their update themselves: the session middleware is made per update
 * (`grammy-offline.ts`), so they are right even when updates run at the same time. For API calls and
 * errors, "the current update" is one variable, set while grammY handles an update: true while updates
 * are handled one at a time (as `bot.start()` does, and as {@link SandboxRuntime.dispatch} does), since
 * workers have no AsyncLocalStorage. While several updates dispatched together are in flight
 * ({@link SandboxRuntime.dispatchConcurrently}) there is no current update: such calls carry none rather
 * than a guess. Work a handler starts without awaiting it (a `setTimeout`, a promise left floating) is
 * attributed to whatever update is current when it runs, or to none.
 */
import * as adapters from "@session-lab/adapters-browser";
import * as grammy from "grammy";
import type { Update } from "grammy/types";
import * as idbKeyval from "idb-keyval";
import type { AvailableModule, ErrorSummary, SandboxEvent, WaitingStorageCall } from "../protocol";
import { ApiSimulator } from "./bot-api/api-simulator";
import { createOfflineGrammy, type LiveConnection, type OfflineBot, type OfflineEnvironment } from "./grammy-offline";
import { liveReporter } from "./live-api";
import { PendingStorageCalls } from "./pending-storage";
import { StallDetector } from "./stall-detector";
import { recordWrapper } from "./storage-kind";
import { sequentialize } from "./runner-sequentialize";
import { StorageTracker, type StorageFor, type StorageUse } from "./storage-tracker";
import { describeError, errorMessage } from "../error-text";

// Taken before any user code runs: a program may replace the globals, and the stall check must not use its versions.
const setTimer = globalThis.setTimeout.bind(globalThis);
const clearTimer = globalThis.clearTimeout.bind(globalThis);

/** A 1-based position in the user's source. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** How a {@link SandboxRuntime} reports and where its data lives. */
export interface SandboxRuntimeOptions {
  /** Receives every event of the run. */
  emit(event: SandboxEvent): void;
  /** IndexedDB database that `IndexedDBAdapter` uses when the program names none. */
  database: string;
  /** Maps an error's stack to the user's source, when it can. */
  locate?(error: unknown): SourcePosition | undefined;
  /**
   * How long an update may be in progress, with no storage or API call, while the worker is idle,
   * before it is reported as waiting (`update-waiting`). Default 4000 ms.
   */
  waitingMs?: number;
  /** How often the runtime looks for waiting updates while any update is in progress. Default 500 ms. */
  waitingCheckMs?: number;
  /**
   * Live mode: the program's bots use the real Bot API at `apiRoot` with the reader's `token`, through
   * `fetch` (which must reach nothing but that root); updates come from Telegram, not from the page.
   */
  live?: { token: string; apiRoot: string; fetch: typeof fetch };
}

/** The error grammY wrapped, or the value itself: users care about what their handler threw. */
function innerError(error: unknown): unknown {
  return error instanceof grammy.BotError ? error.error : error;
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/** Runs one program and feeds it updates. One instance per sandbox run. */
export class SandboxRuntime implements OfflineEnvironment {
  /** The simulated Telegram every bot of the program talks to. */
  readonly simulator: ApiSimulator;
  /** What `globalThis.__sessionLabModules` must hold before the program runs. */
  readonly modules: Readonly<Record<AvailableModule, unknown>>;
  /** {@inheritDoc OfflineEnvironment.live} */
  readonly live?: LiveConnection;

  private readonly options: SandboxRuntimeOptions;
  private readonly storages: StorageTracker;
  private readonly bots: OfflineBot[] = [];
  private startedBot: OfflineBot | undefined;
  /** Updates being handled, innermost last; the last one is "the current update". */
  private readonly handling: number[] = [];
  /** Updates dispatched together that are still in flight: with more than one, no update is current. */
  private readonly together = new Set<number>();
  /** Updates already announced with update-received that have not been handled yet. */
  private readonly announced = new Set<number>();
  /** `handleUpdate` calls run one after another, like long polling handles them. */
  private direct: Promise<void> = Promise.resolve();
  private ready = false;
  private loadStarted = 0;
  /** The started bot's `bot.start()` settled and it has not been started again. */
  private pollingEnded = false;
  private readonly stalls: StallDetector;
  private readonly pending = new PendingStorageCalls();
  /** The last storage call that returned, per update in progress. */
  private readonly lastCall = new Map<number, WaitingStorageCall>();
  private readonly waitingCheckMs: number;
  private stallTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: SandboxRuntimeOptions) {
    this.stalls = new StallDetector({ thresholdMs: options.waitingMs ?? 4000 });
    this.waitingCheckMs = options.waitingCheckMs ?? 500;
    // Storage and API calls made for an update are its signs of life.
    const emit = options.emit;
    options = {
      ...options,
      emit: (event) => {
        if ((event.type === "storage" || event.type === "api-call") && event.updateId !== undefined) {
          this.stalls.activity(event.updateId, performance.now());
          if (event.type === "storage" && this.stalls.has(event.updateId)) {
            this.lastCall.set(event.updateId, { op: event.op, key: event.key, storageIndex: event.storageIndex });
          }
        }
        emit(event);
      },
    };
    this.options = options;
    this.simulator = new ApiSimulator({
      onCall: (event) => options.emit(event),
      onUpdateDropped: (update, reason) => this.dropped(update, reason),
      currentUpdateId: () => this.currentUpdateId,
    });
    if (options.live) {
      const transformer = liveReporter({
        onCall: (event) => options.emit(event),
        onUnreachable: (event) => options.emit(event),
        currentUpdateId: () => this.currentUpdateId,
      });
      this.live = Object.freeze({ ...options.live, transformer });
    }
    this.storages = new StorageTracker({ report: (event) => options.emit(event) });
    const offlineGrammy = createOfflineGrammy(this);
    this.modules = Object.freeze({
      grammy: offlineGrammy,
      "grammy/web": offlineGrammy,
      // "grammy/types" is types only, apart from InputFile (its Node build would pull in fs).
      "grammy/types": Object.freeze({ InputFile: grammy.InputFile }),
      "@session-lab/adapters-browser": Object.freeze({
        ...adapters,
        IndexedDBAdapter: defaultDatabase(adapters.IndexedDBAdapter, options.database),
        observeStorage: traceableObserver(adapters.observeStorage),
      }),
      "idb-keyval": idbKeyval,
      // The runner's own loop needs Node; its middleware is what a program installs to keep updates apart.
      "@grammyjs/runner": Object.freeze({ sequentialize }),
    });
  }

  /** Every `Bot` the program created, oldest first. */
  get createdBots(): readonly OfflineBot[] {
    return this.bots;
  }

  /** The update grammY is handling right now, if any (none while updates dispatched together overlap). */
  get currentUpdateId(): number | undefined {
    if (this.together.size > 1) return undefined;
    return this.handling[this.handling.length - 1];
  }

  /**
   * Runs the program (`load` evaluates the bundle) and reports `ready`, or an `error` in phase
   * "load". A program that awaits `bot.start()` at top level never finishes loading, so starting a
   * bot counts as ready too. Whenever the module itself fails, even after a bot started (a throw
   * below `bot.start()`), the error is a "load" error: Node and Deno end such a program there. Only
   * an awaited `bot.start()` rejecting with the update's `BotError` is "unhandled": that is the bot
   * stopping, which `bot-stopped` already reports.
   */
  async run(load: () => Promise<unknown>): Promise<void> {
    this.loadStarted = performance.now();
    try {
      await load();
      this.markReady();
    } catch (error) {
      this.reportError(this.ready && error instanceof grammy.BotError ? "unhandled" : "load", error);
    }
  }

  /**
   * Delivers an update a user sent: to the queue `bot.start()` polls if a bot was started,
   * otherwise to `handleUpdate` of the most recently created bot, one update at a time.
   */
  dispatch(update: Update): void {
    if (this.live) {
      // In live mode updates come from Telegram; one made up on the page would make the bot answer chats that do not exist.
      this.options.emit({ type: "not-delivered", update, reason: "dropped", message: "In live mode, updates come from Telegram: write to your bot in a Telegram app." });
      return;
    }
    const updateId = update.update_id;
    const started = this.startedBot;
    if (started && this.pollingEnded && !started.isRunning()) {
      // Nothing polls any more: the reader is told at once instead of the update waiting unseen in a queue.
      this.options.emit({ type: "not-delivered", update, reason: "bot-stopped" });
      return;
    }
    this.announced.add(updateId);
    this.options.emit({ type: "update-received", updateId, update, at: performance.timeOrigin + performance.now() });
    if (started) {
      this.simulator.enqueueUpdate(update);
      return;
    }
    this.simulator.observeUpdate(update);
    const bot = this.bots[this.bots.length - 1];
    if (!bot) {
      this.finish(updateId, 0, "The program created no Bot, so nothing handled this update.");
      return;
    }
    // Errors are reported by updateFinished; swallowing here keeps the chain going.
    this.direct = this.direct.then(() => bot.handleUpdate(update)).catch(() => undefined);
  }

  /**
   * Delivers updates all at once, as a webhook server or grammY's runner does: each goes to `handleUpdate`
   * of the bot (the started one, else the most recently created) without waiting for the others, so their
   * middleware interleaves wherever it awaits. A polling bot's queue is bypassed, as a webhook bypasses it.
   */
  dispatchConcurrently(updates: readonly Update[]): void {
    const bot = this.startedBot ?? this.bots[this.bots.length - 1];
    for (const update of updates) {
      this.announced.add(update.update_id);
      this.options.emit({ type: "update-received", updateId: update.update_id, update, at: performance.timeOrigin + performance.now() });
      this.simulator.observeUpdate(update);
    }
    for (const update of updates) {
      const updateId = update.update_id;
      if (!bot) {
        this.finish(updateId, 0, "The program created no Bot, so nothing handled this update.");
        continue;
      }
      this.together.add(updateId);
      // Errors are reported by updateFinished.
      void bot
        .handleUpdate(update)
        .catch(() => undefined)
        .finally(() => this.together.delete(updateId));
    }
  }

  /**
   * Live mode's Stop: every bot that polls stops as `bot.stop()` stops it (its long poll is cancelled and the
   * updates it handled are confirmed to Telegram, so the next run does not get them again); then
   * `polling-stopped` is reported, whatever the outcome, so the page can end the worker.
   */
  async stopPolling(): Promise<void> {
    await Promise.allSettled(this.bots.filter((bot) => bot.isRunning()).map((bot) => bot.stop()));
    this.options.emit({ type: "polling-stopped" });
  }

  /** Reports an error that escaped the program (an unhandled rejection, a throwing timer). */
  reportUnhandled(error: unknown): void {
    this.reportError("unhandled", error);
  }

  // ── OfflineEnvironment ──────────────────────────────────────────────────────────────────

  /** {@inheritDoc OfflineEnvironment.observeStorage} */
  observeStorage<T>(storage: grammy.StorageAdapter<T>, use: StorageUse): StorageFor<T> {
    const storageFor = this.storages.observe(storage, use);
    const storageIndex = this.storages.observedCount - 1;
    return (updateId) => this.pending.wrap(storageFor(updateId), storageIndex, updateId);
  }

  /** {@inheritDoc OfflineEnvironment.botCreated} */
  botCreated(bot: OfflineBot): void {
    this.bots.push(bot);
  }

  /** {@inheritDoc OfflineEnvironment.botStarted} */
  botStarted(bot: OfflineBot): void {
    this.startedBot = bot;
    if (this.pollingEnded) {
      this.pollingEnded = false;
      this.options.emit({ type: "bot-started" });
    }
    queueMicrotask(() => this.markReady());
  }

  /** {@inheritDoc OfflineEnvironment.botStopped} */
  botStopped(bot: OfflineBot, error?: unknown): void {
    // A second bot.start() on a polling bot returns at once; only the bot that polls, stopping, counts.
    if (bot !== this.startedBot || bot.isRunning() || this.pollingEnded) return;
    this.pollingEnded = true;
    const event: Extract<SandboxEvent, { type: "bot-stopped" }> = { type: "bot-stopped" };
    if (error !== undefined) {
      event.error = this.summarize(error);
      const updateId = error instanceof grammy.BotError ? error.ctx?.update?.update_id : undefined;
      if (typeof updateId === "number") event.updateId = updateId;
    }
    this.options.emit(event);
  }

  /** {@inheritDoc OfflineEnvironment.updateStarted} */
  updateStarted(update: Update): void {
    const updateId = update.update_id;
    if (!this.announced.has(updateId)) {
      // The program fed this update itself (bot.handleUpdate in its own code): show it too.
      this.announced.add(updateId);
      this.options.emit({ type: "update-received", updateId, update, at: performance.timeOrigin + performance.now() });
    }
    this.handling.push(updateId);
    this.stalls.started(updateId, performance.now());
    this.scheduleStallCheck();
  }

  /** {@inheritDoc OfflineEnvironment.updateFinished} */
  updateFinished(update: Update, durationMs: number, error?: unknown): void {
    const updateId = update.update_id;
    const at = this.handling.lastIndexOf(updateId);
    if (at !== -1) this.handling.splice(at, 1);
    this.stalls.finished(updateId);
    this.lastCall.delete(updateId);
    if (error === undefined) {
      this.finish(updateId, durationMs);
      return;
    }
    const inner = innerError(error);
    this.finish(updateId, durationMs, describeError(inner));
    this.reportError("update", inner, updateId);
  }

  /** {@inheritDoc OfflineEnvironment.runAsUpdate} */
  runAsUpdate<T>(updateId: number | undefined, fn: () => T): T {
    if (updateId === undefined) return fn();
    this.handling.push(updateId);
    const done = () => {
      const at = this.handling.lastIndexOf(updateId);
      if (at !== -1) this.handling.splice(at, 1);
    };
    let result: T;
    try {
      result = fn();
    } catch (error) {
      done();
      throw error;
    }
    if (result instanceof Promise) return result.finally(done) as T;
    done();
    return result;
  }

  // ── Reporting ───────────────────────────────────────────────────────────────────────────

  /** Where `error` happened in the user's source: its own stack, or where the failed API call was made. */
  private locate(error: unknown): SourcePosition | undefined {
    const locate = this.options.locate;
    if (!locate) return undefined;
    const own = locate(error);
    if (own || !(error instanceof grammy.GrammyError)) return own;
    const callSite = this.simulator.callSiteOf(error.payload);
    return callSite === undefined ? undefined : locate({ stack: callSite });
  }

  private markReady(): void {
    if (this.ready) return;
    this.ready = true;
    this.options.emit({ type: "ready", durationMs: performance.now() - this.loadStarted });
  }

  private finish(updateId: number, durationMs: number, error?: string): void {
    this.announced.delete(updateId);
    const event: SandboxEvent = { type: "update-handled", updateId, durationMs };
    if (error !== undefined) event.error = error;
    this.options.emit(event);
  }

  private dropped(update: Update, reason: string): void {
    this.options.emit({ type: "console", level: "warn", text: reason });
    if (!this.announced.has(update.update_id)) return;
    this.finish(update.update_id, 0, reason);
    this.options.emit({ type: "not-delivered", update, reason: "dropped", message: reason });
  }

  /**
   * Looks for waiting updates every `waitingCheckMs` while any update is in progress. The check runs on a
   * timer, so it cannot run while the worker is stuck in a loop; a check that runs late is not trusted.
   */
  private scheduleStallCheck(): void {
    if (this.stallTimer !== undefined) return;
    const planned = performance.now() + this.waitingCheckMs;
    this.stallTimer = setTimer(() => {
      this.stallTimer = undefined;
      const now = performance.now();
      for (const { updateId, waitedMs } of this.stalls.check(now, planned)) {
        const event: Extract<SandboxEvent, { type: "update-waiting" }> = {
          type: "update-waiting",
          updateId,
          waitedMs,
          queued: [...this.announced].filter((id) => id !== updateId && !this.stalls.has(id)).length,
        };
        const pending = this.pending.oldest(updateId);
        const last = this.lastCall.get(updateId);
        if (pending) event.pending = pending;
        else if (last) event.lastCall = last;
        this.options.emit(event);
      }
      if (this.stalls.inProgress > 0) this.scheduleStallCheck();
    }, this.waitingCheckMs);
  }

  /** Stops looking for waiting updates (the run is over). */
  dispose(): void {
    if (this.stallTimer !== undefined) clearTimer(this.stallTimer);
    this.stallTimer = undefined;
  }

  /** What the reader needs to know of `error` (the handler's own error, for a `BotError`). */
  private summarize(error: unknown): ErrorSummary {
    const inner = innerError(error);
    const summary: ErrorSummary = { name: errorName(inner), message: errorMessage(inner) };
    const position = this.locate(inner);
    if (position) {
      summary.line = position.line;
      summary.column = position.column;
    }
    return summary;
  }

  private reportError(phase: "load" | "update" | "unhandled", error: unknown, updateId?: number): void {
    const event: Extract<SandboxEvent, { type: "error" }> = { type: "error", phase, ...this.summarize(error) };
    const id = updateId ?? this.currentUpdateId;
    if (id !== undefined) event.updateId = id;
    this.options.emit(event);
  }
}

/** `IndexedDBAdapter` whose database defaults to the run's, so playgrounds on different pages don't share data. */
function defaultDatabase(Base: typeof adapters.IndexedDBAdapter, database: string): typeof adapters.IndexedDBAdapter {
  return class IndexedDBAdapter<T> extends Base<T> {
    constructor(options: adapters.IndexedDBAdapterOptions = {}) {
      super({ ...options, database: options.database ?? database });
    }
  };
}

/** The package's `observeStorage`, with each wrapper it returns traced back to the storage it observes. */
function traceableObserver(observe: typeof adapters.observeStorage): typeof adapters.observeStorage {
  return (storage, listener) => {
    const observed = observe(storage, listener);
    recordWrapper(observed, storage, false);
    return observed;
  };
}
