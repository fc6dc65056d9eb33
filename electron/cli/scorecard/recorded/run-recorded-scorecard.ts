import { defaultLedgerParams } from '../../../../shared/clusters/index';
import { recordedMinimums } from '../../../core/skill/recorded-skill';
import type { BootstrapOptions, Interval } from '../real/bucket-metrics';
import { predictSet, type RealEstimatorName } from '../real/predict';
import { defaultBootstrap, setFigures } from '../real/run-real-scorecard';
import {
  liquidationFeedOf,
  readRecordedMarkets,
  recordedBucketSet,
  recordedWarmupMs,
  type RecordedCounts,
} from './recorded-sets';

/** What the recordings' scorecard scores: the shipped model (nothing is fitted on a user's own data), the baselines, the references. */
export const recordedEstimatorNames = [
  'modelDefault',
  'candleDirection',
  'volumeSpike',
  'moveTimesOi',
  'moveOnly',
] as const satisfies readonly RealEstimatorName[];
/** One of `recordedEstimatorNames`. */
export type RecordedEstimatorName = (typeof recordedEstimatorNames)[number];

/** The least a figure needs before it is printed (the app's own measurement shares them). */
export { recordedMinimums };

/** A figure with its interval over days, or without one (`low`/`high` null) when too few days were recorded. */
export interface RecordedFigure {
  readonly value: number;
  readonly low: number | null;
  readonly high: number | null;
}

/** One estimator on one recorded market; null where the recordings are too short for the figure. */
export interface RecordedEstimatorFigures {
  readonly pooled: RecordedFigure | null;
  readonly long: number | null;
  readonly short: number | null;
  readonly topDecile: RecordedFigure | null;
  /** Share of bucket-sides it predicts exactly 0 for. */
  readonly zeroShare: number;
}

/** The scorecard of one recorded market (source, venue, symbol). */
export interface RecordedSetReport {
  readonly source: string;
  readonly venue: string;
  readonly symbol: string;
  /** Whether the venue's stream carries every liquidation, a sample, or none. */
  readonly liquidationFeed: 'complete' | 'sample' | 'none';
  readonly counts: RecordedCounts;
  /** Scored bucket-sides (two per scored bucket) and the UTC days they span. */
  readonly bucketSides: number;
  readonly days: number;
  readonly fromMs: number | null;
  readonly toMs: number | null;
  /** Share of scored bucket-sides with any realized liquidation; null without any. */
  readonly shareWithLiquidations: number | null;
  /** Null when nothing could be scored. */
  readonly estimators: Readonly<Record<RecordedEstimatorName, RecordedEstimatorFigures>> | null;
  readonly bestReference: 'moveTimesOi' | 'moveOnly' | null;
  /** The shipped model's pooled rank minus the best reference's (paired interval over days). */
  readonly modelMinusBestReference: RecordedFigure | null;
  /** Plain words on each figure the recordings are too short for. */
  readonly tooShort: readonly string[];
}

/** `liqlens scorecard --recordings [DIR] --json` prints exactly this. */
export interface RecordedScorecardReport {
  readonly dataDir: string;
  readonly bucketMinutes: number;
  readonly warmupMs: number;
  readonly bootstrap: BootstrapOptions;
  readonly minimums: typeof recordedMinimums;
  readonly markets: readonly RecordedSetReport[];
}

const figure = (interval: Interval, withInterval: boolean): RecordedFigure =>
  withInterval ? interval : { value: interval.value, low: null, high: null };

