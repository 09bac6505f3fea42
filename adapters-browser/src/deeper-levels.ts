/**
 * Values nested thousands of levels deep (a program can build one in a loop) overflow the stack of
 * every recursive walk: `structuredClone`, `postMessage`, formatters. Copies therefore keep the first
 * {@link MAX_COPY_DEPTH} levels and put a short marker string where the rest was, saying how many
 * levels were left out, so a reader can be told what is missing instead of losing the value.
 */

/** How many levels of nested objects a copy keeps; far beyond any real session, far below a stack overflow. */
export const MAX_COPY_DEPTH = 64;

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
  if (typeof value !== "string" || value.length > 40 || value.charCodeAt(0) !== 91 /* "[" */) return undefined;
  const match = MARKER.exec(value);
  if (!match) return undefined;
  return match[1] === "?" ? null : Number(match[1]);
}
