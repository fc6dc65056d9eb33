import type { RealScorecardReport } from './run-real-scorecard';

/** One row of the comparison: a real set or a simulator run, on the figures the simulator is held to. */
interface ComparisonRow {
  readonly label: string;
  readonly buckets: number;
  /** share with liquidations, liquidated / OI (bp), liquidated / (move × OI), rank of move × OI, rank of the move alone. */
  readonly values: readonly [number, number, number, number, number];
}

const columns = ['with liq.', 'liq/OI bp', 'liq/(move*OI)', 'rank move*OI', 'rank move'] as const;
const digits = [3, 3, 4, 3, 3] as const;

function rowsOf(report: RealScorecardReport): { real: ComparisonRow[]; simulated: ComparisonRow[] } {
  const real = report.sets.map((set) => ({
    label: set.name.replace(/ \(.*\)/, ''),
    buckets: set.buckets,
    values: [
      set.shape.shareWithLiquidations,
      set.shape.liquidatedOfOiBp,
      set.shape.liquidatedPerMoveOi,
      set.estimators.moveTimesOi.pooled.value,
      set.estimators.moveOnly.pooled.value,
    ] as const,
  }));
  const simulated = report.simulator.map((sim) => ({
    label: sim.label,
    buckets: sim.buckets,
    values: [
      sim.shape.shareWithLiquidations,
      sim.shape.liquidatedOfOiBp,
      sim.shape.liquidatedPerMoveOi,
      sim.rank.moveTimesOi,
      sim.rank.moveOnly,
    ] as const,
  }));
  return { real, simulated };
}

/**
 * The simulator beside the real sets on the figures it should share with them (the share of
 * bucket-sides with liquidations, their size against open interest and against move × open
 * interest, the references' pooled ranks): one line per real set, the real range (lowest to
 * highest), and one line per simulator run with each figure marked "in" or "out" of that range.
 */
export function formatSimComparison(report: RealScorecardReport): string[] {
  const { real, simulated } = rowsOf(report);
  // Each column 15 wide and 4 more for the simulator's "in" or "out".
  const cell = (text: string, mark = ''): string => `${text.padStart(15)}${mark.padEnd(4)}`;
  const head = `${'set'.padEnd(32)}${'buckets'.padStart(8)}${columns.map((name) => cell(name)).join('')}`.trimEnd();
  const line = (row: ComparisonRow, marks?: readonly string[]): string =>
    `${row.label.padEnd(32)}${String(row.buckets).padStart(8)}${row.values.map((value, i) => cell(value.toFixed(digits[i] ?? 3), marks?.[i])).join('')}`;
  const low = columns.map((_, i) => Math.min(...real.map((row) => row.values[i] ?? 0)));
  const high = columns.map((_, i) => Math.max(...real.map((row) => row.values[i] ?? 0)));
  const range = columns
    .map((_, i) => cell(`${(low[i] ?? 0).toFixed(digits[i] ?? 3)}-${(high[i] ?? 0).toFixed(digits[i] ?? 3)}`))
    .join('');
  return [
    'the simulator beside the real sets (BTCUSDT, seed 1, hourly buckets; medians over bucket-sides with liquidations):',
    head,
    ...real.map((row) => line(row).trimEnd()),
    `${'real range'.padEnd(40)}${range}`.trimEnd(),
    ...simulated.map((row) =>
      line(
        row,
        row.values.map((value, i) => (value >= (low[i] ?? 0) && value <= (high[i] ?? 0) ? ' in' : ' out')),
      ).trimEnd(),
    ),
    ...report.simulator.map(
      (sim) =>
        `  ${sim.label}: rank of the exact truth map ${sim.rank.truth.toFixed(3)}, model ${sim.rank.model.toFixed(3)}`,
    ),
  ];
}
