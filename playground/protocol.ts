/**
 * The contract between the playground's parts. Flow of one run:
 * editor → compiler worker (esbuild-wasm) → sandbox worker (real grammY) → events → store → views.
 * Everything that crosses a worker boundary is declared here, and so is what the page's runner adds to
 * the sandbox's events, so each side can be built and tested alone.
 */
import type { Update } from "grammy/types";
import type { Locale } from "./i18n/locale";

/** Imports a program may use; anything else is a compile error that lists these. */
export const AVAILABLE_MODULES = ["grammy", "grammy/web", "grammy/types", "@session-lab/adapters-browser", "idb-keyval", "@grammyjs/runner"] as const;
/** One of {@link AVAILABLE_MODULES}. */
export type AvailableModule = (typeof AVAILABLE_MODULES)[number];

/**
 * The compiled bundle reaches the allowed packages through this global, set by the sandbox before it runs the bundle:
 * `globalThis[MODULE_REGISTRY][specifier]` is the module namespace. That keeps grammY out of every compile and every bundle.
 */
export const MODULE_REGISTRY = "__sessionLabModules";

// ── Compiler ────────────────────────────────────────────────────────────────────────────────

/** A problem in the user's code, 1-based line and column in the user's source. */
export interface Diagnostic {
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: "error" | "warning";
}

/** Main thread → compiler worker. `locale` is the page's language, which the compile's messages use. */
export type CompilerRequest =
  /** `nestedWorker: false` runs esbuild in the compiler worker itself (a retry after a start that stalled). */
  | { type: "init"; nestedWorker?: false }
  | { type: "compile"; id: number; code: string; filename: string; locale: Locale };

/** Compiler worker → main thread. */
export type CompilerResponse =
  | { type: "init-progress"; loaded: number; total: number }
  | { type: "init-done"; durationMs: number }
  | { type: "init-failed"; message: string }
  | { type: "compiled"; id: number; code: string; map: string; durationMs: number; warnings: Diagnostic[] }
  | { type: "compile-failed"; id: number; diagnostics: Diagnostic[]; durationMs: number };

// ── Sandbox ─────────────────────────────────────────────────────────────────────────────────

/** Where the program's IndexedDB data lives; one database per playground instance so pages don't collide. */
export interface SandboxStorageConfig {
  /** IndexedDB database name the observed default storage and `IndexedDBAdapter` defaults use. */
  database: string;
}

/**
 * Main thread → sandbox worker, the only message on the worker's own channel, sent before anything
 * else: it carries (as its one transferred port) the private channel every other message uses. The
 * worker takes `postMessage` away from the program before the program runs, so nothing the program
 * does can reach the page; anything that still arrives on the worker's own channel is refused.
 */
export interface SandboxConnect {
  type: "connect";
}

/**
 * Live mode: the program's bots use the reader's `token` against the Bot API at `apiRoot` (a root already
 * checked by `parseApiRoot`, the only place the sandbox's fetch may reach) instead of the simulated Telegram.
 */
export interface SandboxLiveConfig {
  token: string;
  apiRoot: string;
}

/** Main thread → sandbox worker, on the private port. */
export type SandboxRequest =
  | { type: "run"; code: string; map: string; filename: string; storage: SandboxStorageConfig; live?: SandboxLiveConfig }
  /** Live mode: stop every polling bot the way `bot.stop()` does (confirming the last updates), then say `polling-stopped`. */
  | { type: "stop-polling" }
  | { type: "update"; update: Update }
  /**
   * Concurrent dispatch: every update is handed to the bot at once, each to `bot.handleUpdate` without waiting
   * for the others, as a webhook server or grammY's runner does (`update` waits its turn, as `bot.start()` does).
   */
  | { type: "updates"; updates: Update[] }
  | { type: "ping"; seq: number };

/** A storage call as the sandbox saw it: the observer's event plus what the key held before and after. */
export interface StorageOpEvent {
  type: "storage";
  id: number;
  op: "read" | "write" | "delete" | "has" | "readAllKeys" | "readAllValues" | "readAllEntries";
  key?: string;
  /** Value read or written (a snapshot taken at call time). */
  value?: unknown;
  found?: boolean;
  /** Snapshot of the key's value before a write/delete, as far as the sandbox knows it. */
  before?: unknown;
  /** Snapshot of the key's value after the call. */
  after?: unknown;
  startedAt: number;
  durationMs: number;
  error?: string;
  /** Which session middleware made the call (0 for the first `session()`/`lazySession()` the program installed). */
  storageIndex: number;
  /** The update whose session middleware made the call (or, for other calls, the update being handled), if any. */
  updateId?: number;
  /**
   * Where the call started and ended among the starts and ends of every storage call of the run (one counter,
   * from 0): with updates handled at the same time, this is the order in which their calls really interleaved.
   */
  startSeq?: number;
  endSeq?: number;
}

/** What kind of storage a session middleware (or one fragment of a multi session) was given. */
export type SessionStorageKind = "memory" | "indexeddb" | "custom";

/**
 * One storage a running program uses, as the sandbox found it on the actual object (never in the
 * source text): grammY's `MemorySessionStorage` (the default one or an explicit one), the adapter
 * package's `IndexedDBAdapter` with the database and object store it really uses, or any other adapter.
 */
