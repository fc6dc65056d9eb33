import type { Interval } from './bucket-metrics';
import { formatSimComparison } from './format-sim-comparison';
import type { RealEstimatorName } from './predict';
import type { RealScorecardReport } from './run-real-scorecard';

/** How the scorecards name each estimator in a table. */
export const estimatorLabels: Readonly<Record<RealEstimatorName, string>> = {
  model: 'model (fitted)',
  modelDefault: 'model (shipped)',
  candleDirection: 'candle direction',
  volumeSpike: 'volume spike',
  moveTimesOi: 'ref: move x OI',
  moveOnly: 'ref: move alone',
};

const signed = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
const withInterval = (interval: Interval, format = (x: number) => x.toFixed(3)): string =>
  `${format(interval.value)} [${format(interval.low)}, ${format(interval.high)}]`;
/** A UTC date, yyyy-mm-dd. */
export const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The real-data scorecard as readable lines: per set, one row per estimator, then the model's lead and imbalance. */
export function formatRealScorecard(report: RealScorecardReport): string[] {
  const { params } = report.fit;
  const band =
    params.nearPriceBand === null
      ? 'none'
      : `${params.nearPriceBand.shareOfOpenInterest * 100} % of OI within ${params.nearPriceBand.rangeFraction * 100} %`;
  const lines = [
    'LiqLens scorecard on real data: per bucket, the map mass between open and low (longs) / open and high (shorts) vs realized USD',
    `fit (hourly set before ${day(report.fit.outOfSampleFromMs)} only): turnover ${params.turnoverPerDay}/day, half-life ${params.halfLifeMs / 3_600_000} h, near-price band ${band}; in-sample rank ${report.fit.inSampleRank.toFixed(3)}`,
    `intervals: ${report.bootstrap.coverage * 100} % block bootstrap over days, ${report.bootstrap.resamples} resamples, seed ${report.bootstrap.seed}`,
  ];
  for (const set of report.sets) {
    lines.push(
      '',
      `${set.name}: ${day(set.fromMs)} .. ${day(set.toMs)}, ${set.buckets} buckets over ${set.days} days, ${(set.shareWithLiquidations * 100).toFixed(1)} % of bucket-sides with liquidations`,
      `${'estimator'.padEnd(18)}${'pooled rank [interval]'.padEnd(26)}${'longs'.padStart(7)}${'shorts'.padStart(8)}  ${'top-decile hit [interval]'.padEnd(26)}${'zero'.padStart(6)}`,
    );
    for (const [name, figures] of Object.entries(set.estimators) as [
      RealEstimatorName,
      (typeof set.estimators)['model'],
    ][])
      lines.push(
        `${estimatorLabels[name].padEnd(18)}${withInterval(figures.pooled).padEnd(26)}${figures.long.toFixed(3).padStart(7)}${figures.short.toFixed(3).padStart(8)}  ${withInterval(figures.topDecile).padEnd(26)}${`${Math.round(figures.zeroShare * 100)}%`.padStart(6)}`,
      );
    const lead = set.modelMinusBestReference;
    lines.push(
      `model - best reference (${estimatorLabels[set.bestReference]}): ${withInterval(lead, signed)} -> ${lead.low > 0 ? 'the model wins beyond its interval' : lead.high < 0 ? 'the reference wins beyond its interval' : 'no difference beyond the interval'}`,
      `imbalance (± 5 %) leaned the way the bucket closed: ${withInterval(set.imbalanceAgreement)} -> ${set.imbalanceAgreement.low > 0.5 ? 'an edge' : 'no measured edge'}`,
    );
  }
  lines.push('', ...formatSimComparison(report));
  return lines;
}
