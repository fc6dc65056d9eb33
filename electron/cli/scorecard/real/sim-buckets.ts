import { createPriceGrid, defaultLedgerParams, type Profile } from '../../../../shared/clusters/index';
import { createSimMarket, type SimMarketOptions } from '../../../sim/market/index';
import type { SimScenarioName } from '../../../sim/market/types';
import { truthUsd } from '../metrics';
import { publishedBars } from '../sim-feed';
import { rankCorrelation, type SidePoint } from './bucket-metrics';
import { bucketPrediction, references } from '../../../core/skill/bucket-mass';
import { bucketShape, type BucketShape } from './bucket-shape';
import { ledgerEstimator } from './predict';
import type { Bucket } from './real-data';

const hourMs = 3_600_000;
const dayMs = 86_400_000;

/** The simulator on the real-data measure: what it looks like next to the real sets. */
export interface SimBucketFigures {
  readonly buckets: number;
  /** Share of bucket-sides with any realized liquidation. */
  readonly shareWithLiquidations: number;
  /** How its realized liquidations look beside the moves and open interest, as the real sets' `shape`. */
  readonly shape: BucketShape;
  /** Pooled rank correlation per bucket-side of each map and reference against realized USD. */
  readonly rank: {
    readonly truth: number;
    readonly model: number;
    readonly moveTimesOi: number;
    readonly moveOnly: number;
  };
}

function truthProfile(levels: ReturnType<ReturnType<typeof createSimMarket>['truth']>): Profile {
  const grid = createPriceGrid(defaultLedgerParams.binSize);
  const bins = levels.map((level) => grid.binOf(level.liquidationPrice));
  const from = Math.min(...bins),
    to = Math.max(...bins);
  if (!(from <= to)) return { grid, firstBin: 0, long: new Float64Array(0), short: new Float64Array(0) };
  const long = new Float64Array(to - from + 1),
    short = new Float64Array(to - from + 1);
  levels.forEach((level, i) => {
    const out = level.side === 'long' ? long : short;
    const bin = (bins[i] ?? from) - from;
    out[bin] = (out[bin] ?? 0) + truthUsd(level);
  });
  return { grid, firstBin: from, long, short };
}

/**
 * Runs the simulator's BTCUSDT for `days` after a day of warm-up and scores, per hourly bucket, the
 * simulator's exact truth map (its traders' liquidation levels at the bucket's open), the shipped
 * model fed what a venue publishes, and the two references, against the liquidations the bucket
 * realized: the real-data measure, on the simulator. Deterministic for its options.
 */
export function simBucketFigures(options: {
  seed: number;
  scenario: SimScenarioName;
  days: number;
  /** The market's options beyond the above (tests of the trader population pass theirs). */
  market?: Partial<SimMarketOptions>;
}): SimBucketFigures {
  const market = createSimMarket({
    seed: options.seed,
    scenario: options.scenario,
    historyDays: 1,
    accounts: [],
    ...options.market,
  });
  const symbol = 'BTCUSDT';
  const model = ledgerEstimator(defaultLedgerParams);
  let fedMs = market.historyStartMs;
  const points: Record<keyof SimBucketFigures['rank'], SidePoint[]> = {
    truth: [],
    model: [],
    moveTimesOi: [],
    moveOnly: [],
  };
  const push = (
    name: keyof SimBucketFigures['rank'],
    bucket: Bucket,
    predicted: { long: number; short: number },
  ): void => {
    const day = Math.floor(bucket.startMs / dayMs);
    points[name].push({ day, side: 'long', predicted: predicted.long, realizedUsd: bucket.longUsd });
    points[name].push({ day, side: 'short', predicted: predicted.short, realizedUsd: bucket.shortUsd });
  };
  const buckets: Bucket[] = [];
  for (let hour = 0; hour < options.days * 24; hour++) {
    const startMs = Math.floor(market.now() / 60_000) * 60_000;
    for (const bar of publishedBars(market, symbol, fedMs, startMs)) model.update(bar);
    fedMs = startMs;
    const truth = truthProfile(market.truth(symbol));
    const modelProfile = model.profile();
    const openInterestUsd = market.openInterestHistory(symbol, startMs - 10 * 60_000, startMs + 1).at(-1);
    market.advance(hourMs);
    const bars = market.bars(symbol, 'last', startMs, startMs + hourMs, Number.MAX_SAFE_INTEGER);
    const first = bars[0];
    if (first === undefined || openInterestUsd === undefined) continue;
    const liquidations = market.liquidations(symbol, startMs, startMs + hourMs);
    const sum = (side: 'long' | 'short'): number =>
      liquidations.filter((item) => item.side === side).reduce((total, item) => total + item.price * item.size, 0);
    const bucket: Bucket = {
      startMs,
      open: first.open,
      high: Math.max(...bars.map((bar) => bar.high)),
      low: Math.min(...bars.map((bar) => bar.low)),
      close: bars.at(-1)?.close ?? first.close,
      openInterestUsd: openInterestUsd.openInterest * first.open,
      longUsd: sum('long'),
      shortUsd: sum('short'),
    };
    buckets.push(bucket);
    push('truth', bucket, bucketPrediction(truth, bucket));
    push('model', bucket, bucketPrediction(modelProfile, bucket));
    push('moveTimesOi', bucket, references.moveTimesOi(bucket));
    push('moveOnly', bucket, references.moveOnly(bucket));
  }
  const round = (value: number): number => Math.round(value * 10_000) / 10_000;
  const all = points.truth;
  return {
    buckets: all.length / 2,
    shareWithLiquidations: round(all.filter((p) => p.realizedUsd > 0).length / Math.max(1, all.length)),
    shape: bucketShape(buckets),
    rank: {
      truth: round(rankCorrelation(points.truth)),
      model: round(rankCorrelation(points.model)),
      moveTimesOi: round(rankCorrelation(points.moveTimesOi)),
      moveOnly: round(rankCorrelation(points.moveOnly)),
    },
  };
}
