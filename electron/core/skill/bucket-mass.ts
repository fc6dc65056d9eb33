import type { Profile } from '../../../shared/clusters/index';

/** One scored bucket: its price path (open, high, low, close), the open interest at its open and the liquidations realized in it. */
export interface Bucket {
  /** Bucket start, Unix ms (UTC). */
  readonly startMs: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  /** Open interest known at the bucket's open, USD (the last sample before it). */
  readonly openInterestUsd: number;
  /** Realized liquidations of longs and of shorts in the bucket, USD. */
  readonly longUsd: number;
  readonly shortUsd: number;
}

/**
 * USD a profile holds on one side between two prices, bins counted by the share of their width
 * (on the grid's own scale) that lies inside [fromPrice, toPrice]. 0 when the range is empty.
 */
export function massBetween(profile: Profile, side: 'long' | 'short', fromPrice: number, toPrice: number): number {
  if (!(toPrice > fromPrice) || !(fromPrice > 0)) return 0;
  const values = side === 'long' ? profile.long : profile.short;
  const from = profile.grid.position(fromPrice),
    to = profile.grid.position(toPrice);
  let sum = 0;
  const first = Math.max(Math.floor(from), profile.firstBin),
    last = Math.min(Math.floor(to), profile.firstBin + values.length - 1);
  for (let bin = first; bin <= last; bin++) {
    const overlap = Math.min(bin + 1, to) - Math.max(bin, from);
    if (overlap > 0) sum += (values[bin - profile.firstBin] ?? 0) * overlap;
  }
  return sum;
}

/**
 * What a map predicts for a bucket's price path: long levels between the low and the open (a fall
 * to the low trades through them), short levels between the open and the high.
 */
export function bucketPrediction(profile: Profile, bucket: Bucket): { long: number; short: number } {
  return {
    long: massBetween(profile, 'long', bucket.low, bucket.open),
    short: massBetween(profile, 'short', bucket.open, bucket.high),
  };
}

/** The map-free references: the move's size (fraction of the open) times open interest, and the move alone. */
export const references = {
  moveTimesOi: (bucket: Bucket) => ({
    long: ((bucket.open - bucket.low) / bucket.open) * bucket.openInterestUsd,
    short: ((bucket.high - bucket.open) / bucket.open) * bucket.openInterestUsd,
  }),
  moveOnly: (bucket: Bucket) => ({
    long: (bucket.open - bucket.low) / bucket.open,
    short: (bucket.high - bucket.open) / bucket.open,
  }),
} as const;
