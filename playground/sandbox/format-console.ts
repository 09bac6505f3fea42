/**
 * Formats `console.log` arguments into one line of text the way a browser console would show
 * them: `%s`/`%d`/`%i`/`%f`/`%o`/`%O`/`%c` substitutions, strings as they are, other values inspected
 * (objects shallowly to depth 2, cycles marked, Maps/Sets/Dates/Errors readable).
 */
import { describeLeaf, walkValue, type LeafKind, type ValueVisitor } from "@session-lab/adapters-browser/values";

/** Options for {@link formatConsoleArgs}. */
export interface FormatOptions {
  /** How a top-level Error is shown; default `Name: message` and its stack. */
  describeError?(error: Error): string;
}

const MAX_DEPTH = 2;
const MAX_ITEMS = 50;
const MAX_STRING = 10_000;

/** One console line from the arguments of a console call. */
export function formatConsoleArgs(args: readonly unknown[], options: FormatOptions = {}): string {
  const parts: string[] = [];
  let rest = args;
  if (typeof args[0] === "string" && args[0].includes("%")) {
    let index = 1;
    const text = args[0].replace(/%([sdifoOc%])/g, (whole, directive: string) => {
      if (directive === "%") return "%";
      if (index >= args.length) return whole;
      const value = args[index++];
      switch (directive) {
        case "s":
          return typeof value === "string" ? value : inspect(value, 1);
        case "d":
        case "i":
          return typeof value === "bigint" ? `${value}n` : String(parseInt(String(value), 10));
        case "f":
          return String(parseFloat(String(value)));
        case "c":
          return "";
        default:
          return inspect(value);
      }
    });
    parts.push(text);
    rest = args.slice(index);
  } else if (args.length > 0) {
    parts.push(top(args[0], options));
    rest = args.slice(1);
  }
  for (const value of rest) parts.push(top(value, options));
  const line = parts.join(" ");
  return line.length > MAX_STRING ? `${line.slice(0, MAX_STRING)}… (${line.length - MAX_STRING} more characters)` : line;
}

function top(value: unknown, options: FormatOptions): string {
  if (typeof value === "string") return value;
  if (value instanceof Error) return options.describeError ? options.describeError(value) : (value.stack ?? `${value.name}: ${value.message}`);
  return inspect(value);
}

/**
 * A readable description of any value, as console panes show objects: the adapter package's value
 * walk, to {@link MAX_DEPTH} levels below `depth` (how deep `value` already sits; strings at depth 0
 * are shown as they are, deeper ones quoted).
 */
export function inspect(value: unknown, depth = 0): string {
  const style = depth === 0 ? topStyle : depth === 1 ? nestedStyle : consoleStyle(depth);
  return walkValue(value, style, { maxDepth: MAX_DEPTH + 1 - depth, revisit: "repeat" });
}

/** The console's walk for a value at the top of a line (its strings unquoted), and one inside a `%s`. */
const topStyle = consoleStyle(0);
const nestedStyle = consoleStyle(1);

function consoleStyle(start: number): ValueVisitor<string, string[]> {
  return {
    leaf: (value, kind, depth) => inspectLeaf(value, kind, start + depth),
    open: () => [],
    add: (into, child, key) => void into.push(typeof key === "string" ? `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${child}` : child),
    addEntry: (into, key, value) => void into.push(`${key} => ${value}`),
    close(items, value, kind) {
      if (kind === "array") return list(items, "[", "]", "");
      if (kind === "map") return list(items, "{", "}", `Map(${(value as Map<unknown, unknown>).size}) `);
      if (kind === "set") return list(items, "{", "}", `Set(${(value as Set<unknown>).size}) `);
      const name = constructorName(value);
      return list(items, "{", "}", name && name !== "Object" ? `${name} ` : "");
    },
    cut: (value, kind) => (kind === "array" ? "[Array]" : `[${constructorName(value) ?? "Object"}]`),
    again: () => "[Circular]",
    unreadable: (error) => `[value that could not be read: ${String(error)}]`,
  };
}

function inspectLeaf(value: unknown, kind: LeafKind, depth: number): string {
  switch (kind) {
    case "date": {
      const time = (value as Date).getTime();
      return Number.isNaN(time) ? "Invalid Date" : (value as Date).toISOString();
    }
    case "error":
      return `[${(value as Error).name}: ${(value as Error).message}]`;
    case "binary":
    case "node":
    case "symbol":
      return describeLeaf(value, kind);
    case "function": {
      const fn = value as (...args: unknown[]) => unknown;
      return /^class[\s{]/.test(Function.prototype.toString.call(fn)) ? `[class ${fn.name || "(anonymous)"}]` : `[Function: ${fn.name || "(anonymous)"}]`;
    }
    default:
      if (typeof value === "string") return depth === 0 ? value : JSON.stringify(value);
      if (typeof value === "bigint") return `${value}n`;
      return Object.is(value, -0) ? "-0" : String(value); // numbers, booleans, undefined, null, RegExps
  }
}

function constructorName(object: object): string | undefined {
  const proto = Object.getPrototypeOf(object) as { constructor?: { name?: string } } | null;
  if (proto === null) return "[Object: null prototype]";
  return proto.constructor?.name || undefined;
}

function list(items: string[], open: string, close: string, prefix: string): string {
  if (items.length === 0) return `${prefix}${open}${close}`;
  const shown = items.length > MAX_ITEMS ? [...items.slice(0, MAX_ITEMS), `… ${items.length - MAX_ITEMS} more`] : items;
  return open === "[" ? `${prefix}[${shown.join(", ")}]` : `${prefix}${open} ${shown.join(", ")} ${close}`;
}
