import {
  blockBootstrap,
  rankCorrelation,
  topDecileHitRate,
  type BootstrapOptions,
  type Interval,
  type SidePoint,
} from './bucket-metrics';
import { fitModel, outOfSampleFromMs, type FitResult } from './fit-model';
import { predictSet, realEstimatorNames, type RealEstimatorName, type SetPoints } from './predict';
import { bucketShape, type BucketShape } from './bucket-shape';
import { loadFiveMinuteSet, loadHourlySet, type Bucket } from './real-data';
import { simBucketFigures, type SimBucketFigures } from './sim-buckets';

const dayMs = 86_400_000;

/** One estimator's figures on one set. */
export interface EstimatorFigures {
  /** Spearman ρ over every bucket-side, with its block-bootstrap interval over days. */
  readonly pooled: Interval;
  readonly long: number;
  readonly short: number;
  readonly topDecile: Interval;
  /** Share of bucket-sides it predicts exactly 0 for. */
  readonly zeroShare: number;
}

/** The scorecard of one set (or one part of it). */
export interface SetFigures {
  readonly name: string;
  readonly fromMs: number;
  readonly toMs: number;
  readonly buckets: number;
  readonly days: number;
  /** Share of bucket-sides with any realized liquidation. */
  readonly shareWithLiquidations: number;
  /** How the realized liquidations look beside the moves and open interest (the simulator is compared on it). */
  readonly shape: BucketShape;
  readonly estimators: Readonly<Record<RealEstimatorName, EstimatorFigures>>;
  /** Which map-free reference scored higher here, and the model's pooled ρ minus its, paired interval. */
  readonly bestReference: 'moveTimesOi' | 'moveOnly';
  readonly modelMinusBestReference: Interval;
  /**
   * The shipped model's imbalance (short USD above vs long USD below within ± 5 % at the bucket's open):
   * share of buckets where it leaned the way the bucket closed (flat buckets left out), with interval.
   */
  readonly imbalanceAgreement: Interval;
}

/** `liqlens scorecard --real DIR --json` prints exactly this. */
export interface RealScorecardReport {
  readonly fit: {
    readonly params: FitResult['params'];
    readonly inSampleRank: number;
    readonly outOfSampleFromMs: number;
  };
  readonly bootstrap: BootstrapOptions;
  readonly sets: readonly SetFigures[];
  /**
   * The simulator (BTCUSDT, seed 1, 2 days per scenario, hourly buckets, the default market) on the
   * same measure.
   */
  readonly simulator: readonly (SimBucketFigures & { readonly scenario: string; readonly label: string })[];
}

/** Default bootstrap: 400 resamples of days, 90 % intervals, seed 1. */
export const defaultBootstrap: BootstrapOptions = { seed: 1, resamples: 400, coverage: 0.9 };

const round = (value: number): number => Math.round(value * 10_000) / 10_000;
const roundInterval = (interval: Interval): Interval => ({
  value: round(interval.value),
  low: round(interval.low),
  high: round(interval.high),
});
const mean = (points: readonly SidePoint[]): number =>
  points.length === 0 ? 0 : points.reduce((sum, p) => sum + p.predicted, 0) / points.length;

/**
 * One set's figures from its scored points: per estimator the pooled ρ and top-decile hit rate with
 * their block-bootstrap intervals over days, ρ per side, the share predicted 0; the best map-free
 * reference and the model's paired lead over it; the imbalance's agreement. Deterministic for `bootstrap`.
 */
