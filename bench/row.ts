// The row shape of bench/results.json.

/** One measured figure; `floor` is the reference measured in the same run, `ratio` = value / floor. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  floor?: number;
  ratio?: number;
}
