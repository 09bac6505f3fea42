import { depthOf, readDeeperLevels } from "@session-lab/adapters-browser";
import { describeLeaf, walkValue, type LeafKind, type ValueVisitor } from "@session-lab/adapters-browser/values";

/** How many levels of nested objects a formatted value shows; deeper ones are collapsed into a count. */
export const MAX_FORMAT_DEPTH = 16;

/** Options for {@link formatValue}. */
export interface FormatValueOptions {
  /** One item per line, indented. */
  pretty?: boolean;
  /** Cut the text at this many characters, with "…". */
  maxLength?: number;
  /**
   * How collapsed levels read, in the page's language: "… 2,984 more levels"; `null` when the value
   * was too large to count them. English by default.
   */
  deeper?: (levels: number | null) => string;
}

/** "… 2,984 more levels", the English default of {@link FormatValueOptions.deeper}. */
export function deeperInEnglish(levels: number | null): string {
  if (levels === null) return "… more levels";
  return `… ${levels.toLocaleString("en-US")} more ${levels === 1 ? "level" : "levels"}`;
}

/**
 * Shows a stored value the way a reader expects JSON to look, without lying about what IndexedDB and
 * structured clone keep that JSON does not: Dates, Maps, Sets, `undefined`, BigInts and cycles are
 * written in a JavaScript-like notation (`Date(2024-05-01T…)`, `Map { "a" => 1 }`, `[Circular]`).
 * Objects nested deeper than {@link MAX_FORMAT_DEPTH} levels are collapsed into how many levels they
 * hold ("… 2,984 more levels"), and so are the parts a copy already cut (see `deeperLevels` in the
 * adapter package): a value thousands of levels deep would otherwise overflow the stack, and a
 * thousand levels pretty-printed are a million spaces of indentation.
 */
export function formatValue(value: unknown, options: FormatValueOptions = {}): string {
  const writer = jsonLike(options.pretty ?? false, options.deeper ?? deeperInEnglish);
  const text = walkValue(value, writer, { maxDepth: MAX_FORMAT_DEPTH, revisit: "repeat" });
  const max = options.maxLength;
  return max !== undefined && text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text;
}

/** Writers made so far, per `deeper` function (one per page language): flat and pretty. */
const writers = new WeakMap<(levels: number | null) => string, [ValueVisitor<string, string[]>, ValueVisitor<string, string[]>]>();

/** The adapter package's value walk, writing JSON-like text; made once per `deeper` and reused. */
function jsonLike(pretty: boolean, deeper: (levels: number | null) => string): ValueVisitor<string, string[]> {
  let made = writers.get(deeper);
  if (!made) {
    made = [makeWriter("", deeper), makeWriter("  ", deeper)];
    writers.set(deeper, made);
  }
  return made[pretty ? 1 : 0];
}

function makeWriter(step: string, deeper: (levels: number | null) => string): ValueVisitor<string, string[]> {
  const join = (items: string[], depth: number, open: string, close: string) => {
    if (items.length === 0) return `${open}${close}`;
    if (!step) return `${open}${items.join(", ")}${close}`;
    const indent = step.repeat(depth);
    return `${open}\n${items.map((item) => indent + step + item).join(",\n")}\n${indent}${close}`;
  };
  return {
    leaf: (value, kind) => writeLeaf(value, kind, deeper),
    open: () => [],
    add: (items, child, key) => void items.push(typeof key === "string" ? `${JSON.stringify(key)}: ${child}` : child),
    addEntry: (items, key, value) => void items.push(`${key} => ${value}`),
    close(items, _value, kind, depth) {
      if (kind === "array") return join(items, depth, "[", "]");
      if (kind === "map") return `Map ${join(items, depth, "{", "}")}`;
      if (kind === "set") return `Set ${join(items, depth, "[", "]")}`;
      return join(items, depth, "{", "}");
    },
    cut: (value) => deeper(depthOf(value) ?? null),
    again: () => "[Circular]",
    unreadable: (error) => `[value that could not be read: ${String(error)}]`,
  };
}

function writeLeaf(value: unknown, kind: LeafKind, deeper: (levels: number | null) => string): string {
  switch (kind) {
    case "marker":
      return deeper(readDeeperLevels(value) ?? null);
    case "date": {
      const time = (value as Date).getTime();
      return Number.isNaN(time) ? "Date(Invalid)" : `Date(${(value as Date).toISOString()})`;
    }
    case "error":
      return `${(value as Error).name}(${JSON.stringify((value as Error).message)})`;
    case "binary":
    case "node":
    case "function":
    case "symbol":
      return describeLeaf(value, kind);
    default:
      if (typeof value === "string") return JSON.stringify(value);
      // NaN and Infinity as JavaScript writes them (JSON would say null), RegExps as literals.
      return typeof value === "bigint" ? `${value}n` : String(value);
  }
}

/**
 * A duration as people read it: "< 0.1 ms" rather than "0.00 ms" (the clock says little below that),
 * one decimal under 10 ms ("2.4 ms"), whole milliseconds above ("37 ms"). A whole number of milliseconds
 * is what Firefox's and WebKit's coarse `performance.now()` measure: it prints whole ("2 ms", not
 * "2.0 ms"), and a 0 from such a clock means less than one of its ticks ("< 1 ms"). `decimal` is the
 * locale's decimal separator (Spanish writes "2,4 ms").
 */
export function formatDuration(ms: number, decimal: "." | "," = "."): string {
  if (!Number.isFinite(ms) || ms < 0) return "? ms";
  if (Number.isInteger(ms)) return ms === 0 ? "< 1 ms" : `${ms} ms`;
  if (ms < 0.05) return `< ${decimal === "," ? "0,1" : "0.1"} ms`;
  // Rounded first, so 9.96 ms reads "10 ms" (whole) rather than "10.0 ms".
  const tenths = Math.round(ms * 10) / 10;
  if (tenths < 10) return `${tenths.toFixed(1).replace(".", decimal)} ms`;
  return `${Math.round(ms)} ms`;
}
