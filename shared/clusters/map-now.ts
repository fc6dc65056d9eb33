import type { Venue } from '../domain/venue';
import type { LedgerView } from './ledger-view';
import { bandOpenInterestUsd, bandUsdAt, nearPriceBandLayout, type BandLayout } from './near-price-band';
import type { Provenance } from './types';

/** One non-empty bin of the map. */
export interface MapBin {
  readonly low: number;
  readonly high: number;
  readonly longUsd: number;
  readonly shortUsd: number;
  /** Long and short USD per leverage, aligned with `LiquidationMap.leverages`. */
  readonly longByLeverage: readonly number[];
  readonly shortByLeverage: readonly number[];
  readonly byVenue: readonly { readonly venue: Venue; readonly longUsd: number; readonly shortUsd: number }[];
  /** Every (venue, side, leverage) present, with its USD and mean birth time. */
  readonly provenance: readonly Provenance[];
  /**
   * The part of `longUsd`/`shortUsd` that is the ledger's near-price band (`LedgerParams.nearPriceBand`):
   * no leverage, no birth time. Absent when the bin holds none.
   */
  readonly nearPrice?: { readonly longUsd: number; readonly shortUsd: number };
}

/** The liquidation map now: USD per price bin, long and short, by leverage and by venue. */
export interface LiquidationMap {
  readonly timeMs: number;
  readonly price: number;
  readonly leverages: readonly number[];
  readonly longUsd: number;
  readonly shortUsd: number;
  /** Non-empty bins within the range, ascending by price. */
  readonly bins: readonly MapBin[];
}

/** A map of `bins` (non-empty, ascending by price) whose totals are the sums of its bins' USD. */
export function mapOfBins(
  timeMs: number,
  price: number,
  leverages: readonly number[],
  bins: readonly MapBin[],
): LiquidationMap {
  return {
    timeMs,
    price,
    leverages,
    longUsd: bins.reduce((sum, bin) => sum + bin.longUsd, 0),
    shortUsd: bins.reduce((sum, bin) => sum + bin.shortUsd, 0),
    bins,
  };
}

/**
 * The map now within ±`rangeFraction` of the mark (default: the heatmap's range). Every bin
 * carries its provenance and its near-price band part; `longUsd`/`shortUsd` are the totals of the
 * bins listed. The bins hold what `buildProfile(view)` holds.
 */
export function liquidationMap(view: LedgerView, rangeFraction = view.params.snapshotRangeFraction): LiquidationMap {
  const grid = view.grid;
  const empty: LiquidationMap = {
    timeMs: view.timeMs,
    price: view.price,
    leverages: view.leverages,
    longUsd: 0,
    shortUsd: 0,
    bins: [],
  };
  if (!(view.price > 0)) return empty;
  const from = grid.binOf(view.price * Math.max(1e-6, 1 - rangeFraction)),
    to = grid.binOf(view.price * (1 + rangeFraction));
  const band = view.params.nearPriceBand;
  const bands = view.venues.map((venue): BandLayout | null =>
    band === null ? null : nearPriceBandLayout(grid, view.price, bandOpenInterestUsd(view, venue), band),
  );
  const bins: MapBin[] = [];
  let longTotal = 0,
    shortTotal = 0;
  for (let bin = from; bin <= to; bin++) {
    const longByLeverage = view.leverages.map(() => 0),
      shortByLeverage = view.leverages.map(() => 0);
    const byVenue: { venue: Venue; longUsd: number; shortUsd: number }[] = [];
    const provenance: Provenance[] = [];
    let nearLong = 0,
      nearShort = 0;
    view.venues.forEach((venue, v) => {
      const layout = bands[v];
      const near = layout ? bandUsdAt(layout, bin) : { long: 0, short: 0 };
      nearLong += near.long;
      nearShort += near.short;
      let venueLong = near.long,
        venueShort = near.short;
      for (const side of ['long', 'short'] as const) {
        const book = view.book(venue, side);
        if (book === undefined) continue;
        for (let k = 0; k < view.leverages.length; k++) {
          const usd = book.usd(k, bin);
          if (!(usd > 0)) continue;
          const leverage = view.leverages[k] ?? 0;
          provenance.push({
            venue,
            side,
            leverage,
            usd,
            meanBirthMs: view.originMs + book.birthMinute(k, bin) * 60_000,
          });
          if (side === 'long') {
            venueLong += usd;
            longByLeverage[k] = (longByLeverage[k] ?? 0) + usd;
          } else {
            venueShort += usd;
            shortByLeverage[k] = (shortByLeverage[k] ?? 0) + usd;
          }
        }
      }
      if (venueLong > 0 || venueShort > 0) byVenue.push({ venue, longUsd: venueLong, shortUsd: venueShort });
    });
    if (provenance.length === 0 && !(nearLong + nearShort > 0)) continue;
    const longUsd = longByLeverage.reduce((a, b) => a + b, 0) + nearLong,
      shortUsd = shortByLeverage.reduce((a, b) => a + b, 0) + nearShort;
    longTotal += longUsd;
    shortTotal += shortUsd;
    bins.push({
      low: grid.low(bin),
      high: grid.high(bin),
      longUsd,
      shortUsd,
      longByLeverage,
      shortByLeverage,
      byVenue,
      provenance,
      ...(nearLong + nearShort > 0 ? { nearPrice: { longUsd: nearLong, shortUsd: nearShort } } : {}),
    });
  }
  return { ...empty, longUsd: longTotal, shortUsd: shortTotal, bins };
}
