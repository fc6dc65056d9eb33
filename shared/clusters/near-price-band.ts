import type { Profile } from './profile';

/** A band of levels spread evenly near the price, per side. */
export interface NearPriceBand {
  /** USD per side, as a fraction of open interest (e.g. 0.001 = 0.1 % of OI below and 0.1 % above). */
  readonly shareOfOpenInterest: number;
  /** How far from the price the band reaches, fraction of the price (e.g. 0.02 = 2 %). */
  readonly rangeFraction: number;
}

/**
 * The profile with a band added: `shareOfOpenInterest × openInterestUsd` spread evenly over the
 * long bins in [price(1 − range), price) and as much over the short bins in (price, price(1 + range)].
 * It stands for what the ledger cannot place: positions already near their liquidation (cross
 * margin, added to while losing, opened before the first bar, leverage above the mix), which real
 * buckets show: nearly every real bucket-side has liquidations however small its move (measured by
 * `liqlens scorecard --real`, electron/cli/scorecard/README.md). Returns the profile unchanged when the share, the
 * range, the price or the open interest is not positive.
 */
export function withNearPriceBand(
  profile: Profile,
  price: number,
  openInterestUsd: number,
  band: NearPriceBand,
): Profile {
  const usd = band.shareOfOpenInterest * openInterestUsd;
  if (!(usd > 0) || !(band.rangeFraction > 0) || !(price > 0)) return profile;
  const grid = profile.grid;
  const lowBin = grid.binOf(price * (1 - band.rangeFraction)),
    highBin = grid.binOf(price * (1 + band.rangeFraction));
  const priceBin = grid.binOf(price);
  const empty = profile.long.length === 0;
  const from = empty ? lowBin : Math.min(lowBin, profile.firstBin),
    to = empty ? highBin : Math.max(highBin, profile.firstBin + profile.long.length - 1);
  const long = new Float64Array(to - from + 1),
    short = new Float64Array(to - from + 1);
  if (!empty) {
    long.set(profile.long, profile.firstBin - from);
    short.set(profile.short, profile.firstBin - from);
  }
  const longBins = priceBin - lowBin,
    shortBins = highBin - priceBin;
  for (let bin = lowBin; bin < priceBin; bin++) long[bin - from] = (long[bin - from] ?? 0) + usd / longBins;
  for (let bin = priceBin + 1; bin <= highBin; bin++) short[bin - from] = (short[bin - from] ?? 0) + usd / shortBins;
  return { grid, firstBin: from, long, short };
}
