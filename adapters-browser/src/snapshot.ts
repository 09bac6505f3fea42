import { deeperLevels, depthOf, MAX_COPY_DEPTH } from "./depth.js";

/**
 * A copy of `value` as it is right now, so that an event keeps showing what was read or written
 * even after the bot mutates the same session object later.
 *
 * Session data is nearly always plain objects, arrays, Dates, Maps and Sets: those are copied by
 * a few lines of JavaScript, several times faster than `structuredClone` (which serialises and
 * parses again) for the small objects sessions are. Anything else (class instances, typed arrays,
 * cycles, nesting deeper than 32) goes to `structuredClone`. Values that it refuses (functions,
 * symbols, DOM nodes, which `MemorySessionStorage` happily keeps) get a copy where each such part
 * is replaced by a short description. Values nested deeper than {@link MAX_COPY_DEPTH} levels keep
 * that many, and a {@link deeperLevels} marker says how many more there were: a clone of a value
 * thousands of levels deep would overflow the stack, here and in every `postMessage` after.
 * (One difference from a clone: an object that plain data refers to twice is copied twice.)
 */
export function snapshot(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return primitive(value);
  try {
    return plainCopy(value, 0, { left: MAX_PLAIN_NODES });
  } catch {
    // Not plain data: fall through to the faithful paths.
  }
  try {
    // One measurement (iterative, so any depth is safe) instead of letting structuredClone overflow.
    const depth = depthOf(value);
    if (depth !== undefined && depth <= MAX_COPY_DEPTH) return structuredClone(value);
  } catch {
    // Not cloneable: described below.
  }
  try {
    return describedCopy(value, new WeakMap(), 0);
  } catch (error) {
    // A getter that throws, a revoked Proxy…: the bot must not fail because of the observer.
    return `[value that could not be copied: ${String(error)}]`;
  }
}

/** Thrown (and caught in `snapshot`) when `plainCopy` meets something that is not plain data. */
const NOT_PLAIN = new Error("not plain data");
const MAX_PLAIN_DEPTH = 32;
const MAX_PLAIN_NODES = 5_000;

/**
 * Copies plain data as `structuredClone` would, or throws NOT_PLAIN. Cycles hit the depth limit
 * and go to `structuredClone`, which keeps them cyclic; the node budget stops data that refers to
 * the same objects many times over from being copied exponentially often.
 */
function plainCopy(value: unknown, depth: number, budget: { left: number }): unknown {
  if (typeof value !== "object" || value === null) {
    if (typeof value === "function" || typeof value === "symbol") throw NOT_PLAIN;
    return value;
  }
  if (depth > MAX_PLAIN_DEPTH || --budget.left < 0) throw NOT_PLAIN;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Array.prototype) {
    const array = value as unknown[];
    const out = new Array<unknown>(array.length);
    for (let i = 0; i < array.length; i++) if (i in array) out[i] = plainCopy(array[i], depth + 1, budget);
    return out;
  }
  if (proto === Object.prototype || proto === null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) setOwn(out, key, plainCopy((value as Record<string, unknown>)[key], depth + 1, budget));
    return out;
  }
  if (proto === Date.prototype) return new Date((value as Date).getTime());
  if (proto === Map.prototype) {
    const out = new Map<unknown, unknown>();
    for (const [k, v] of value as Map<unknown, unknown>) out.set(plainCopy(k, depth + 1, budget), plainCopy(v, depth + 1, budget));
    return out;
  }
  if (proto === Set.prototype) {
    const out = new Set<unknown>();
    for (const v of value as Set<unknown>) out.add(plainCopy(v, depth + 1, budget));
    return out;
  }
  throw NOT_PLAIN;
}

/** `out[key] = value`, except that a key named "__proto__" becomes an own property, as in a clone. */
function setOwn(out: Record<string, unknown>, key: string, value: unknown) {
  if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

function primitive(value: unknown): unknown {
  if (typeof value === "function") return describeFunction(value);
  if (typeof value === "symbol") return value.toString();
  return value;
}

function describeFunction(fn: { name?: string }): string {
  return fn.name ? `[Function ${fn.name}]` : "[Function]";
}

/**
 * Copies what structured clone can copy, describes the rest, and cuts what lies deeper than
 * {@link MAX_COPY_DEPTH}. Plain objects are copied here, not handed to `structuredClone` level by
 * level (on a deep value each such attempt overflowed the stack again).
 */
function describedCopy(value: unknown, seen: WeakMap<object, unknown>, depth: number): unknown {
  if (typeof value !== "object" || value === null) return primitive(value);
  const existing = seen.get(value);
  if (existing !== undefined) return existing; // cycles and shared parts stay shared, as in a clone
  if (depth >= MAX_COPY_DEPTH) return deeperLevels(depthOf(value));
  const next = depth + 1;
  if (isNode(value)) return `[${Object.prototype.toString.call(value).slice(8, -1)}]`;
  if (value instanceof Date) return new Date(value.getTime());
  if (value instanceof RegExp) return new RegExp(value.source, value.flags);
  if (value instanceof Map) {
    const out = new Map<unknown, unknown>();
    seen.set(value, out);
    for (const [k, v] of value) out.set(describedCopy(k, seen, next), describedCopy(v, seen, next));
    return out;
  }
  if (value instanceof Set) {
    const out = new Set<unknown>();
    seen.set(value, out);
    for (const v of value) out.add(describedCopy(v, seen, next));
    return out;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const v of value) out.push(describedCopy(v, seen, next));
    return out;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    try {
      // Typed arrays, Blobs, errors… clone fine on their own even when a parent object does not.
      const depthBelow = depthOf(value);
      if (depthBelow !== undefined && depth + depthBelow <= MAX_COPY_DEPTH) return structuredClone(value);
    } catch {
      // Copied as a plain object below.
    }
  }
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const k of Object.keys(value)) setOwn(out, k, describedCopy((value as Record<string, unknown>)[k], seen, next));
  return out;
}

function isNode(value: object): boolean {
  return typeof Node !== "undefined" && value instanceof Node;
}
