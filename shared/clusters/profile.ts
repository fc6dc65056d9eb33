import type { Venue } from '../domain/venue';
import type { HeatmapSnapshot, LedgerView } from './ledger-view';
import { addNearPriceBandWithin, bandOpenInterestUsd, nearPriceBandLayout, withNearPriceBand } from './near-price-band';
import type { PriceGrid } from './price-grid';

/**
 * Long and short USD per bin over a contiguous range of a grid: the input of every derived output
 * (cumulative curves, imbalance, top clusters, cascade path), whether it comes from the live ledger,
 * a heatmap snapshot, realized liquidations or a baseline model.
 */
export interface Profile {
  readonly grid: PriceGrid;
  /** Grid index of element 0. */
  readonly firstBin: number;
  readonly long: Float64Array | Float32Array;
  readonly short: Float64Array | Float32Array;
}

/** Which part of the ledger to aggregate. */
export interface ProfileFilter {
  /** Only these venues (default: all). */
  readonly venues?: readonly Venue[];
  /** Only these leverages of the mix (default: all). */
  readonly leverages?: readonly number[];
  /** Price range to cover (default: every bin that holds USD). */
  readonly fromPrice?: number;
  readonly toPrice?: number;
}

/**
 * Sums the ledger's books into one profile (USD per bin, long and short), plus the near-price band
 * of `params.nearPriceBand` around the latest price, sized by the selected venues' OI (`bandOpenInterestUsd`). The band has
 * no leverage, so a leverage filter leaves it out. A requested price range crops the result.
 */
export function buildProfile(view: LedgerView, filter: ProfileFilter = {}, scratch?: ProfileScratch): Profile {
  const books = bookProfile(view, filter, scratch);
  const band = view.params.nearPriceBand;
  if (band === null || filter.leverages !== undefined) return books;
  const venues = filter.venues ?? view.venues;
  const openInterestUsd = venues.reduce((sum, venue) => sum + bandOpenInterestUsd(view, venue), 0);
  if (filter.fromPrice !== undefined && filter.toPrice !== undefined) {
    // The range is fixed: the band goes into the books' own arrays (a heatmap column each hour).
    const layout = nearPriceBandLayout(view.grid, view.price, openInterestUsd, band);
    if (layout !== null) addNearPriceBandWithin(books, layout);
    return books;
  }
  const banded = withNearPriceBand(books, view.price, openInterestUsd, band);
  if (banded === books || (filter.fromPrice === undefined && filter.toPrice === undefined)) return banded;
  const from = filter.fromPrice === undefined ? banded.firstBin : view.grid.binOf(filter.fromPrice);
  const to = filter.toPrice === undefined ? banded.firstBin + banded.long.length - 1 : view.grid.binOf(filter.toPrice);
  return cropProfile(banded, from, to);
}

/** The bins [from, to] of a profile (zeros where it holds none). */
function cropProfile(profile: Profile, from: number, to: number): Profile {
  const length = Math.max(0, to - from + 1);
  const long = new Float64Array(length),
    short = new Float64Array(length);
  const lo = Math.max(from, profile.firstBin),
    hi = Math.min(to, profile.firstBin + profile.long.length - 1);
  for (let bin = lo; bin <= hi; bin++) {
    long[bin - from] = profile.long[bin - profile.firstBin] ?? 0;
    short[bin - from] = profile.short[bin - profile.firstBin] ?? 0;
  }
  return { grid: profile.grid, firstBin: length === 0 ? 0 : from, long, short };
}

/**
 * Arrays a caller that copies each profile at once (a heatmap column) lends to `buildProfile`, so
 * building one allocates nothing: the profile's arrays are zeroed views into these, valid until the
 * next build with the same scratch.
 */
export interface ProfileScratch {
  long: Float64Array;
  short: Float64Array;
}

/** An empty scratch; it grows to the longest profile built with it. */
export function createProfileScratch(): ProfileScratch {
  return { long: new Float64Array(0), short: new Float64Array(0) };
}

/** `length` zeroed bins of `scratch` (grown when shorter), or fresh arrays without one. */
function zeroedArrays(length: number, scratch: ProfileScratch | undefined): [Float64Array, Float64Array] {
  if (scratch === undefined) return [new Float64Array(length), new Float64Array(length)];
  if (scratch.long.length < length) {
    scratch.long = new Float64Array(length);
    scratch.short = new Float64Array(length);
  }
  const long = scratch.long.subarray(0, length),
    short = scratch.short.subarray(0, length);
  long.fill(0);
  short.fill(0);
  return [long, short];
}

function bookProfile(
  view: LedgerView,
  filter: ProfileFilter,
  scratch: ProfileScratch | undefined,
): Profile & { readonly long: Float64Array; readonly short: Float64Array } {
  const venues = filter.venues ?? view.venues;
  const leverageIndices = view.leverages
    .map((leverage, index) => (filter.leverages === undefined || filter.leverages.includes(leverage) ? index : -1))
    .filter((index) => index >= 0);
  let from = Infinity,
    to = -Infinity;
  for (const venue of venues) {
    for (const side of ['long', 'short'] as const) {
      const [lo, hi] = view.book(venue, side)?.range() ?? [1, 0];
      if (lo <= hi) {
        from = Math.min(from, lo);
        to = Math.max(to, hi);
      }
    }
  }
  if (filter.fromPrice !== undefined) from = view.grid.binOf(filter.fromPrice);
  if (filter.toPrice !== undefined) to = view.grid.binOf(filter.toPrice);
  if (!(from <= to)) return { grid: view.grid, firstBin: 0, long: new Float64Array(0), short: new Float64Array(0) };
  const [long, short] = zeroedArrays(to - from + 1, scratch);
  for (const venue of venues) {
    for (const [side, out] of [
      ['long', long],
      ['short', short],
    ] as const) {
      const book = view.book(venue, side);
      if (book === undefined) continue;
      book.addTo(out, from, from, to, leverageIndices);
    }
  }
  return { grid: view.grid, firstBin: from, long, short };
}

/** The profile of a heatmap snapshot (no copy). */
export function snapshotProfile(grid: PriceGrid, snapshot: HeatmapSnapshot): Profile {
  return { grid, firstBin: snapshot.firstBin, long: snapshot.long, short: snapshot.short };
}

/** Total long and short USD of a profile, optionally only bins whose middle lies in [fromPrice, toPrice]. */
export function profileTotals(
  profile: Profile,
  fromPrice = 0,
  toPrice = Infinity,
): { longUsd: number; shortUsd: number } {
  let longUsd = 0,
    shortUsd = 0;
  for (let i = 0; i < profile.long.length; i++) {
    const mid = profile.grid.mid(profile.firstBin + i);
    if (mid < fromPrice || mid > toPrice) continue;
    longUsd += profile.long[i] ?? 0;
    shortUsd += profile.short[i] ?? 0;
  }
  return { longUsd, shortUsd };
}