function scoreMarket(
  recorded: Awaited<ReturnType<typeof readRecordedMarkets>>[number],
  bucketMs: number,
  bootstrap: BootstrapOptions,
): RecordedSetReport {
  const { set, counts } = recordedBucketSet(recorded, bucketMs, recordedWarmupMs);
  const feed = liquidationFeedOf[recorded.venue];
  const base = {
    source: recorded.source,
    venue: recorded.venue,
    symbol: recorded.symbol,
    liquidationFeed: feed,
    counts,
  };
  const nothing = (reason: string): RecordedSetReport => ({
    ...base,
    bucketSides: 2 * set.buckets.length,
    days: 0,
    fromMs: null,
    toMs: null,
    shareWithLiquidations: null,
    estimators: null,
    bestReference: null,
    modelMinusBestReference: null,
    tooShort: [reason],
  });
  if (feed === 'none')
    return nothing('the venue publishes no market-wide liquidation stream: nothing to score against');
  if (recorded.market === null) return nothing('no saved tiers (market.json): the model cannot price this market');
  if (set.buckets.length === 0)
    return nothing(
      counts.watchedMinutes === 0
        ? 'no span with the liquidation stream connected is recorded'
        : `no whole ${bucketMs / 60_000}-minute bucket inside the ${Math.round(counts.watchedMinutes)} watched minutes`,
    );
  const points = predictSet(set, defaultLedgerParams, 0, recorded.market);
  const report = setFigures(base.symbol, points, points.imbalance, points.scored, bootstrap);
  const sides = 2 * set.buckets.length;
  const withLiquidations = points.modelDefault.filter((p) => p.realizedUsd > 0).length;
  const rankOk = sides >= recordedMinimums.rankSides && withLiquidations > 0;
  const decileOk = sides >= recordedMinimums.topDecileSides && withLiquidations > 0;
  const intervalOk = report.days >= recordedMinimums.intervalDays;
  const tooShort = [
    ...(withLiquidations === 0 ? ['no realized liquidation fell in a scored bucket: no rank can be measured'] : []),
    ...(sides < recordedMinimums.rankSides
      ? [`rank: ${sides} bucket-sides scored, a rank needs ${recordedMinimums.rankSides}`]
      : []),
    ...(sides < recordedMinimums.topDecileSides
      ? [`top-decile hit rate: ${sides} bucket-sides scored, it needs ${recordedMinimums.topDecileSides}`]
      : []),
    ...(intervalOk
      ? []
      : [
          `intervals: ${report.days} UTC day(s) recorded, a bootstrap over days needs ${recordedMinimums.intervalDays}`,
        ]),
  ];
  const estimators = Object.fromEntries(
    recordedEstimatorNames.map((name) => {
      const row = report.estimators[name];
      return [
        name,
        {
          pooled: rankOk ? figure(row.pooled, intervalOk) : null,
          long: rankOk ? row.long : null,
          short: rankOk ? row.short : null,
          topDecile: decileOk ? figure(row.topDecile, intervalOk) : null,
          zeroShare: row.zeroShare,
        },
      ];
    }),
  ) as Record<RecordedEstimatorName, RecordedEstimatorFigures>;
  return {
    ...base,
    bucketSides: sides,
    days: report.days,
    fromMs: report.fromMs,
    toMs: report.toMs,
    shareWithLiquidations: report.shareWithLiquidations,
    estimators,
    bestReference: rankOk ? report.bestReference : null,
    modelMinusBestReference: rankOk ? figure(report.modelMinusBestReference, intervalOk) : null,
    tooShort,
  };
}

/**
 * Scores the app's own recordings under `dataDir` (every source, venue and symbol recorded): per
 * bucket of `bucketMinutes` that the liquidation stream covered, the mass each map holds along the
 * bucket's mark path against the realized USD recorded in it, with the real-data scorecard's figures
 * (`setFigures`). Figures the recordings are too short for are null, with the reason in `tooShort`.
 */
export async function runRecordedScorecard(
  dataDir: string,
  bucketMinutes = 30,
  bootstrap: BootstrapOptions = defaultBootstrap,
): Promise<RecordedScorecardReport> {
  const markets = await readRecordedMarkets(dataDir);
  return {
    dataDir,
    bucketMinutes,
    warmupMs: recordedWarmupMs,
    bootstrap,
    minimums: recordedMinimums,
    markets: markets.map((market) => scoreMarket(market, bucketMinutes * 60_000, bootstrap)),
  };
}
