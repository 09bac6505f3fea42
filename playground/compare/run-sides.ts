/**
 * Runs one scenario through every side of a comparison: each side's generated program is compiled by
 * the playground's compiler and run in its own sandbox worker (real grammY, `IndexedDBAdapter` on its
 * own object store, every storage call observed), and the sides get the same updates in lockstep, one
 * update at a time, as `bot.start()` would hand them over; or, with `allAtOnce`, every update at once
 * (the lost-update view: a program without `bot.start()` gets them by concurrent dispatch). Framework-free,
 * like the runner it drives: the Vue views subscribe to the events and tally them.
 *
 * Each side has a database of its own ({@link sideDatabase}), so the sides starting together never
 * upgrade one database at the same time: WebKit can leave a database wedged for good when several
 * workers add object stores to it at once. And every wait has a deadline ({@link DeadlineError}).
 */
import type { Update } from "grammy/types";
import { getCompiler, type CompileResult, type InitProgress } from "../compiler/client";
import type { RunnerEvent, SandboxEvent } from "../protocol";
import { SandboxRunner } from "../run/runner";
import { generateProgram, type ProgramSpec } from "../scenario";
import { DeadlineError, withDeadline } from "../scenario/deadline";
import type { Locale } from "../i18n/locale";

/** One side as a run needs it: an id (which names its database) and the program it runs. */
export interface RunSide {
  id: string;
  spec: ProgramSpec;
}

/** What {@link runSides} needs. */
export interface RunSidesOptions {
  sides: readonly RunSide[];
  locale: Locale;
  updates: readonly Update[];
  /** The view's database name; each side's database is named after it ({@link sideDatabase}), and emptied before the run. */
  database: string;
  /** Receives each side's sandbox events as they arrive, tagged with the side's index. */
  onEvent(sideIndex: number, event: SandboxEvent): void;
  /** Told when update `index` (0-based) has been handled by every side (with `allAtOnce`: once, for the last). */
  onUpdateDone?(index: number): void | Promise<void>;
  /**
   * Sends every update at once instead of in lockstep: a side whose program takes them concurrently
   * (`spec.concurrent`) gets them in one batch, handed to the bot all at the same time; any other side gets
   * them in order, for `bot.start()` to take one at a time. Resolves when every side has handled all.
   */
  allAtOnce?: boolean;
  /** Download progress of the compiler, the first time it loads. */
  onCompilerProgress?: InitProgress;
  /** A pause after each update so readers can follow the lanes fill; 0 for none. */
  paceMs?: number;
  /** Aborts the run: the workers are stopped and the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Empties a database before the run (the page's store reader); injected so this file stays DOM-free. */
  clearDatabase(database: string): Promise<void>;
  /** How long each wait may take; the defaults are {@link DEADLINES}. */
  deadlines?: Partial<Deadlines>;
}

/** How long a comparison waits for each thing, in ms, before it fails with a {@link DeadlineError}. */
export interface Deadlines {
  /** Compiling every side's program, once the compiler has started (its start has a deadline of its own). */
  compile: number;
  /** A sandbox loading its program until it is ready for updates. */
  start: number;
  /** Every side handling one update (a blocked IndexedDB open fails within 10 s in the adapter first). */
  update: number;
  /** The page emptying the sides' databases. */
  clear: number;
}

/** The deadlines of a run; generous, since a phone or a busy machine can be slow. */
export const DEADLINES: Deadlines = { compile: 60_000, start: 40_000, update: 20_000, clear: 15_000 };

/**
 * The database of one side: the view's name and the side's id. A sandbox may open its own database and
 * names under it (`<database>:…`), so the sides' programs use theirs without naming it.
 */
export function sideDatabase(database: string, side: RunSide): string {
  return `${database}:${side.id}`;
}

/** A side's sandbox stopped or failed in a way that makes its counts meaningless. */
export class SideFailedError extends Error {
  constructor(
    readonly sideIndex: number,
    message: string,
  ) {
    super(message);
    this.name = "SideFailedError";
  }
}

/**
 * Compiled generated programs, by source. A side's program depends only on its spec and the locale,
 * so "Run again" and the other view on the page reuse the bundle instead of compiling it anew.
 */
const compiled = new Map<string, Promise<CompileResult>>();

function compileOnce(source: string): Promise<CompileResult> {
  let result = compiled.get(source);
  if (!result) {
    result = getCompiler().compile(source, "bot.ts");
    compiled.set(source, result);
    // A compiler that could not run is worth trying again next time.
    result.catch(() => compiled.delete(source));
  }
  return result;
}

/** One side's sandbox, with a way to wait for its events. */
class SideSandbox {
  readonly runner = new SandboxRunner();
  private waiters = new Set<(event: SandboxEvent | RunnerEvent) => void>();

  constructor(
    readonly index: number,
    onEvent: (event: SandboxEvent) => void,
  ) {
    this.runner.onEvent((event) => {
      if (event.type !== "started" && event.type !== "stopped") onEvent(event);
      for (const wake of [...this.waiters]) wake(event);
    });
  }

