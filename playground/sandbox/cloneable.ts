/**
 * Events carry values from user code (API payloads, session data, updates) across `postMessage`,
 * which refuses functions, symbols and some host objects, and overflows the stack on values nested
 * a few thousand levels deep. {@link postCloneable} posts the event as it is when it can (the
 * common, fast case), otherwise a copy whose unclonable parts are replaced by short descriptions and
 * whose deep parts are cut, and as a last resort the event with its unpostable values replaced by a
 * placeholder: the event itself always arrives.
 */
import { deeperLevels, depthOf, MAX_COPY_DEPTH } from "@session-lab/adapters-browser";

function describeUnclonable(value: unknown): string {
  if (typeof value === "function") return value.name ? `[Function ${value.name}]` : "[Function]";
  if (typeof value === "symbol") return value.toString();
  return `[${Object.prototype.toString.call(value).slice(8, -1)}]`;
}

/** What stands for a value that could not be read or sent at all. */
function unpostable(error: unknown): string {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `[value that could not be sent: ${reason}]`;
}

/** Reads `object[key]`; a getter or Proxy trap that throws gives a placeholder instead. */
function read(object: object, key: string): unknown {
  try {
    return (object as Record<string, unknown>)[key];
  } catch (error) {
    return unpostable(error);
  }
}

/**
 * A copy of `value` that structured clone accepts; shared parts and cycles stay shared. Objects
 * deeper than {@link MAX_COPY_DEPTH} levels become a marker saying how many levels were left out.
 */
export function toCloneable(value: unknown, seen = new Map<object, unknown>(), depth = 0): unknown {
  if (typeof value === "function" || typeof value === "symbol") return describeUnclonable(value);
  if (typeof value !== "object" || value === null) return value;
  if (seen.has(value)) return seen.get(value);
  if (value instanceof Date || value instanceof RegExp || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value;
  if (value instanceof Error) {
    const copy = { name: value.name, message: value.message, stack: value.stack };
    seen.set(value, copy);
    return copy;
  }
  if (depth >= MAX_COPY_DEPTH) return deeperLevels(depthOf(value));
  const next = depth + 1;
  if (value instanceof Map) {
    const copy = new Map<unknown, unknown>();
    seen.set(value, copy);
    for (const [k, v] of value) copy.set(toCloneable(k, seen, next), toCloneable(v, seen, next));
    return copy;
  }
  if (value instanceof Set) {
    const copy = new Set<unknown>();
    seen.set(value, copy);
    for (const v of value) copy.add(toCloneable(v, seen, next));
    return copy;
  }
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (let i = 0; i < value.length; i++) copy.push(toCloneable(read(value, String(i)), seen, next));
    return copy;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    // Host objects (Blob, ImageData…) clone fine on their own; class instances become plain objects below.
    try {
      const below = depthOf(value);
      if (below !== undefined && depth + below <= MAX_COPY_DEPTH) {
        structuredClone(value);
        return value;
      }
    } catch {
      // fall through to a plain copy
    }
  }
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const key of Object.keys(value)) copy[key] = toCloneable(read(value, key), seen, next);
  return copy;
}

/**
 * The event with each top-level field that cannot be posted replaced by a placeholder, so that its
 * type and ids still arrive when a value inside it cannot.
 */
function withPlaceholders(message: unknown): unknown {
  if (typeof message !== "object" || message === null) return unpostable(message);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(message)) {
    const value = read(message, key);
    try {
      out[key] = structuredClone(toCloneable(value));
    } catch (error) {
      out[key] = unpostable(error);
    }
  }
  return out;
}

/**
 * Posts `message`. When `post` throws (structured clone refuses a value, the stack overflows on a
 * deep one, a getter throws), it posts a {@link toCloneable} copy, and if that throws too, the
 * message with placeholders. An error that is not about the value (a closed port) throws from the
 * last attempt.
 */
export function postCloneable(post: (message: unknown) => void, message: unknown): void {
  try {
    post(message);
    return;
  } catch {
    // Try a copy that structured clone accepts.
  }
  let copy: unknown;
  try {
    copy = toCloneable(message);
  } catch {
    copy = undefined; // A throwing Proxy trap (ownKeys…): placeholders below.
  }
  if (copy !== undefined) {
    try {
      post(copy);
      return;
    } catch {
      // Placeholders below.
    }
  }
  post(withPlaceholders(message));
}
