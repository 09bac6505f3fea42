/**
 * The main thread's handle on the compiler worker. Framework-free, and safe to import during VitePress SSR:
 * nothing touches `Worker` or `window` until the first call.
 */
import { toPlaygroundLocale } from "../i18n";
import { compilerStrings } from "../i18n/compiler";
import type { CompilerRequest, CompilerResponse, Diagnostic } from "../protocol";
import { createCompileCache, type CompileCache } from "./compile-cache";
// The worker's built (hashed) URL: it changes whenever the compiler does, so it also versions the cache.
import compilerWorkerUrl from "./compiler.worker.ts?worker&url";
import { errorMessage } from "../error-text";
import type { Locale } from "../i18n/locale";

/** A compile's outcome: the ES module bundle and its source map (JSON), or the diagnostics that stopped it. */
export type CompileResult =
  | { ok: true; code: string; map: string; durationMs: number; warnings: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[]; durationMs: number };

/** Download progress of the compiler (esbuild's wasm), in bytes. */
export type InitProgress = (loaded: number, total: number) => void;

/** The playground's compiler: esbuild in a worker, loaded on first use. */
export interface Compiler {
  /**
   * Downloads and starts esbuild. Idempotent: calls made before it settles share one promise (each caller's
   * `onProgress` is told about the download); after a failure the next call tries again.
   */
  init(onProgress?: InitProgress): Promise<void>;
  /**
   * Bundles one file of TypeScript (or JavaScript, by `filename`'s extension). Starts the compiler if needed.
   * Resolves with diagnostics for errors in the code, worded in `locale` (by default the page's language);
   * rejects only when the compiler cannot run at all.
   */
  compile(code: string, filename?: string, locale?: Locale): Promise<CompileResult>;
  /** Whether `compile` would answer from the cache of programs compiled before, without the compiler. */
  isCached(code: string, filename?: string): boolean;
}

interface Waiter<T> {
  resolve(value: T): void;
  reject(error: Error): void;
}

/** How patient a {@link createCompiler} compiler is. */
export interface CompilerDeadlines {
  /**
   * How long the worker may stay silent while starting (no download progress, no answer) before that
   * attempt is given up. Default 15,000 ms: counted from its last sign of life, so a slow download that
   * keeps arriving is never cut short.
   */
  initStallMs?: number;
  /** How long one compile may go unanswered before the worker is replaced. Default 60,000 ms. */
  compileMs?: number;
}

/** Attempts at starting esbuild before giving up: the first with its nested worker, the second without. */
const START_ATTEMPTS = 2;

/**
 * A compiler talking to workers made by `spawn`, one at a time: a crashed worker is replaced on the next call.
 * A start that stalls (Firefox sometimes never delivers the first message of esbuild's nested worker) is
 * retried once in a fresh worker that runs esbuild without nesting, then reported; a compile that gets no
 * answer replaces the worker. {@link getCompiler} is the one to use; this exists so tests can pass a fake worker.
 */
