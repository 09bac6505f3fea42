/**
 * Formats `console.log` arguments into one line of text the way a browser console would show
 * them: `%s`/`%d`/`%i`/`%f`/`%o`/`%O`/`%c` substitutions, strings as they are, other values inspected
 * (objects shallowly to depth 2, cycles marked, Maps/Sets/Dates/Errors readable).
 */

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
          return typeof value === "string" ? value : inspect(value, 1, new Set());
        case "d":
        case "i":
          return typeof value === "bigint" ? `${value}n` : String(parseInt(String(value), 10));
        case "f":
          return String(parseFloat(String(value)));
        case "c":
          return "";
        default:
          return inspect(value, 0, new Set());
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
  return inspect(value, 0, new Set());
}

/** A readable description of any value, as console panes show objects. */
export function inspect(value: unknown, depth: number, seen: Set<object>): string {
  switch (typeof value) {
    case "string":
      return depth === 0 ? value : JSON.stringify(value);
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "bigint":
      return `${value}n`;
    case "boolean":
    case "undefined":
      return String(value);
    case "symbol":
      return value.toString();
    case "function":
      return /^class[\s{]/.test(Function.prototype.toString.call(value)) ? `[class ${value.name || "(anonymous)"}]` : `[Function: ${value.name || "(anonymous)"}]`;
  }
  if (value === null) return "null";
  const object = value as object;
  if (seen.has(object)) return "[Circular]";
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? "Invalid Date" : object.toISOString();
  if (object instanceof RegExp) return String(object);
  if (object instanceof Error) return `[${object.name}: ${object.message}]`;
  if (object instanceof Promise) return "Promise {}";
  if (depth > MAX_DEPTH) return Array.isArray(object) ? "[Array]" : `[${constructorName(object) ?? "Object"}]`;
  seen.add(object);
  try {
    if (Array.isArray(object)) return list(object.map((v) => inspect(v, depth + 1, seen)), "[", "]", "");
    if (object instanceof Map) {
      const items = [...object].map(([k, v]) => `${inspect(k, depth + 1, seen)} => ${inspect(v, depth + 1, seen)}`);
      return list(items, "{", "}", `Map(${object.size}) `);
    }
    if (object instanceof Set) return list([...object].map((v) => inspect(v, depth + 1, seen)), "{", "}", `Set(${object.size}) `);
    if (ArrayBuffer.isView(object)) return `${constructorName(object) ?? "TypedArray"}(${(object as Uint8Array).length ?? object.byteLength})`;
    const name = constructorName(object);
    const prefix = name && name !== "Object" ? `${name} ` : "";
    const entries = Object.keys(object).map((k) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${inspect((object as Record<string, unknown>)[k], depth + 1, seen)}`);
    return list(entries, "{", "}", prefix);
  } finally {
    seen.delete(object);
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
