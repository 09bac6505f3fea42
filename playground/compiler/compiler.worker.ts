/**
 * The compiler worker: esbuild-wasm off the main thread, speaking {@link CompilerRequest}/{@link CompilerResponse}.
 * Start it with `new Worker(new URL("./compiler.worker.ts", import.meta.url), { type: "module" })`; `client.ts` does.
 */
import * as esbuild from "esbuild-wasm/esm/browser.js";
// Shipped with the site by Vite, never fetched from a CDN.
import wasmUrl from "esbuild-wasm/esbuild.wasm?url";
import { compilerStrings } from "../i18n/compiler";
import type { CompilerRequest, CompilerResponse } from "../protocol";
import { bundleProgram } from "./bundle";
import { warmUp } from "./warm-up";
import { loadWasm } from "./wasm-loader";
import { errorMessage } from "../error-text";
import type { Locale } from "../i18n/locale";

// The project's lib is DOM, not WebWorker; these are the two worker globals used here.
const scope = self as unknown as {
  postMessage(message: CompilerResponse): void;
  addEventListener(type: "message", listener: (event: MessageEvent<CompilerRequest>) => void): void;
};

let ready: Promise<number> | undefined;
/** How long after esbuild starts the warm-up waits for a compile request that would make it pointless. */
const WARM_UP_DELAY_MS = 150;
/** Compiles in flight; warming up waits for them. */
let compiling = 0;

/**
 * Loads esbuild and resolves to how long that took. esbuild-wasm refuses a second `initialize`, so every caller
 * shares one attempt; a failed attempt (say, a dropped download) may be retried.
 */
function init(nestedWorker = true): Promise<number> {
  ready ??= (async () => {
    const started = performance.now();
    const wasmModule = await loadWasm(wasmUrl, (loaded, total) =>
      scope.postMessage({ type: "init-progress", loaded, total }),
    );
    // Measured in Chromium: esbuild in a nested worker bundles ~3x faster than in this thread, where every
    // message to Go waits on a setTimeout that browsers clamp to 4 ms. Engines without nested workers run it
    // here, and so does a retry: Firefox sometimes never delivers the nested (blob) worker's first message,
    // and esbuild then waits for good; the page gives up on this worker and asks a new one for no nesting.
    await esbuild.initialize({ wasmModule, worker: nestedWorker && typeof Worker !== "undefined" });
    const durationMs = performance.now() - started;
    // Not at once: a page that runs code right away sends its compile as soon as it hears "init-done", and
    // that compile should not queue behind a warm-up build (the first build of a fresh esbuild is the slow one).
    setTimeout(() => void warmUp(esbuild, () => compiling > 0), WARM_UP_DELAY_MS);
    return durationMs;
  })().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

async function compile(id: number, code: string, filename: string, locale: Locale): Promise<void> {
  const strings = compilerStrings(locale);
  // Counted from the request on, so that a warm-up build never starts while this one waits for esbuild.
  compiling++;
  try {
    await init();
  } catch (error) {
    compiling--;
    scope.postMessage({
      type: "compile-failed",
      id,
      durationMs: 0,
      diagnostics: [
        { message: strings.couldNotStart(errorMessage(error)), line: 1, column: 1, severity: "error" },
      ],
    });
    return;
  }

  const started = performance.now();
  try {
    const result = await bundleProgram(esbuild, code, filename, locale);
    const durationMs = performance.now() - started;
    scope.postMessage(
      result.ok
        ? { type: "compiled", id, code: result.code, map: result.map, durationMs, warnings: result.warnings }
        : { type: "compile-failed", id, diagnostics: result.diagnostics, durationMs },
    );
  } catch (error) {
    scope.postMessage({
      type: "compile-failed",
      id,
      durationMs: performance.now() - started,
      diagnostics: [{ message: strings.crashed(errorMessage(error)), line: 1, column: 1, severity: "error" }],
    });
  } finally {
    compiling--;
  }
}

scope.addEventListener("message", ({ data }) => {
  if (data.type === "init") {
    // Every init request gets exactly one answer, even when esbuild was already loaded.
    init(data.nestedWorker !== false).then(
      (durationMs) => scope.postMessage({ type: "init-done", durationMs }),
      (error: unknown) => scope.postMessage({ type: "init-failed", message: errorMessage(error) }),
    );
  } else if (data.type === "compile") {
    void compile(data.id, data.code, data.filename, data.locale);
  }
});