export interface SessionStorageInfo {
  /** The index its {@link StorageOpEvent}s carry. */
  storageIndex: number;
  kind: SessionStorageKind;
  /** The middleware it was installed with. */
  middleware: "session" | "lazySession";
  /** The fragment's property, for a multi session. */
  fragment?: string;
  /** No `storage` option: grammY's default `MemorySessionStorage`. */
  default?: boolean;
  /** Wrapped by `enhanceStorage`: the storage underneath holds `{ __d, v?, e? }` records. */
  enhanced?: boolean;
  /** For `indexeddb`: the database and object store the adapter uses. */
  database?: string;
  store?: string;
  /** For `custom`: the adapter's class name, when it has one. */
  className?: string;
}

/** The program installed a session storage (sent once per storage, before any call on it). */
export interface StorageUsedEvent {
  type: "storage-used";
  storage: SessionStorageInfo;
}

/** An error as the page shows it: class name, message and, when the stack could be mapped, the user's line. */
export interface ErrorSummary {
  name: string;
  message: string;
  line?: number;
  column?: number;
}

/**
 * The bot that `bot.start()` started is no longer polling: its `bot.start()` promise settled. With
 * `error`, it rejected (grammY's default error handler prints "Stopping bot" and rethrows the
 * update's error; or its setup failed); without, the program called `bot.stop()`.
 */
export interface BotStoppedEvent {
  type: "bot-stopped";
  /** The update whose error stopped it, when the error is grammY's `BotError`. */
  updateId?: number;
  error?: ErrorSummary;
}

/** Why an update the reader sent never reached the bot's middleware. */
export type NotDeliveredReason = "no-program" | "program-failed" | "bot-stopped" | "dropped";

/**
 * An update the reader sent did not reach the bot. "bot-stopped": the started bot is no longer polling;
 * "dropped": the simulated Telegram dropped it (`message` says why), after it was announced.
 */
export interface NotDeliveredEvent {
  type: "not-delivered";
  update: Update;
  reason: NotDeliveredReason;
  message?: string;
}

/** What a waiting update was last seen doing with storage. */
export interface WaitingStorageCall {
  op: StorageOpEvent["op"];
  key?: string;
  storageIndex: number;
}

/**
 * An update has been in progress for `waitedMs` while the worker was idle (its timers ran on time and
 * the update made no storage or API call for that long): its handler awaits a promise that has not
 * settled. Sent once per update; `update-handled` follows if it ever finishes.
 */
export interface UpdateWaitingEvent {
  type: "update-waiting";
  updateId: number;
  waitedMs: number;
  /** Updates the bot received after it that wait behind it (`bot.start()` handles one at a time). */
  queued: number;
  /** A storage call of this update that was started and has not returned. */
  pending?: WaitingStorageCall;
  /** The last storage call of this update that returned, when none is pending. */
  lastCall?: WaitingStorageCall;
}

/**
 * Sandbox worker → main thread, on the private port: events in the order they happened. Storage calls,
 * API calls and "handled" of one task travel together; every other event leaves at once, with what was
 * queued before it (a program that then loops forever must not keep it back): see `sandbox/event-batcher.ts`.
 */
export type SandboxBatch = SandboxEvent[];

/**
 * The program logged faster than the page shows (the worker lets through a few hundred lines, or
 * about 100,000 characters, per quarter second): `count` lines were left out here.
 */
export interface ConsoleSkippedEvent {
  type: "console-skipped";
  count: number;
}

/** Sandbox worker → main thread, in {@link SandboxBatch}es. */
export type SandboxEvent =
  | { type: "ready"; durationMs: number }
  | BotStoppedEvent
  | { type: "bot-started" }
  | NotDeliveredEvent
  | UpdateWaitingEvent
  | StorageUsedEvent
  | { type: "update-received"; updateId: number; update: Update; at: number }
  | { type: "update-handled"; updateId: number; durationMs: number; error?: string }
  | StorageOpEvent
  | {
      type: "api-call";
      callId: number;
      method: string;
      payload: Record<string, unknown>;
      result?: unknown;
      /** `retry_after`: Telegram's flood wait, in seconds, from the answer's `parameters`. */
      error?: { error_code: number; description: string; retry_after?: number };
      updateId?: number;
      durationMs: number;
    }
  /** Live mode: a Bot API call got no answer at all (no network, a wrong API root, a server that refuses the page). */
  | { type: "api-unreachable"; method: string; message: string; updateId?: number }
  /** Live mode: every bot stopped polling after a `stop-polling` request. */
  | { type: "polling-stopped" }
  | { type: "console"; level: "log" | "info" | "warn" | "error" | "debug"; text: string; line?: number }
  | ConsoleSkippedEvent
  | {
      type: "error";
      phase: "load" | "update" | "unhandled";
      name: string;
      message: string;
      /** 1-based line/column in the user's source, when the stack could be mapped. */
      line?: number;
      column?: number;
      updateId?: number;
    }
  | { type: "pong"; seq: number };

/**
 * Why a run ended. "load-error": the program threw while loading (its top level), which ends a program
 * in Node and Deno too. "flood": it sent more events than the page can show; "refused": it tried to
 * speak to the page outside its private port.
 */
export type StopReason = "user" | "rerun" | "watchdog" | "crashed" | "load-error" | "flood" | "refused";

/**
 * What the page's runner reports about a run's life, next to the worker's {@link SandboxEvent}s. Only
 * the runner sends these: the event check refuses them from a worker. On "stopped", `message` is the
 * error ("ReferenceError: x is not defined") and `line` where it happened, when known.
 */
export type RunnerEvent = { type: "started" } | { type: "stopped"; reason: StopReason; updateId?: number; message?: string; line?: number };
