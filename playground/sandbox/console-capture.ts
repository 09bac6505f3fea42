/**
 * Redirects a program's console to `console` events: each call becomes one formatted line, tagged
 * with the user's line when the caller's stack maps into the user's source.
 */
import type { ConsoleSkippedEvent, SandboxEvent } from "../protocol";
import { ConsoleBudget, type ConsoleBudgetOptions } from "./console-budget";
import { formatConsoleArgs } from "./format-console";
import type { SourcePosition } from "./sandbox-runtime";

/** The `console` event of the protocol. */
export type ConsoleEvent = Extract<SandboxEvent, { type: "console" }>;

/** Where captured console calls go. */
export interface ConsoleCaptureOptions {
  emit(event: ConsoleEvent): void;
  /** Maps the stack of the console call to the user's source. */
  locateStack?(stack: string | undefined): SourcePosition | undefined;
  /** How logged Errors are written (e.g. with their stack mapped to the user's file). */
  describeError?(error: Error): string;
  /**
   * With a budget: lines past it are counted, not formatted or sent, and reported as a
   * `console-skipped` event followed by the last few of them (without their line in the user's code).
   */
  budget?: ConsoleBudgetOptions;
  /** Receives the `console-skipped` events. */
  emitSkipped?(event: ConsoleSkippedEvent): void;
}

type Level = ConsoleEvent["level"];

/**
 * Replaces the methods of `target` (the worker's `console`): log, info, warn, error and debug map
 * to their levels; `dir` and `table` log, `trace` is debug, and a failing `assert` is an error.
 */
export function captureConsole(target: Console, options: ConsoleCaptureOptions): void {
  const format = (args: readonly unknown[]) => formatConsoleArgs(args, { describeError: options.describeError });
  type Line = { level: Level; args: readonly unknown[] };
  const budget =
    options.budget &&
    new ConsoleBudget<Line>((count, tail) => {
      if (count > 0) options.emitSkipped?.({ type: "console-skipped", count });
      for (const line of tail) options.emit({ type: "console", level: line.level, text: format(line.args) });
    }, options.budget);
  const send = (level: Level, args: readonly unknown[]) => {
    if (budget && !budget.admitLine()) return budget.leaveOut({ level, args });
    const text = format(args);
    if (budget && !budget.admitText(text.length)) return budget.leaveOut({ level, args });
    const event: ConsoleEvent = { type: "console", level, text };
    const position = options.locateStack?.(new Error().stack);
    if (position) event.line = position.line;
    options.emit(event);
  };
  const methods: Record<string, (...args: unknown[]) => void> = {
    log: (...args) => send("log", args),
    info: (...args) => send("info", args),
    warn: (...args) => send("warn", args),
    error: (...args) => send("error", args),
    debug: (...args) => send("debug", args),
    dir: (value) => send("log", [value]),
    table: (...args) => send("log", args),
    trace: (...args) => send("debug", ["Trace:", ...args]),
    assert: (condition, ...args) => {
      if (!condition) send("error", ["Assertion failed:", ...(args.length > 0 ? args : ["console.assert"])]);
    },
  };
  for (const [name, fn] of Object.entries(methods)) {
    Object.defineProperty(target, name, { value: fn, writable: true, configurable: true, enumerable: true });
  }
}
