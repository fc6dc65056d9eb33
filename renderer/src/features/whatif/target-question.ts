import type { RiskAccount } from '../../../../shared/domain/risk-account';
import { topClusters, type Profile } from '../../../../shared/clusters';
import { collateralForTarget, leverageForTarget } from '../../../../shared/risk';
import { findTargetIndex, type WhatIfTarget } from './what-if-controls';

/** The answer to "put my liquidation beyond this price". */
export type TargetAnswer =
  | { readonly kind: 'invalid'; readonly reason: string }
  | {
      readonly kind: 'answer';
      /** Collateral to add, margin asset; <= 0 when the liquidation is already beyond the target. */
      readonly collateral: number | null;
      readonly collateralReason: string | null;
      /** Highest leverage (opening the position) that reaches the target, or null. */
      readonly maximumLeverage: number | null;
      readonly leverageFeasible: boolean;
      /** Why leverage cannot answer, or a caveat from the engine. */
      readonly leverageReason: string | null;
    };

/**
 * Answers, on the live account, how much collateral (collateralForTarget) and which leverage
 * (leverageForTarget) put the selected position's liquidation price at `targetPrice`. A target on
 * the wrong side of the mark (above it for a long) is refused with a reason: a liquidation price
 * can only move away from the mark by adding margin.
 */
export function answerTarget(account: RiskAccount, target: WhatIfTarget, targetPrice: number): TargetAnswer {
  if (!Number.isFinite(targetPrice) || targetPrice <= 0) return { kind: 'invalid', reason: 'Enter a price above 0.' };
  const position = account.positions[findTargetIndex(account, target)];
  if (position === undefined) return { kind: 'invalid', reason: `No ${target.side} position in ${target.symbol}.` };
  if (target.side === 'long' && targetPrice >= position.markPrice)
    return { kind: 'invalid', reason: 'A long liquidates below the mark: pick a price under it.' };
  if (target.side === 'short' && targetPrice <= position.markPrice)
    return { kind: 'invalid', reason: 'A short liquidates above the mark: pick a price over it.' };
  const collateral = collateralForTarget(account, target, targetPrice);
  const leverage = leverageForTarget(account, target, targetPrice);
  return {
    kind: 'answer',
    collateral: typeof collateral === 'string' ? null : collateral.collateral,
    collateralReason: typeof collateral === 'string' ? collateral : null,
    maximumLeverage: typeof leverage === 'string' ? null : leverage.maximumLeverage,
    leverageFeasible: typeof leverage === 'string' ? false : leverage.feasible,
    leverageReason: typeof leverage === 'string' ? leverage : leverage.reason,
  };
}

/** A crowd cluster a trader may want the liquidation price to sit beyond. */
export interface TargetCluster {
  readonly usd: number;
  readonly low: number;
  readonly high: number;
  /**
   * The price a chip offers: `beyondBuffer` of the mark past the cluster's far edge (below a long's
   * cluster, above a short's), rounded to the tick away from the cluster.
   */
  readonly beyond: number;
}

/**
 * How far past a cluster's far edge "beyond the cluster" puts the liquidation price, as a share of
 * the mark: a liquidation exactly on the edge is the first thing the cascade through it would
 * reach, and mark prices overshoot cluster edges by a few tenths of a percent in a sweep.
 */
export const beyondBuffer = 0.005;

/** `price` rounded to `tickSize`, down (`floor`) or up; unrounded for a tick <= 0. */
export function roundToTick(price: number, tickSize: number, direction: 'down' | 'up'): number {
  if (!(tickSize > 0)) return price;
  const ticks = price / tickSize;
  // A price already on the tick stays (a float like 2475.0000000001 / 0.01 is one tick off otherwise).
  const rounded = direction === 'down' ? Math.floor(ticks + 1e-9) : Math.ceil(ticks - 1e-9);
  const decimals = Math.max(0, Math.min(12, Math.ceil(-Math.log10(tickSize) - 1e-9)));
  return Number((rounded * tickSize).toFixed(decimals));
}

/**
 * The nearest large clusters on the side a position liquidates through (below the mark for a
 * long, above for a short), nearest first, at most `count`, each with the tick-rounded price
 * `beyondBuffer` past it. Empty without a profile.
 */
export function clustersOnTheWay(
  profile: Profile | null,
  markPrice: number,
  side: 'long' | 'short',
  tickSize: number,
  count = 3,
): TargetCluster[] {
  if (profile === null) return [];
  const below = side === 'long';
  return topClusters(profile, markPrice, { count: 12 })
    .filter((cluster) => (below ? cluster.high < markPrice : cluster.low > markPrice) && cluster.usd > 0)
    .sort((a, b) => Math.abs(a.distance) - Math.abs(b.distance))
    .slice(0, count)
    .map((cluster) => ({
      usd: cluster.usd,
      low: cluster.low,
      high: cluster.high,
      beyond: below
        ? roundToTick(cluster.low - beyondBuffer * markPrice, tickSize, 'down')
        : roundToTick(cluster.high + beyondBuffer * markPrice, tickSize, 'up'),
    }));
}
