/**
 * Values nested thousands of levels deep (a program can build one in a loop) overflow the stack of
 * every recursive walk: `structuredClone`, `postMessage`, formatters. Copies therefore keep the first
 * {@link MAX_COPY_DEPTH} levels and put a short marker string where the rest was, saying how many
 * levels were left out, so a reader can be told what is missing instead of losing the value.
 */

/** How many levels of nested objects a copy keeps; far beyond any real session, far below a stack overflow. */
export const MAX_COPY_DEPTH = 64;

/** How many objects {@link depthOf} visits before giving up on counting. */
const MAX_MEASURED_NODES = 100_000;

const MARKER = /^\[… (\d+|\?) more levels\]$/;

/**
 * The string that stands in a copy for an object nested too deep to copy: `[… 2936 more levels]`,
 * or `[… ? more levels]` when the levels could not be counted. `levels` counts the object itself.
 */
export function deeperLevels(levels: number | undefined): string {
  return `[… ${levels === undefined ? "?" : levels} more levels]`;
}

/**
 * What a {@link deeperLevels} marker says: the number of levels left out, `null` when they were not
 * counted, or `undefined` when `value` is not such a marker.
 */
export function readDeeperLevels(value: unknown): number | null | undefined {
  if (typeof value !== "string" || value.length > 40) return undefined;
  const match = MARKER.exec(value);
  if (!match) return undefined;
  return match[1] === "?" ? null : Number(match[1]);
}

/**
 * How many levels of objects `value` holds (a primitive 0, `{}` 1, `{a: {}}` 2), counting a marker
 * as the levels it stands for; undefined when the value is too large to measure. Iterative, so any
 * depth is measured without recursion; an object already visited (a cycle, shared data) is not
 * walked again, so the result can be smaller than the deepest path through shared parts.
 */
export function depthOf(value: unknown): number | undefined {
  const stack: [unknown, number][] = [[value, 0]];
  const seen = new Set<object>();
  let deepest = 0;
  let visited = 0;
  while (stack.length > 0) {
    const [item, above] = stack.pop()!;
    const marked = readDeeperLevels(item);
    if (marked !== undefined) {
      if (marked === null) return undefined;
      deepest = Math.max(deepest, above + marked);
      continue;
    }
    if (typeof item !== "object" || item === null || seen.has(item)) continue;
    if (++visited > MAX_MEASURED_NODES) return undefined;
    seen.add(item);
    const depth = above + 1;
    deepest = Math.max(deepest, depth);
    for (const child of childrenOf(item)) stack.push([child, depth]);
  }
  return deepest;
}

/** The values an object holds as structured clone sees them; property reads that throw are skipped. */
function childrenOf(object: object): unknown[] {
  try {
    if (object instanceof Map) return [...object].flat();
    if (object instanceof Set) return [...object];
    if (Array.isArray(object)) return [...object];
    if (ArrayBuffer.isView(object) || object instanceof Date || object instanceof RegExp) return [];
    const out: unknown[] = [];
    for (const key of Object.keys(object)) {
      try {
        out.push((object as Record<string, unknown>)[key]);
      } catch {
        // A throwing getter holds no levels we can see.
      }
    }
    return out;
  } catch {
    return []; // a revoked Proxy…
  }
}
