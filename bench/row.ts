// The row shape of bench/results.json, and the statistic every bench reports.

/** One measured figure; `floor` is the reference measured in the same run, `ratio` = value / floor. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  floor?: number;
  ratio?: number;
}

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
