/**
 * How long the comparison views pause between updates while running, so a reader can watch the lanes
 * fill. Readers who ask for reduced motion get the results at once.
 */
export function runPaceMs(): number {
  if (typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches) return 0;
  return 180;
}