export function setFigures(
  name: string,
  points: SetPoints,
  imbalancePoints: readonly SidePoint[],
  scored: readonly Bucket[],
  bootstrap: BootstrapOptions,
): SetFigures {
  const model = points.model;
  const bestReference =
    rankCorrelation(points.moveTimesOi) >= rankCorrelation(points.moveOnly) ? 'moveTimesOi' : 'moveOnly';
  const groups = [...realEstimatorNames.map((estimator) => points[estimator]), imbalancePoints];
  const n = realEstimatorNames.length;
  const best = realEstimatorNames.indexOf(bestReference);
  const intervals = blockBootstrap(
    groups,
    (sample) => {
      const ranks = sample.slice(0, n).map(rankCorrelation);
      return [
        ...ranks,
        ...sample.slice(0, n).map(topDecileHitRate),
        (ranks[0] ?? 0) - (ranks[best] ?? 0),
        mean(sample[n] ?? []),
      ];
    },
    bootstrap,
  );
  const estimators = Object.fromEntries(
    realEstimatorNames.map((estimator, i) => {
      const all = points[estimator];
      return [
        estimator,
        {
          pooled: roundInterval(intervals[i] ?? { value: 0, low: 0, high: 0 }),
          long: round(rankCorrelation(all.filter((p) => p.side === 'long'))),
          short: round(rankCorrelation(all.filter((p) => p.side === 'short'))),
          topDecile: roundInterval(intervals[n + i] ?? { value: 0, low: 0, high: 0 }),
          zeroShare: round(all.filter((p) => p.predicted === 0).length / Math.max(1, all.length)),
        },
      ];
    }),
  ) as Record<RealEstimatorName, EstimatorFigures>;
  const days = model.map((p) => p.day);
  return {
    name,
    fromMs: Math.min(...days) * dayMs,
    toMs: (Math.max(...days) + 1) * dayMs,
    buckets: model.length / 2,
    days: new Set(days).size,
    shareWithLiquidations: round(model.filter((p) => p.realizedUsd > 0).length / Math.max(1, model.length)),
    shape: bucketShape(scored),
    estimators,
    bestReference,
    modelMinusBestReference: roundInterval(intervals[2 * n] ?? { value: 0, low: 0, high: 0 }),
    imbalanceAgreement: roundInterval(intervals[2 * n + 1] ?? { value: 0, low: 0, high: 0 }),
  };
}

function split(points: SetPoints, keep: (point: SidePoint) => boolean): SetPoints {
  return Object.fromEntries(
    realEstimatorNames.map((name) => [name, points[name].filter(keep)]),
  ) as unknown as SetPoints;
}

/**
 * Scores the model (fitted on the hourly set before `outOfSampleFromMs`), the shipped default, the
 * two baselines and the two map-free references on the bundled real data (`data/real-market/`):
 * the hourly set in-sample and out-of-sample, and the 5-minute set (all of it after the boundary,
 * so out-of-sample too). Deterministic for its bootstrap options. Takes some seconds.
 */
export function runRealScorecard(dir: string, bootstrap: BootstrapOptions = defaultBootstrap): RealScorecardReport {
  const hourly = loadHourlySet(dir);
  const fiveMinute = loadFiveMinuteSet(dir);
  const fit = fitModel(hourly);
  const hourlyPoints = predictSet(hourly, fit.params);
  const fivePoints = predictSet(fiveMinute, fit.params);
  const before = (p: { day: number }): boolean => p.day * dayMs < outOfSampleFromMs;
  return {
    fit: { params: fit.params, inSampleRank: round(fit.inSampleRank), outOfSampleFromMs },
    bootstrap,
    sets: [
      setFigures(
        `${hourly.name}, in-sample`,
        split(hourlyPoints, before),
        hourlyPoints.imbalance.filter(before),
        hourlyPoints.scored.filter((bucket) => bucket.startMs < outOfSampleFromMs),
        bootstrap,
      ),
      setFigures(
        `${hourly.name}, out-of-sample`,
        split(hourlyPoints, (p) => !before(p)),
        hourlyPoints.imbalance.filter((p) => !before(p)),
        hourlyPoints.scored.filter((bucket) => bucket.startMs >= outOfSampleFromMs),
        bootstrap,
      ),
      setFigures(`${fiveMinute.name}, out-of-sample`, fivePoints, fivePoints.imbalance, fivePoints.scored, bootstrap),
    ],
    simulator: (['calm', 'long-squeeze-crash'] as const).map((scenario) => ({
      scenario,
      label: `simulator, ${scenario}`,
      ...simBucketFigures({ seed: 1, scenario, days: 2 }),
    })),
  };
}
