import type { Side } from '../domain/side';
import { liquidationSideClusters } from './nearest-cluster';
import type { Profile } from './profile';

/** The part of a candle the true range reads (quote units). */
export interface RangeBar {
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

/**
 * Average true range over the last `period` bars, quote units: the plain mean of
 * max(high, previous close) − min(low, previous close), the first bar's range being high − low
 * (Wilder's smoothing is not used: a short window answers faster after a regime change). Bars that
 * are not finite or have high < low are skipped. Null with no usable bar or a period below 1.
 */
export function averageTrueRange(bars: readonly RangeBar[], period = 14): number | null {
  if (!(period >= 1)) return null;
  const ranges: number[] = [];
  let previousClose: number | null = null;
  for (const bar of bars) {
    if (!(bar.high >= bar.low) || !Number.isFinite(bar.high) || !Number.isFinite(bar.low)) continue;
    const high = previousClose === null ? bar.high : Math.max(bar.high, previousClose);
    const low = previousClose === null ? bar.low : Math.min(bar.low, previousClose);
    ranges.push(high - low);
    if (Number.isFinite(bar.close)) previousClose = bar.close;
  }
  const last = ranges.slice(-Math.floor(period));
  if (last.length === 0) return null;
  return last.reduce((sum, range) => sum + range, 0) / last.length;
}

/** How stops are placed. */
export interface StopOptions {
  /** Bars of the true-range average (default 14). */
  readonly atrPeriod?: number;
  /** Buffer beyond the cluster's far edge, in ATRs (default 1.5). */
  readonly atrMultiple?: number;
  /** How many stops, one per cluster, nearest cluster first (default 2). */
  readonly count?: number;
  /**
   * The least room between a stop and the liquidation price, in ATRs (default 0.5): a stop closer
   * than that would be filled in the same move that liquidates (slippage, the mark-price lag), so it
   * is dropped and said to be too close.
   */
  readonly minLiquidationGapAtr?: number;
}

/** A stop placed beyond a cluster of liquidations on the position's way to its own liquidation. */
export interface StopSuggestion {
  /** The stop price, quote units. */
  readonly price: number;
  /** (stop − mark) / mark, signed fraction. */
  readonly distance: number;
  /** The cluster it sits beyond: centre and window edges (quote units), and the side's USD in it. */
  readonly cluster: { readonly price: number; readonly low: number; readonly high: number; readonly usd: number };
  /** Whose liquidations the cluster holds: the position's own side. */
  readonly clusterSide: Side;
  /** The buffer: the ATR (quote units) and how many of it lie between the cluster's edge and the stop. */
  readonly atr: number;
  readonly atrMultiple: number;
}

/** What `suggestedStops` reads. */
export interface StopInput {
  readonly side: Side;
  readonly markPrice: number;
  /** The position's liquidation price; a stop at or beyond it is dropped (null: unknown, none dropped). */
  readonly liquidationPrice: number | null;
  readonly profile: Profile;
  /** Recent bars, oldest first, for the ATR. */
  readonly bars: readonly RangeBar[];
}

/** A stop beyond a cluster that was not suggested, and why. */
export interface DroppedStop {
  /** Where it would have been, quote units. */
  readonly price: number;
  readonly cluster: StopSuggestion['cluster'];
  readonly clusterSide: Side;
  /**
   * `beyond-liquidation`: at or past the liquidation price, it protects nothing; `too-close`: on the
   * safe side but nearer the liquidation than `minLiquidationGapAtr`.
   */
  readonly reason: 'beyond-liquidation' | 'too-close';
  /** Room left between it and the liquidation, in ATRs (≤ 0 beyond it). */
  readonly gapAtr: number;
  /** The least room asked for, in ATRs. */
  readonly minGapAtr: number;
}

/** The stops suggested and those dropped, each in the order of its cluster (nearest first). */
export interface StopPlan {
  readonly stops: StopSuggestion[];
  readonly dropped: DroppedStop[];
}

/**
 * Stop levels outside the clusters, nearest cluster first. A cascade through a cluster of the
 * position's own side (long liquidations below a long, short ones above a short) overshoots it and
 * takes a stop placed inside it, so each stop sits beyond the cluster's far edge by `atrMultiple`
 * ATRs of the bars: long, window low − k·ATR; short, window high + k·ATR. Clusters are
 * `liquidationSideClusters` (the largest of that side on the way, so crumbs next to the mark are not
 * walls). A stop at or beyond the liquidation price protects nothing, and one within
 * `minLiquidationGapAtr` ATRs of it would fill in the move that liquidates: both are dropped, with
 * the reason, in `dropped`; one at a price ≤ 0 is skipped. Empty without bars for an ATR, without a
 * mark, or without clusters.
 */
export function placeStops(input: StopInput, options: StopOptions = {}): StopPlan {
  const { side, markPrice, liquidationPrice } = input;
  const atrMultiple = options.atrMultiple ?? 1.5;
  const minGapAtr = options.minLiquidationGapAtr ?? 0.5;
  const atr = averageTrueRange(input.bars, options.atrPeriod ?? 14);
  const plan: StopPlan = { stops: [], dropped: [] };
  if (atr === null || !(markPrice > 0)) return plan;
  for (const found of liquidationSideClusters(input.profile, markPrice, side)) {
    if (plan.stops.length >= (options.count ?? 2)) break;
    const price = side === 'long' ? found.low - atrMultiple * atr : found.high + atrMultiple * atr;
    if (!(price > 0)) continue;
    const cluster = {
      price: found.price,
      low: found.low,
      high: found.high,
      usd: side === 'long' ? found.longUsd : found.shortUsd,
    };
    // Room on the safe side (towards the mark), in ATRs; an ATR of 0 (flat bars) leaves any room enough.
    const gap =
      liquidationPrice === null ? null : side === 'long' ? price - liquidationPrice : liquidationPrice - price;
    const gapAtr = gap === null ? Infinity : atr > 0 ? gap / atr : gap > 0 ? Infinity : 0;
    if (gap !== null && (gap <= 0 || gapAtr < minGapAtr)) {
      const reason = gap <= 0 ? 'beyond-liquidation' : 'too-close';
      plan.dropped.push({ price, cluster, clusterSide: side, reason, gapAtr, minGapAtr });
      continue;
    }
    plan.stops.push({ price, distance: (price - markPrice) / markPrice, cluster, clusterSide: side, atr, atrMultiple });
  }
  return plan;
}

/** The suggested stops of `placeStops`, without the dropped ones. */
export function suggestedStops(input: StopInput, options: StopOptions = {}): StopSuggestion[] {
  return placeStops(input, options).stops;
}
