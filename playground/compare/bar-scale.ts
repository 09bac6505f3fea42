/**
 * How long a bar is. Bars of one measure share a scale: the larger side's value fills the track once
 * the run is over, so stepping back visibly shortens them. While a run is still going the final
 * value is unknown; the scale is then the next round number above the values so far, so bars grow
 * as updates arrive instead of the leading bar sitting at full length from the first call.
 */

/** The smallest of 1, 2, 2.5, 5 × 10ⁿ that is at least `value` (1 for anything ≤ 1). */
export function roundUp(value: number): number {
  if (!(value > 1)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * magnitude >= value) return step * magnitude;
  }
  return 10 * magnitude;
}

/** The scale for bars whose largest value is `max`: exact when the run is `final`, rounded up otherwise. */
export function barScale(max: number, final: boolean): number {
  return final ? Math.max(max, 1) : roundUp(max);
}

/** `value` as a percentage of `scale`, clamped to 0–100, for a bar's width. */
export function barPercent(value: number, scale: number): number {
  if (!(scale > 0) || !(value > 0)) return 0;
  return Math.min(100, (value / scale) * 100);
}

/** Running sums: `cumulative([1, 0, 2])` is `[1, 1, 3]`. */
export function cumulative(values: readonly number[]): number[] {
  let sum = 0;
  return values.map((v) => (sum += v));
}