export function createCompiler(spawn: () => Worker, cache?: CompileCache, deadlines: CompilerDeadlines = {}): Compiler {
  const initStallMs = deadlines.initStallMs ?? 15_000;
  const compileMs = deadlines.compileMs ?? 60_000;
  let worker: Worker | undefined;
  let ready: Promise<void> | undefined;
  let initWaiter: Waiter<void> | undefined;
  /** Fires when the starting worker has been silent for `initStallMs`; restarted by each sign of life. */
  let stallTimer: ReturnType<typeof setTimeout> | undefined;
  let startAttempt = 0;
  const progressListeners = new Set<InitProgress>();
  const pending = new Map<number, Waiter<CompileResult>>();
  let nextId = 1;

  function watchStart(): void {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(stalled, initStallMs);
  }

  /** The starting worker went silent: try once more in a fresh worker without nesting, then give up. */
  function stalled(): void {
    stallTimer = undefined;
    worker?.terminate();
    worker = undefined;
    if (startAttempt < START_ATTEMPTS) {
      startAttempt++;
      watchStart();
      try {
        post({ type: "init", nestedWorker: false });
      } catch (error) {
        crash(errorMessage(error));
      }
      return;
    }
    ready = undefined;
    const strings = compilerStrings(pageLocale());
    settleInit(new Error(strings.couldNotStart(strings.startStalled(seconds(initStallMs)))));
  }

  function post(message: CompilerRequest): void {
    current().postMessage(message);
  }

  function settleInit(error?: Error): void {
    clearTimeout(stallTimer);
    stallTimer = undefined;
    const waiter = initWaiter;
    initWaiter = undefined;
    progressListeners.clear();
    if (error) waiter?.reject(error);
    else waiter?.resolve();
  }

  function onMessage(message: CompilerResponse): void {
    switch (message.type) {
      case "init-progress":
        if (stallTimer !== undefined) watchStart(); // a sign of life: the download is moving
        for (const listener of progressListeners) listener(message.loaded, message.total);
        return;
      case "init-done":
        return settleInit();
      case "init-failed":
        return settleInit(new Error(compilerStrings(pageLocale()).couldNotStart(message.message)));
      case "compiled":
      case "compile-failed": {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        waiter?.resolve(
          message.type === "compiled"
            ? { ok: true, code: message.code, map: message.map, durationMs: message.durationMs, warnings: message.warnings }
            : { ok: false, diagnostics: message.diagnostics, durationMs: message.durationMs },
        );
      }
    }
  }

  /**
   * Rejects everything waiting on the dead worker and forgets it, so the next call starts afresh. `reason`
   * is framed as a crash unless `framed` is false (it is then the whole message).
   */
  function crash(reason: string, framed = true): void {
    const error = new Error(framed ? compilerStrings(pageLocale()).workerCrashed(reason) : reason);
    worker?.terminate();
    worker = undefined;
    ready = undefined;
    settleInit(error);
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  }

  function current(): Worker {
    if (worker) return worker;
    const created = spawn();
    created.addEventListener("message", (event: MessageEvent<CompilerResponse>) => {
      if (created === worker) onMessage(event.data);
    });
    created.addEventListener("error", (event) => {
      if (created === worker) crash((event as ErrorEvent).message || compilerStrings(pageLocale()).workerFailedToLoad);
    });
    created.addEventListener("messageerror", () => {
      if (created === worker) crash(compilerStrings(pageLocale()).messageUnreadable);
    });
    worker = created;
    return created;
  }

  function init(onProgress?: InitProgress): Promise<void> {
    if (ready) {
      if (onProgress && initWaiter) progressListeners.add(onProgress);
      return ready;
    }
    const attempt: Promise<void> = new Promise<void>((resolve, reject) => {
      initWaiter = { resolve, reject };
    }).catch((error: Error) => {
      if (ready === attempt) ready = undefined;
      throw error;
    });
    ready = attempt;
    if (onProgress) progressListeners.add(onProgress);
    startAttempt = 1;
    watchStart();
    try {
      post({ type: "init" });
    } catch (error) {
      // No worker at all (an old browser, or a blocked script): fail like a crash, not synchronously.
      crash(errorMessage(error));
    }
    return attempt;
  }

  async function compile(code: string, filename = "bot.ts", locale = pageLocale()): Promise<CompileResult> {
    const started = performance.now();
    const cached = cache?.get(code, filename);
    // Only successful compiles are kept, and warnings are not: a cached program had none worth keeping.
    if (cached) return { ok: true, ...cached, warnings: [], durationMs: performance.now() - started };
    await init();
    const id = nextId++;
    const result = await new Promise<CompileResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        // No answer: the worker is stuck. Replacing it fails every compile waiting on it; the next starts afresh.
        if (pending.has(id)) crash(compilerStrings(pageLocale()).compileTimedOut(seconds(compileMs)), false);
      }, compileMs);
      const done = () => clearTimeout(timer);
      pending.set(id, {
        resolve: (value) => (done(), resolve(value)),
        reject: (error) => (done(), reject(error)),
      });
      post({ type: "compile", id, code, filename, locale });
    });
    if (result.ok && result.warnings.length === 0) cache?.set(code, filename, { code: result.code, map: result.map });
    return result;
  }

  function isCached(code: string, filename = "bot.ts"): boolean {
    return cache?.get(code, filename) !== undefined;
  }

  return { init, compile, isCached };
}

/** Seconds for a sentence ("15"), in digits both languages read. */
function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

let singleton: Compiler | undefined;

/** This tab's compiler. The worker, and esbuild in it, start on the first `init` or `compile`, not before. */
export function getCompiler(): Compiler {
  singleton ??= createCompiler(
    () => new Worker(compilerWorkerUrl, { type: "module" }),
    createCompileCache(browserStorage(), compilerWorkerUrl),
  );
  return singleton;
}

/**
 * The language of the page (VitePress sets `<html lang>` per locale, and the playground's strings follow it
 * too); English where there is no page, as in Node.
 */
function pageLocale(): Locale {
  return toPlaygroundLocale(typeof document === "undefined" ? undefined : document.documentElement.lang);
}

/** localStorage, when this page may use it (it throws in some privacy modes, and is absent in workers). */
function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
