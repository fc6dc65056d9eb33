import type { Profile } from './profile';
import { topClusters } from './top-clusters';

/**
 * Where the imbalance looks: ±`fraction` of the mark; explicit bounds; or up to the nearest top
 * cluster above and down to the nearest below (of the top `count`, default 10).
 */
export type ImbalanceWindow =
  | { readonly kind: 'fraction'; readonly fraction: number }
  | { readonly kind: 'prices'; readonly up: number; readonly down: number }
  | { readonly kind: 'nearest-top-cluster'; readonly count?: number };

/** "$X of short liquidations up to A vs $Y of longs down to B". */
export interface Imbalance {
  /** Short liquidations with a bin middle in (mark, upTo], USD. */
  readonly shortAboveUsd: number;
  /** Long liquidations with a bin middle in [downTo, mark), USD. */
  readonly longBelowUsd: number;
  /** shortAbove / longBelow; null when longBelow is 0. > 1: more to squeeze upward. */
  readonly ratio: number | null;
  readonly upTo: number;
  readonly downTo: number;
}

/**
 * Reads the two cumulative curves at `upTo` and `downTo` (docs/research/liquidation-maps.md §1.1
 * item 5). Long levels above the mark and short levels below it (not yet consumed inside their
 * bin) count with their side, on the side of the mark they sit: they are excluded here, as they are
 * not "above" or "below" in the sense of this figure. A nearest-cluster window with no cluster on
 * one side uses the mark there.
 */
export function imbalance(profile: Profile, markPrice: number, window: ImbalanceWindow): Imbalance {
  let upTo: number, downTo: number;
  if (window.kind === 'fraction') {
    upTo = markPrice * (1 + window.fraction);
    downTo = markPrice * (1 - window.fraction);
  } else if (window.kind === 'prices') {
    upTo = window.up;
    downTo = window.down;
  } else {
    const clusters = topClusters(profile, markPrice, { count: window.count ?? 10 });
    const above = clusters.filter((c) => c.price > markPrice).map((c) => c.price);
    const below = clusters.filter((c) => c.price < markPrice).map((c) => c.price);
    upTo = above.length > 0 ? Math.min(...above) : markPrice;
    downTo = below.length > 0 ? Math.max(...below) : markPrice;
  }
  let shortAboveUsd = 0,
    longBelowUsd = 0;
  for (let i = 0; i < profile.long.length; i++) {
    const mid = profile.grid.mid(profile.firstBin + i);
    if (mid > markPrice && mid <= upTo) shortAboveUsd += profile.short[i] ?? 0;
    else if (mid < markPrice && mid >= downTo) longBelowUsd += profile.long[i] ?? 0;
  }
  return { shortAboveUsd, longBelowUsd, ratio: longBelowUsd > 0 ? shortAboveUsd / longBelowUsd : null, upTo, downTo };
}
