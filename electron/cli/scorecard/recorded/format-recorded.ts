import { day, estimatorLabels } from '../real/format-real';
import type { RecordedFigure, RecordedScorecardReport } from './run-recorded-scorecard';

const tooShort = 'too short';
const value = (x: number | null): string => (x === null ? tooShort : x.toFixed(3));
const withInterval = (figure: RecordedFigure | null, format = (x: number) => x.toFixed(3)): string =>
  figure === null
    ? tooShort
    : figure.low === null || figure.high === null
      ? `${format(figure.value)} [no interval]`
      : `${format(figure.value)} [${format(figure.low)}, ${format(figure.high)}]`;
const signed = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
const usd = (x: number): string =>
  x >= 1e6 ? `$${(x / 1e6).toFixed(1)}M` : x >= 1e3 ? `$${(x / 1e3).toFixed(0)}k` : `$${x.toFixed(0)}`;

/** The recordings' scorecard as readable lines: per recorded market, what was recorded and scored, then one row per estimator. */
export function formatRecordedScorecard(report: RecordedScorecardReport): string[] {
  const lines = [
    `LiqLens scorecard on your recordings (${report.dataDir}): per ${report.bucketMinutes}-minute bucket the liquidation stream covered, the map mass between open and low (longs) / open and high (shorts) of the mark vs realized USD`,
    `the shipped model, fed every recorded minute; a bucket counts after ${report.warmupMs / 3_600_000} h of minutes; intervals: ${report.bootstrap.coverage * 100} % block bootstrap over days (${report.bootstrap.resamples} resamples) from ${report.minimums.intervalDays} days`,
  ];
  if (report.markets.length === 0) lines.push('', 'no recordings found');
  for (const market of report.markets) {
    const c = market.counts;
    const span = market.fromMs === null || market.toMs === null ? '' : `, ${day(market.fromMs)} .. ${day(market.toMs)}`;
    lines.push(
      '',
      `${market.source} · ${market.venue} · ${market.symbol} (liquidation stream: ${market.liquidationFeed})${span}`,
      `  recorded: ${c.minutes} minutes, ${c.openInterestSamples} open-interest samples, ${c.liquidations} liquidations (${usd(c.liquidationUsd)}), stream connected ${Math.round(c.watchedMinutes)} minutes`,
      `  scored: ${c.scoredBuckets} buckets (${market.bucketSides} bucket-sides) over ${market.days} day(s), ${c.liquidationsScored} liquidations inside them${market.shareWithLiquidations === null ? '' : `, ${(market.shareWithLiquidations * 100).toFixed(1)} % of bucket-sides with liquidations`}${c.warmingUp > 0 ? `; ${c.warmingUp} buckets left out while the map warmed up` : ''}`,
    );
    for (const reason of market.tooShort) lines.push(`  too short: ${reason}`);
    const estimators = market.estimators;
    if (estimators === null) continue;
    lines.push(
      `  ${'estimator'.padEnd(18)}${'pooled rank [interval]'.padEnd(28)}${'longs'.padStart(10)}${'shorts'.padStart(10)}  ${'top-decile hit [interval]'.padEnd(28)}${'zero'.padStart(6)}`,
    );
    for (const [name, row] of Object.entries(estimators) as [
      keyof typeof estimators,
      (typeof estimators)['modelDefault'],
    ][])
      lines.push(
        `  ${estimatorLabels[name].padEnd(18)}${withInterval(row.pooled).padEnd(28)}${value(row.long).padStart(10)}${value(row.short).padStart(10)}  ${withInterval(row.topDecile).padEnd(28)}${`${Math.round(row.zeroShare * 100)}%`.padStart(6)}`,
      );
    const lead = market.modelMinusBestReference;
    if (lead !== null && market.bestReference !== null)
      lines.push(
        `  model - best reference (${estimatorLabels[market.bestReference]}): ${withInterval(lead, signed)}${lead.low === null || lead.high === null ? '' : lead.low > 0 ? ' -> the model wins beyond its interval' : lead.high < 0 ? ' -> the reference wins beyond its interval' : ' -> no difference beyond the interval'}`,
      );
  }
  return lines;
}
