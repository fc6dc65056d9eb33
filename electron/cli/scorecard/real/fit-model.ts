import {
  defaultLedgerParams,
  withNearPriceBand,
  type LedgerParams,
  type NearPriceBand,
} from '../../../../shared/clusters/index';
import { rankCorrelation, type SidePoint } from './bucket-metrics';
import { bucketPrediction } from '../../../core/skill/bucket-mass';
import { ledgerEstimator } from './predict';
import type { BucketSet } from './real-data';

const hourMs = 3_600_000;
const dayMs = 86_400_000;

/** The in-sample/out-of-sample boundary of the hourly set: fits see only buckets before it. */
export const outOfSampleFromMs = Date.UTC(2026, 2, 5);

/** The grid the fit searches (small on purpose: few choices, little room to overfit). */
export const fitGrid = {
  turnoverPerDay: [0, 2, 8],
  halfLifeHours: [24, 72],
  band: [
    null,
    ...[0.0003, 0.001, 0.003].flatMap((shareOfOpenInterest) =>
      [0.01, 0.02].map((rangeFraction): NearPriceBand => ({ shareOfOpenInterest, rangeFraction })),
    ),
  ],
} as const;

/** The fit's choice (the defaults with the chosen churn, half-life and band) and its in-sample pooled rank correlation. */
export interface FitResult {
  readonly params: LedgerParams;
  readonly inSampleRank: number;
}

/**
 * Searches `fitGrid` for the parameters with the highest pooled rank correlation on the set's
 * buckets before `outOfSampleFromMs` (after the same 3-day warm-up the scorecard uses); bars and
 * buckets from that date on are never read. Ties keep the earlier (simpler) candidate.
 */
export function fitModel(set: BucketSet): FitResult {
  const bars = set.bars.filter((bar) => bar.ledger.timeMs + bar.ledger.durationMs <= outOfSampleFromMs);
  const buckets = set.buckets.filter((bucket) => bucket.startMs < outOfSampleFromMs);
  const firstMs = bars[0]?.ledger.timeMs ?? 0;
  let best: FitResult = { params: defaultLedgerParams, inSampleRank: -Infinity };
  for (const turnoverPerDay of fitGrid.turnoverPerDay) {
    for (const halfLifeHours of fitGrid.halfLifeHours) {
      // One replay per (churn, half-life); each band is laid over its maps afterwards, as buildProfile would.
      const params = {
        ...defaultLedgerParams,
        turnoverPerDay,
        halfLifeMs: halfLifeHours * hourMs,
        nearPriceBand: null,
      };
      const estimator = ledgerEstimator(params);
      const points: SidePoint[][] = fitGrid.band.map(() => []);
      let next = 0;
      let openInterestUsd = 0,
        lastClose = 0;
      for (const bucket of buckets) {
        for (let bar = bars[next]; bar !== undefined && bar.ledger.timeMs + bar.ledger.durationMs <= bucket.startMs;) {
          estimator.update(bar);
          openInterestUsd = bar.ledger.openInterestUsd ?? openInterestUsd;
          lastClose = bar.ledger.markClose;
          bar = bars[++next];
        }
        if (bucket.startMs < firstMs + 3 * dayMs) continue;
        const profile = estimator.profile();
        fitGrid.band.forEach((band, b) => {
          const banded = band === null ? profile : withNearPriceBand(profile, lastClose, openInterestUsd, band);
          const predicted = bucketPrediction(banded, bucket);
          points[b]?.push(
            { day: 0, side: 'long', predicted: predicted.long, realizedUsd: bucket.longUsd },
            { day: 0, side: 'short', predicted: predicted.short, realizedUsd: bucket.shortUsd },
          );
        });
      }
      fitGrid.band.forEach((band, b) => {
        const rank = rankCorrelation(points[b] ?? []);
        if (rank > best.inSampleRank) best = { params: { ...params, nearPriceBand: band }, inSampleRank: rank };
      });
    }
  }
  return best;
}
