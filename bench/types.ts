/** One measured number, with the budget it is held to (if any). */
export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  /** Upper bound the design sets for this metric; `ok` says whether `value` stays within it. */
  budget?: number;
  /** The budget is a floor (a score to reach), not a ceiling. */
  floor?: boolean;
  ok?: boolean;
}

/** What one suite reports: rows plus any raw samples worth keeping in the JSON. */
export interface BenchResult {
  suite: string;
  rows: BenchRow[];
  details?: unknown;
}

/** A suite: run it, get its rows. Each file in bench/ named after its suite exports one as default. */
export type BenchSuite = () => Promise<BenchResult>;

/** Median of a list of numbers (the budgets are all medians). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A row with its budget (a ceiling) checked. */
export function row(metric: string, value: number, unit: string, budget?: number): BenchRow {
  return budget === undefined ? { metric, value, unit } : { metric, value, unit, budget, ok: value <= budget };
}

/** A row whose value must reach `floor` (a score), checked. */
export function floorRow(metric: string, value: number, unit: string, floor: number): BenchRow {
  return { metric, value, unit, budget: floor, floor: true, ok: value >= floor };
}
