import { copyValue, setOwn } from "./copy-value.js";
import { deeperLevels, depthOf, MAX_COPY_DEPTH } from "./depth.js";

/**
 * A copy of `value` as it is right now, so that an event keeps showing what was read or written
 * even after the bot mutates the same session object later.
 *
 * Session data is nearly always plain objects, arrays, Dates, Maps and Sets: those are copied by
 * a few lines of JavaScript, several times faster than `structuredClone` (which serialises and
 * parses again) for the small objects sessions are. Anything else (class instances, typed arrays,
 * cycles, nesting deeper than 32) goes to `structuredClone`. Values that it refuses (functions,
 * symbols, DOM nodes, which `MemorySessionStorage` happily keeps) get a {@link copyValue} copy where
 * each such part is replaced by a short description, and a copy that cannot read a part (a getter
 * throws) is replaced whole by a placeholder. Values nested deeper than {@link MAX_COPY_DEPTH} levels
 * keep that many, and a {@link deeperLevels} marker says how many more there were: a clone of a value
 * thousands of levels deep would overflow the stack, here and in every `postMessage` after.
 * (One difference from a clone: an object that plain data refers to twice is copied twice.)
 */
export function snapshot(value: unknown): unknown {
  if (typeof value !== "object" || value === null) {
    return typeof value === "function" || typeof value === "symbol" ? copyValue(value) : value;
  }
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
    return copyValue(value);
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
