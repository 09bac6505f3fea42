/**
 * Runs a program through the real compile path and a {@link SandboxRuntime} in Node, for tests:
 * the compiler's `bundleProgram` (native esbuild) produces the same registry-reading bundle the
 * browser gets, the bundle is written to a temporary file and imported, and every event is kept.
 * Only the worker boundary (postMessage, blob URL, network lockdown) is left out.
 */
import * as esbuild from "esbuild";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleProgram } from "../../compiler/bundle";
import { MODULE_REGISTRY, type SandboxEvent } from "../../protocol";
import { SandboxRuntime, type SandboxRuntimeOptions } from "../sandbox-runtime";
import { StackMapper } from "../stack-mapper";

/** A program running in a test. */
export interface ProgramHarness {
  runtime: SandboxRuntime;
  /** Every event so far, in order. */
  events: SandboxEvent[];
  /** Settles when the program's module has been evaluated (or failed to). */
  loaded: Promise<void>;
  /** Events of one type. */
  eventsOf<T extends SandboxEvent["type"]>(type: T): Extract<SandboxEvent, { type: T }>[];
  /** Resolves with the first event (past or future) that matches, or rejects after `timeoutMs`. */
  waitFor<T extends SandboxEvent["type"]>(
    type: T,
    predicate?: (event: Extract<SandboxEvent, { type: T }>) => boolean,
    timeoutMs?: number,
  ): Promise<Extract<SandboxEvent, { type: T }>>;
  /** Stops every bot that is still polling, so no long poll outlives the test. */
  stop(): Promise<void>;
}

let programCount = 0;

/** Compiles `source` as `filename` and runs it in a fresh {@link SandboxRuntime}. */
export async function startProgram(
  source: string,
  options: { filename?: string; database?: string; waitingMs?: number; waitingCheckMs?: number; live?: SandboxRuntimeOptions["live"] } = {},
): Promise<ProgramHarness> {
  const filename = options.filename ?? "bot.ts";
  const compiled = await bundleProgram(esbuild, source, filename);
  if (!compiled.ok) throw new Error(`The test program does not compile: ${JSON.stringify(compiled.diagnostics)}`);
  const dir = mkdtempSync(join(tmpdir(), "session-lab-sandbox-"));
  const file = join(dir, `program-${++programCount}.mjs`);
  writeFileSync(file, compiled.code);
  // Node writes plain paths in stack frames for files it imports this way.
  const mapper = new StackMapper(file, compiled.map, filename);
  const events: SandboxEvent[] = [];
  const waiters = new Set<() => void>();
  const runtime = new SandboxRuntime({
    emit: (event) => {
      events.push(event);
      for (const wake of waiters) wake();
    },
    database: options.database ?? "session-lab-test",
    locate: (error) => mapper.locate(error),
    waitingMs: options.waitingMs,
    waitingCheckMs: options.waitingCheckMs,
    ...(options.live ? { live: options.live } : {}),
  });
  (globalThis as Record<string, unknown>)[MODULE_REGISTRY] = runtime.modules;
  const loaded = runtime.run(() => import(/* @vite-ignore */ file));

  const eventsOf = <T extends SandboxEvent["type"]>(type: T) =>
    events.filter((e): e is Extract<SandboxEvent, { type: T }> => e.type === type);

  const waitFor: ProgramHarness["waitFor"] = (type, predicate = () => true, timeoutMs = 2000) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = eventsOf(type).find(predicate);
        if (!found) return false;
        cleanup();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`No "${type}" event matched within ${timeoutMs} ms. Events: ${JSON.stringify(events.map((e) => e.type))}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(wake);
      };
      const wake = () => void check();
      if (!check()) waiters.add(wake);
    });

  const stop = async () => {
    for (const bot of runtime.createdBots) if (bot.isRunning()) await bot.stop();
  };

  return { runtime, events, loaded, eventsOf, waitFor, stop };
}
