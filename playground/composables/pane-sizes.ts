/**
 * Pane sizes the reader chose by dragging (or arrowing) a splitter, kept in localStorage per layout, so a
 * reload brings back the same arrangement. Sizes are percentages of their split, as splitpanes uses them.
 */
const PREFIX = "session-lab:panes";

/** Each split of a layout, by name, with its panes' sizes in percent (left to right, top to bottom). */
export type PaneSizes = Record<string, number[]>;

function storage(): Storage | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    return undefined; // access itself throws when storage is blocked
  }
}

/**
 * Checks a stored split against the one the layout has now: same number of panes, finite, non-negative,
 * summing to 100 (give or take rounding). Anything else — an older layout, a hand-edited entry — is
 * dropped, and the split falls back to its defaults.
 */
export function validSizes(value: unknown, panes: number): number[] | undefined {
  if (!Array.isArray(value) || value.length !== panes) return undefined;
  if (!value.every((n) => typeof n === "number" && Number.isFinite(n) && n >= 0 && n <= 100)) return undefined;
  const sum = (value as number[]).reduce((a, b) => a + b, 0);
  return Math.abs(sum - 100) <= 1 ? (value as number[]) : undefined;
}

/** `defaults` with every split the reader resized replaced by what they left (when it still fits). */
export function mergeSizes(defaults: PaneSizes, stored: unknown): PaneSizes {
  const merged: PaneSizes = {};
  const saved = typeof stored === "object" && stored !== null ? (stored as Record<string, unknown>) : {};
  for (const [split, sizes] of Object.entries(defaults)) merged[split] = validSizes(saved[split], sizes.length) ?? [...sizes];
  return merged;
}

/** The sizes kept for `layout`, over `defaults`. */
export function loadPaneSizes(layout: string, defaults: PaneSizes): PaneSizes {
  try {
    const text = storage()?.getItem(`${PREFIX}:${layout}`);
    return mergeSizes(defaults, text ? JSON.parse(text) : undefined);
  } catch {
    return mergeSizes(defaults, undefined);
  }
}

/** Keeps `sizes` for `layout`, rounded to a tenth of a percent. */
export function savePaneSizes(layout: string, sizes: PaneSizes): void {
  const rounded: PaneSizes = {};
  for (const [split, list] of Object.entries(sizes)) rounded[split] = list.map((n) => Math.round(n * 10) / 10);
  try {
    storage()?.setItem(`${PREFIX}:${layout}`, JSON.stringify(rounded));
  } catch {
    // Quota exceeded or storage disabled: the panes keep their size until the page goes away.
  }
}
