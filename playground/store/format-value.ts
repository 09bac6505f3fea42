import { depthOf, readDeeperLevels } from "@session-lab/adapters-browser";

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

interface Writer {
  step: string;
  deeper: (levels: number | null) => string;
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
  const writer: Writer = { step: options.pretty ? "  " : "", deeper: options.deeper ?? deeperInEnglish };
  const text = write(value, writer, "", new Set());
  const max = options.maxLength;
  return max !== undefined && text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text;
}

function write(value: unknown, writer: Writer, indent: string, ancestors: Set<object>): string {
  switch (typeof value) {
    case "undefined":
      return "undefined";
    case "string": {
      const cut = readDeeperLevels(value);
      return cut === undefined ? JSON.stringify(value) : writer.deeper(cut);
    }
    case "number":
      return String(value); // NaN and Infinity as JavaScript writes them, where JSON would say null
    case "bigint":
      return `${value}n`;
    case "boolean":
      return String(value);
    case "symbol":
      return value.toString();
    case "function":
      return value.name ? `[Function ${value.name}]` : "[Function]";
    default:
      break;
  }
  if (value === null) return "null";
  const object = value as object;
  if (ancestors.has(object)) return "[Circular]";
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? "Date(Invalid)" : `Date(${object.toISOString()})`;
  if (object instanceof RegExp) return String(object);
  if (ancestors.size >= MAX_FORMAT_DEPTH) return writer.deeper(depthOf(object) ?? null);
  ancestors.add(object);
  try {
    const step = writer.step;
    const inner = indent + step;
    const join = (items: string[], open: string, close: string) => {
      if (items.length === 0) return `${open}${close}`;
      if (!step) return `${open}${items.join(", ")}${close}`;
      return `${open}\n${items.map((item) => inner + item).join(",\n")}\n${indent}${close}`;
    };
    if (Array.isArray(object)) {
      return join(object.map((item) => write(item, writer, inner, ancestors)), "[", "]");
    }
    if (object instanceof Map) {
      const items = [...object].map(([k, v]) => `${write(k, writer, inner, ancestors)} => ${write(v, writer, inner, ancestors)}`);
      return `Map ${join(items, "{", "}")}`;
    }
    if (object instanceof Set) {
      const items = [...object].map((v) => write(v, writer, inner, ancestors));
      return `Set ${join(items, "[", "]")}`;
    }
    const items = Object.keys(object).map(
      (k) => `${JSON.stringify(k)}: ${write((object as Record<string, unknown>)[k], writer, inner, ancestors)}`,
    );
    return join(items, "{", "}");
  } finally {
    ancestors.delete(object);
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
