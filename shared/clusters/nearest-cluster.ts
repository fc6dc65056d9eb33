import type { Side } from '../domain/side';
import type { Profile } from './profile';
import { topClusters, type Cluster, type ClusterOptions } from './top-clusters';

/** Which clusters count as "the nearest on the liquidation side". */
export interface NearestClusterOptions extends ClusterOptions {
  /**
   * Only the largest `count` clusters of the side are candidates (default 5), so a crumb of USD
   * next to the mark does not hide the wall behind it.
   */
  readonly count?: number;
}

/**
 * The nearest large cluster of liquidations on a position's own liquidation side: for a long,
 * long liquidations below the mark (a fall runs through them toward the long's liquidation price);
 * for a short, short liquidations above it. Candidates are that side's top clusters (the same
 * non-maximum suppression as `topClusters`, over that side's USD only); the one closest to the mark
 * wins. Null when the side holds nothing in the profile's range.
 */
export function nearestCluster(
  profile: Profile,
  markPrice: number,
  side: Side,
  options: NearestClusterOptions = {},
): Cluster | null {
  return liquidationSideClusters(profile, markPrice, side, options)[0] ?? null;
}

/**
 * The candidates `nearestCluster` chooses from, nearest to the mark first: the largest `count`
 * (default 5) clusters of a position's own liquidation side on its way to liquidation (for a long,
 * long liquidations below the mark). Empty when the side holds nothing there.
 */
export function liquidationSideClusters(
  profile: Profile,
  markPrice: number,
  side: Side,
  options: NearestClusterOptions = {},
): Cluster[] {
  const empty = new Float64Array(profile.long.length);
  const sideOnly: Profile =
    side === 'long'
      ? { ...profile, long: withoutBeyond(profile, markPrice, 'long'), short: empty }
      : { ...profile, long: empty, short: withoutBeyond(profile, markPrice, 'short') };
  return topClusters(sideOnly, markPrice, { ...options, count: options.count ?? 5 }).sort(
    (a, b) => Math.abs(a.distance) - Math.abs(b.distance),
  );
}

/** The nearest cluster on a position's liquidation side, as the positions panel shows it. */
export interface LiquidationSideNearest {
  /** Centre, low and high of the cluster's window, quote units. */
  readonly price: number;
  readonly low: number;
  readonly high: number;
  /** USD of the position's own side's liquidations in the window (longs for a long). */
  readonly usd: number;
  /** (cluster − mark) / mark, signed fraction. */
  readonly distance: number;
  /** The cluster lies between the mark and the position's liquidation price (a cascade through it runs toward it). */
  readonly beforeLiquidation: boolean;
}

/**
 * `nearestCluster` for a position of `side` at `markPrice`, with that side's USD and whether the
 * cluster lies before `liquidationPrice` (false when the liquidation price is unknown). Null when
 * the side holds nothing in the profile's range. The core's position views and the renderer's
 * positions panel both read it, each on the profile it holds.
 */
export function liquidationSideNearest(
  profile: Profile,
  markPrice: number,
  side: Side,
  liquidationPrice: number | null,
): LiquidationSideNearest | null {
  const cluster = nearestCluster(profile, markPrice, side);
  if (cluster === null) return null;
  return {
    price: cluster.price,
    low: cluster.low,
    high: cluster.high,
    usd: side === 'long' ? cluster.longUsd : cluster.shortUsd,
    distance: cluster.distance,
    beforeLiquidation:
      liquidationPrice !== null &&
      (side === 'long' ? cluster.price > liquidationPrice : cluster.price < liquidationPrice),
  };
}

/** The side's USD with bins on the wrong side of the mark (not yet reached by a move toward liquidation) zeroed. */
function withoutBeyond(profile: Profile, markPrice: number, side: Side): Float64Array {
  const source = side === 'long' ? profile.long : profile.short;
  const out = new Float64Array(source.length);
  for (let i = 0; i < source.length; i++) {
    const mid = profile.grid.mid(profile.firstBin + i);
    if (side === 'long' ? mid < markPrice : mid > markPrice) out[i] = source[i] ?? 0;
  }
  return out;
}