  /** Resolves with the first event `accept` takes; rejects if the sandbox stops or the program fails first. */
  until(accept: (event: SandboxEvent) => boolean, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (error?: Error) => {
        this.waiters.delete(wake);
        signal?.removeEventListener("abort", aborted);
        if (error) reject(error);
        else resolve();
      };
      const aborted = () => done(signal?.reason instanceof Error ? signal.reason : new Error("aborted"));
      const wake = (event: SandboxEvent | RunnerEvent) => {
        if (event.type === "stopped") done(new SideFailedError(this.index, event.message ?? `the sandbox stopped (${event.reason})`));
        else if (event.type === "error") done(new SideFailedError(this.index, `${event.name}: ${event.message}`));
        else if (event.type !== "started" && accept(event)) done();
      };
      if (signal?.aborted) return aborted();
      signal?.addEventListener("abort", aborted);
      this.waiters.add(wake);
    });
  }
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
}

/** Sends every update to every side at once (see {@link RunSidesOptions.allAtOnce}) and waits until all are handled. */
async function sendAllAtOnce(
  sandboxes: readonly SideSandbox[],
  sides: readonly RunSide[],
  updates: readonly Update[],
  deadlineMs: number,
  signal?: AbortSignal,
): Promise<void> {
  const handled = sandboxes.map(() => new Set<number>());
  const all = sandboxes.map((sandbox, index) => {
    const waits = updates.map((update) =>
      sandbox
        .until((e) => e.type === "update-handled" && e.updateId === update.update_id, signal)
        .then(() => void handled[index]!.add(update.update_id)),
    );
    // Each sandbox gets its own copies: the workers must not share what they are sent.
    const copies = structuredClone([...updates]);
    if (sides[index]!.spec.concurrent) sandbox.runner.sendConcurrently(copies);
    else for (const update of copies) sandbox.runner.send(update);
    return Promise.all(waits);
  });
  // The deadline names the first update some side has not handled.
  const firstMissing = () => updates.findIndex((u) => handled.some((ids) => !ids.has(u.update_id))) + 1;
  await withDeadline(Promise.all(all), deadlineMs, () => new DeadlineError("update", deadlineMs, firstMissing()));
}

/** Runs the scenario on every side; resolves when every update was handled everywhere. */
export async function runSides(options: RunSidesOptions): Promise<void> {
  const { sides, signal } = options;
  const deadlines = { ...DEADLINES, ...options.deadlines };
  // The compiler's start has a deadline of its own that counts from its last sign of life, so a slow
  // download that keeps arriving is not cut short.
  await getCompiler().init(options.onCompilerProgress);
  const compiling = Promise.all(
    sides.map(async (side, index) => {
      const result = await compileOnce(generateProgram(side.spec, options.locale));
      // The programs are generated here and type-checked by the unit tests: not compiling is a bug.
      if (!result.ok) throw new SideFailedError(index, result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join("\n"));
      return { code: result.code, map: result.map, filename: "bot.ts" };
    }),
  );
  const programs = await withDeadline(compiling, deadlines.compile, () => new DeadlineError("compile", deadlines.compile));
  signal?.throwIfAborted();
  const databases = sides.map((side) => sideDatabase(options.database, side));
  await withDeadline(
    Promise.all(databases.map((database) => options.clearDatabase(database))),
    deadlines.clear,
    () => new DeadlineError("database", deadlines.clear),
  );
  signal?.throwIfAborted();

  const sandboxes = sides.map((_, index) => new SideSandbox(index, (event) => options.onEvent(index, event)));
  const stopAll = () => sandboxes.forEach((s) => s.runner.stop());
  signal?.addEventListener("abort", stopAll, { once: true });
  try {
    await withDeadline(
      Promise.all(
        sandboxes.map((sandbox, index) => {
          const ready = sandbox.until((e) => e.type === "ready", signal);
          sandbox.runner.run(programs[index], { database: databases[index] });
          return ready;
        }),
      ),
      deadlines.start,
      () => new DeadlineError("sandbox-start", deadlines.start),
    );
    if (options.allAtOnce) {
      await sendAllAtOnce(sandboxes, sides, options.updates, deadlines.update, signal);
      await options.onUpdateDone?.(options.updates.length - 1);
      return;
    }
    for (const [index, update] of options.updates.entries()) {
      await withDeadline(
        Promise.all(
          sandboxes.map((sandbox) => {
            const handled = sandbox.until((e) => e.type === "update-handled" && e.updateId === update.update_id, signal);
            // Each sandbox gets its own copy: the workers must not share what they are sent.
            sandbox.runner.send(structuredClone(update));
            return handled;
          }),
        ),
        deadlines.update,
        () => new DeadlineError("update", deadlines.update, index + 1),
      );
      await options.onUpdateDone?.(index);
      signal?.throwIfAborted();
      if (index < options.updates.length - 1) await pause(options.paceMs ?? 0, signal);
    }
  } finally {
    signal?.removeEventListener("abort", stopAll);
    stopAll();
  }
}
