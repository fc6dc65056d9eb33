import type { RealizedLiquidation } from '../domain/liquidation';
import type { Side } from '../domain/side';
import { venueRegistry, type Venue } from '../domain/venue';
import type { PriceGrid } from './price-grid';
import type { Profile } from './profile';

/**
 * The side of the position that was liquidated, from a venue's raw `buy`/`sell`: a forced sell
 * order closes a long; a position side is already the answer (which one a venue sends: the
 * registry's `liquidationSide`).
 */
export function liquidatedSide(venue: Venue, rawSide: 'buy' | 'sell'): Side {
  if (venueRegistry[venue].liquidationSide === 'order') return rawSide === 'sell' ? 'long' : 'short';
  return rawSide === 'buy' ? 'long' : 'short';
}

/**
 * Realized liquidations aggregated per price bin and time bucket, kept beside the estimate on the
 * same grid. Every amount is USD of the LIQUIDATED side (`RealizedLiquidation.side`): `long` =
 * longs that were force-sold.
 */
export interface RealizedBook {
  readonly grid: PriceGrid;
  readonly bucketMs: number;
  add(liquidation: RealizedLiquidation): void;
  /** USD per bin of liquidations with time in [fromMs, toMs). */
  profile(fromMs: number, toMs: number): Profile;
  /** Long and short USD per time bucket, oldest first. */
  series(): readonly { readonly timeMs: number; readonly longUsd: number; readonly shortUsd: number }[];
}

/** Creates an empty book on `grid` with buckets of `bucketMs` (default one hour). */
export function createRealizedBook(grid: PriceGrid, bucketMs = 3_600_000): RealizedBook {
  // bucket start -> bin -> [long USD, short USD]
  const buckets = new Map<number, Map<number, [number, number]>>();
  return {
    grid,
    bucketMs,
    add(liquidation) {
      if (!(liquidation.price > 0) || !(liquidation.notionalUsd > 0)) return;
      const start = Math.floor(liquidation.timeMs / bucketMs) * bucketMs;
      let bins = buckets.get(start);
      if (bins === undefined) {
        bins = new Map();
        buckets.set(start, bins);
      }
      const bin = grid.binOf(liquidation.price);
      const cell = bins.get(bin) ?? [0, 0];
      cell[liquidation.side === 'long' ? 0 : 1] += liquidation.notionalUsd;
      bins.set(bin, cell);
    },
    profile(fromMs, toMs) {
      let lo = Infinity,
        hi = -Infinity;
      const chosen = [...buckets.entries()].filter(([start]) => start + bucketMs > fromMs && start < toMs);
      for (const [, bins] of chosen)
        for (const bin of bins.keys()) {
          lo = Math.min(lo, bin);
          hi = Math.max(hi, bin);
        }
      if (!(lo <= hi)) return { grid, firstBin: 0, long: new Float64Array(0), short: new Float64Array(0) };
      const long = new Float64Array(hi - lo + 1),
        short = new Float64Array(hi - lo + 1);
      for (const [, bins] of chosen) {
        for (const [bin, [l, s]] of bins) {
          long[bin - lo] = (long[bin - lo] ?? 0) + l;
          short[bin - lo] = (short[bin - lo] ?? 0) + s;
        }
      }
      return { grid, firstBin: lo, long, short };
    },
    series() {
      return [...buckets.entries()]
        .sort(([a], [b]) => a - b)
        .map(([timeMs, bins]) => {
          let longUsd = 0,
            shortUsd = 0;
          for (const [l, s] of bins.values()) {
            longUsd += l;
            shortUsd += s;
          }
          return { timeMs, longUsd, shortUsd };
        });
    },
  };
}
