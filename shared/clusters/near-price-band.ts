import type { Venue } from '../domain/venue';
import type { LedgerView } from './ledger-view';
import type { PriceGrid } from './price-grid';
import type { Profile } from './profile';

/** A band of levels spread evenly near the price, per side. */
export interface NearPriceBand {
  /** USD per side, as a fraction of open interest (e.g. 0.001 = 0.1 % of OI below and 0.1 % above). */
  readonly shareOfOpenInterest: number;
  /** How far from the price the band reaches, fraction of the price (e.g. 0.02 = 2 %). */
  readonly rangeFraction: number;
}

/** Where a band lies on a grid: long bins [lowBin, priceBin), short bins (priceBin, highBin], USD per bin of each side. */
export interface BandLayout {
  readonly lowBin: number;
  readonly priceBin: number;
  readonly highBin: number;
  readonly longPerBin: number;
  readonly shortPerBin: number;
}

/**
 * Lays out a band of `band.shareOfOpenInterest × openInterestUsd` per side around `price`, or null
 * when the share, the range, the price or the open interest is not positive (no band).
 */
export function nearPriceBandLayout(
  grid: PriceGrid,
  price: number,
  openInterestUsd: number,
  band: NearPriceBand,
): BandLayout | null {
  const usd = band.shareOfOpenInterest * openInterestUsd;
  if (!(usd > 0) || !(band.rangeFraction > 0) || !(price > 0)) return null;
  const lowBin = grid.binOf(price * (1 - band.rangeFraction)),
    highBin = grid.binOf(price * (1 + band.rangeFraction));
  const priceBin = grid.binOf(price);
  return { lowBin, priceBin, highBin, longPerBin: usd / (priceBin - lowBin), shortPerBin: usd / (highBin - priceBin) };
}

/** The band's long and short USD in `bin` (0 outside it). */
export function bandUsdAt(layout: BandLayout, bin: number): { readonly long: number; readonly short: number } {
  return {
    long: bin >= layout.lowBin && bin < layout.priceBin ? layout.longPerBin : 0,
    short: bin > layout.priceBin && bin <= layout.highBin ? layout.shortPerBin : 0,
  };
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
  const layout = nearPriceBandLayout(profile.grid, price, openInterestUsd, band);
  if (layout === null) return profile;
  const { lowBin, priceBin, highBin } = layout;
  const empty = profile.long.length === 0;
  const from = empty ? lowBin : Math.min(lowBin, profile.firstBin),
    to = empty ? highBin : Math.max(highBin, profile.firstBin + profile.long.length - 1);
  const long = new Float64Array(to - from + 1),
    short = new Float64Array(to - from + 1);
  if (!empty) {
    long.set(profile.long, profile.firstBin - from);
    short.set(profile.short, profile.firstBin - from);
  }
  for (let bin = lowBin; bin < priceBin; bin++) long[bin - from] = (long[bin - from] ?? 0) + layout.longPerBin;
  for (let bin = priceBin + 1; bin <= highBin; bin++) short[bin - from] = (short[bin - from] ?? 0) + layout.shortPerBin;
  return { grid: profile.grid, firstBin: from, long, short };
}

/**
 * Adds the band of `layout` to the bins `profile` covers, in place (bins of the band beyond its
 * range are left out): `withNearPriceBand` cropped back to the profile's range, without the copies.
 */
export function addNearPriceBandWithin(
  profile: { readonly firstBin: number; readonly long: Float64Array; readonly short: Float64Array },
  layout: BandLayout,
): void {
  const { firstBin, long, short } = profile;
  const lastBin = firstBin + long.length - 1;
  for (let bin = Math.max(layout.lowBin, firstBin); bin < Math.min(layout.priceBin, lastBin + 1); bin++)
    long[bin - firstBin] = (long[bin - firstBin] ?? 0) + layout.longPerBin;
  for (let bin = Math.max(layout.priceBin + 1, firstBin); bin <= Math.min(layout.highBin, lastBin); bin++)
    short[bin - firstBin] = (short[bin - firstBin] ?? 0) + layout.shortPerBin;
}

/**
 * The open interest a venue's band is sized by in a ledger: its latest sample once the ledger has
 * applied a change (two samples), else 0. Before that (a venue without OI history on a fresh start)
 * the model has seen nothing, so it shows no map, not even the band. Later, a side emptied by a
 * large OI fall keeps its band: the fit measured the band on exactly those maps.
 */
export function bandOpenInterestUsd(view: LedgerView, venue: Venue): number {
  return view.openInterestSamples(venue) >= 2 ? view.openInterestUsd(venue) : 0;
}
