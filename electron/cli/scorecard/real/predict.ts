import {
  buildProfile,
  imbalance,
  createLedger,
  createPriceGrid,
  defaultLedgerParams,
  type LedgerParams,
  type VenueMarket,
} from '../../../../shared/clusters/index';
import { defaultSymbols } from '../../../sim/market/instruments';
import { createCandleDirectionBaseline } from '../baseline-candle-direction';
import { createVolumeSpikeBaseline } from '../baseline-volume-spike';
import type { Estimator } from '../estimator';
import { simVenueMarket } from '../sim-feed';
import type { SidePoint } from './bucket-metrics';
import { bucketPrediction, references } from '../../../core/skill/bucket-mass';
import type { Bucket, BucketSet } from './real-data';

const dayMs = 86_400_000;

/** Names of everything the real-data scorecard scores, in the order it prints them. */
export const realEstimatorNames = [
  'model',
  'modelDefault',
  'candleDirection',
  'volumeSpike',
  'moveTimesOi',
  'moveOnly',
] as const;
/** One of `realEstimatorNames`. */
export type RealEstimatorName = (typeof realEstimatorNames)[number];

/**
 * The ledger as the scorecard runs it, read as the app reads it (`buildProfile`, near-price band
 * included). On the bundled real BTCUSDT data: one Binance USDⓈ-M market with the simulator's
 * Binance-shaped BTCUSDT tiers (real tables are fetched by the app, never bundled); on recordings,
 * the recorded market's own saved tiers.
 */
export function ledgerEstimator(params: LedgerParams, name = 'model', market = btcMarket()): Estimator {
  const ledger = createLedger({ markets: [market], params });
  return {
    name,
    update: (bar) => ledger.update(market.venue, bar.ledger),
    profile: () => buildProfile(ledger),
  };
}

function btcMarket(): VenueMarket {
  return simVenueMarket(defaultSymbols()[0]?.instrument ?? failNoSymbol());
}

function failNoSymbol(): never {
  throw new Error('the simulator lists no BTCUSDT instrument');
}

/** Per estimator, one point per scored bucket-side (long and short of each bucket after the warm-up). */
export type SetPoints = Readonly<Record<RealEstimatorName, readonly SidePoint[]>>;

/**
 * Feeds every estimator the set's bars in time order and, at each bucket's open (every bar that
 * closed by then fed, nothing after), reads what its map holds along the bucket's path; the two
 * references need no map. Buckets within `warmupMs` of the first bar are fed but not scored (the
 * map starts empty); `scored` lists the buckets that were, in order. `market`: the contract the ledgers
 * price (default: BTCUSDT on Binance).
 */
export function predictSet(
  set: BucketSet,
  model: LedgerParams,
  warmupMs = 3 * dayMs,
  market?: VenueMarket,
): SetPoints & { readonly imbalance: readonly SidePoint[]; readonly scored: readonly Bucket[] } {
  const grid = createPriceGrid(defaultLedgerParams.binSize);
  const estimators: Record<Exclude<RealEstimatorName, 'moveTimesOi' | 'moveOnly'>, Estimator> = {
    model: ledgerEstimator(model, 'model', market),
    modelDefault: ledgerEstimator(defaultLedgerParams, 'modelDefault', market),
    candleDirection: createCandleDirectionBaseline(grid),
    volumeSpike: createVolumeSpikeBaseline(grid),
  };
  const out: Record<RealEstimatorName, SidePoint[]> = {
    model: [],
    modelDefault: [],
    candleDirection: [],
    volumeSpike: [],
    moveTimesOi: [],
    moveOnly: [],
  };
  // The shipped model's imbalance (what the badge shows) at each bucket's open (± 5 %): predicted 1 when its lean (more shorts above
  // = up) matched the bucket's close, 0 when not; even maps and flat buckets are left out.
  const leans: SidePoint[] = [];
  const scored: Bucket[] = [];
  const firstMs = set.bars[0]?.ledger.timeMs ?? 0;
  let next = 0;
  const push = (name: RealEstimatorName, bucket: Bucket, predicted: { long: number; short: number }): void => {
    const day = Math.floor(bucket.startMs / dayMs);
    out[name].push({ day, side: 'long', predicted: predicted.long, realizedUsd: bucket.longUsd });
    out[name].push({ day, side: 'short', predicted: predicted.short, realizedUsd: bucket.shortUsd });
  };
  for (const bucket of set.buckets) {
    for (let bar = set.bars[next]; bar !== undefined && bar.ledger.timeMs + bar.ledger.durationMs <= bucket.startMs;) {
      for (const estimator of Object.values(estimators)) estimator.update(bar);
      bar = set.bars[++next];
    }
    if (bucket.startMs < firstMs + warmupMs || !(bucket.longUsd >= 0) || !(bucket.shortUsd >= 0)) continue;
    for (const [name, estimator] of Object.entries(estimators) as [RealEstimatorName, Estimator][]) {
      const profile = estimator.profile();
      push(name, bucket, bucketPrediction(profile, bucket));
      if (name !== 'modelDefault') continue;
      const lean = imbalance(profile, bucket.open, { kind: 'fraction', fraction: 0.05 });
      const move = Math.sign(bucket.close - bucket.open),
        leaning = Math.sign(lean.shortAboveUsd - lean.longBelowUsd);
      if (move !== 0 && leaning !== 0)
        leans.push({
          day: Math.floor(bucket.startMs / dayMs),
          side: 'long',
          predicted: move === leaning ? 1 : 0,
          realizedUsd: 0,
        });
    }
    push('moveTimesOi', bucket, references.moveTimesOi(bucket));
    push('moveOnly', bucket, references.moveOnly(bucket));
    scored.push(bucket);
  }
  return { ...out, imbalance: leans, scored };
}
