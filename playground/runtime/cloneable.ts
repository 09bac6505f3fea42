/**
 * Events carry values from user code (API payloads, session data, updates) across `postMessage`,
 * which refuses functions, symbols and some host objects. {@link postCloneable} posts the event as
 * it is when it can (the common, fast case) and otherwise a copy whose unclonable parts are
 * replaced by short descriptions.
 */

function describeUnclonable(value: unknown): string {
  if (typeof value === "function") return value.name ? `[Function ${value.name}]` : "[Function]";
  if (typeof value === "symbol") return value.toString();
  return `[${Object.prototype.toString.call(value).slice(8, -1)}]`;
}

/** A copy of `value` that structured clone accepts; shared parts and cycles stay shared. */
export function toCloneable(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (typeof value === "function" || typeof value === "symbol") return describeUnclonable(value);
  if (typeof value !== "object" || value === null) return value;
  if (seen.has(value)) return seen.get(value);
  if (value instanceof Date || value instanceof RegExp || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value;
  if (value instanceof Error) {
    const copy = { name: value.name, message: value.message, stack: value.stack };
    seen.set(value, copy);
    return copy;
  }
  if (value instanceof Map) {
    const copy = new Map<unknown, unknown>();
    seen.set(value, copy);
    for (const [k, v] of value) copy.set(toCloneable(k, seen), toCloneable(v, seen));
    return copy;
  }
  if (value instanceof Set) {
    const copy = new Set<unknown>();
    seen.set(value, copy);
    for (const v of value) copy.add(toCloneable(v, seen));
    return copy;
  }
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const v of value) copy.push(toCloneable(v, seen));
    return copy;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    // Host objects (Blob, ImageData…) clone fine on their own; class instances become plain objects below.
    try {
      structuredClone(value);
      return value;
    } catch {
      // fall through to a plain copy
    }
  }
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const key of Object.keys(value)) copy[key] = toCloneable((value as Record<string, unknown>)[key], seen);
  return copy;
}

/** Posts `message`, falling back to {@link toCloneable} when structured clone refuses it. */
export function postCloneable(post: (message: unknown) => void, message: unknown): void {
  try {
    post(message);
  } catch (error) {
    if (!(error instanceof DOMException) || error.name !== "DataCloneError") throw error;
    post(toCloneable(message));
  }
}
