/**
 * Maps positions in a stack trace back to the user's source, through the bundle's source map.
 * The bundle runs from a URL of its own (a `blob:` URL in the worker), so the frames that belong
 * to user code are exactly those that name that URL; every browser writes them as `url:line:column`.
 */
import { originalPositionFor, TraceMap } from "@jridgewell/trace-mapping";
import type { SourcePosition } from "./sandbox-runtime";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Finds the user's line and column in stacks of code that ran from one bundle. */
export class StackMapper {
  private readonly map: TraceMap | undefined;
  private readonly frame: RegExp;
  private readonly filename: string | undefined;

  /**
   * @param bundleUrl the URL the bundle was loaded from, as it appears in stack frames
   * @param sourceMap the bundle's source map (JSON text); an unreadable map means no positions
   * @param filename the user's file as named in the map; positions in other sources (the
   *   compiler's registry shims) are skipped. Default: any source counts.
   */
  constructor(bundleUrl: string, sourceMap: string, filename?: string) {
    this.filename = filename;
    try {
      this.map = new TraceMap(sourceMap);
    } catch {
      this.map = undefined;
    }
    this.frame = new RegExp(`${escapeRegExp(bundleUrl)}:(\\d+):(\\d+)`, "g");
  }

  /** The first frame of `stack` that maps into the user's source, 1-based. */
  locateStack(stack: string | undefined): SourcePosition | undefined {
    if (!stack || !this.map) return undefined;
    for (const match of stack.matchAll(this.frame)) {
      const position = originalPositionFor(this.map, { line: Number(match[1]), column: Number(match[2]) - 1 });
      if (position.line !== null && this.isUserSource(position.source)) return { line: position.line, column: position.column + 1 };
    }
    return undefined;
  }

  private isUserSource(source: string | null): boolean {
    if (source === null) return false;
    if (this.filename === undefined) return true;
    return source === this.filename || source.endsWith(`/${this.filename}`);
  }

  /** Where `error` was thrown in the user's source, if its stack reaches user code. */
  locate(error: unknown): SourcePosition | undefined {
    if (typeof error !== "object" || error === null) return undefined;
    const stack = (error as { stack?: unknown }).stack;
    return typeof stack === "string" ? this.locateStack(stack) : undefined;
  }

  /** Rewrites bundle frames in `stack` as `filename:line:column` of the user's source. */
  rewriteStack(stack: string, filename: string): string {
    if (!this.map) return stack;
    const map = this.map;
    return stack.replace(this.frame, (whole, line: string, column: string) => {
      const position = originalPositionFor(map, { line: Number(line), column: Number(column) - 1 });
      if (position.line === null || !this.isUserSource(position.source)) return whole;
      return `${filename}:${position.line}:${position.column + 1}`;
    });
  }
}
