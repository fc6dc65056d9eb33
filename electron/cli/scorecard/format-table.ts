import type { ModelScores, ScorecardReport } from './run-scorecard';

const columns: readonly (readonly [key: keyof ModelScores, title: string])[] = [
  ['top10Capture', 'top-10 capture'],
  ['rankCorrelation', 'rank corr.'],
  ['imbalanceSignAgreement', 'imb. sign'],
  ['imbalanceRatioError', 'imb. ratio err.'],
];

/** The scorecard as a readable table, one line per model (higher is better except the ratio error). */
export function formatScorecard(report: ScorecardReport): string[] {
  const rows: readonly (readonly [string, ModelScores])[] = [
    ['model (OI ledger)', report.model],
    ['candle direction', report.baselines.candleDirection],
    ['volume spike', report.baselines.volumeSpike],
  ];
  const lines = [
    `LiqLens scorecard: seed ${report.seed}, ${report.days} day(s), scenario ${report.scenario}`,
    ['model'.padEnd(20), ...columns.map(([, title]) => title.padStart(16))].join(''),
  ];
  for (const [name, scores] of rows)
    lines.push([name.padEnd(20), ...columns.map(([key]) => scores[key].toFixed(3).padStart(16))].join(''));
  const lead = (key: keyof ModelScores): string => {
    const best = Math.max(report.baselines.candleDirection[key], report.baselines.volumeSpike[key]);
    return `${report.model[key] - best >= 0 ? '+' : ''}${(report.model[key] - best).toFixed(3)}`;
  };
  lines.push(
    `model vs best baseline: top-10 capture ${lead('top10Capture')}, rank correlation ${lead('rankCorrelation')}`,
  );
  lines.push(
    'capture: share of true liquidation USD within ±0.5 % of the top-10 clusters; rank corr.: Spearman of binned profiles (−1..1);',
  );
  lines.push(
    'imb. sign: share of points and windows (±5 %, ±10 %) where short-above vs long-below leans the true way; ratio err.: mean |ln r − ln r_true|.',
  );
  return lines;
}
