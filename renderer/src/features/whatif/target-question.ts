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
  /** The price just beyond the cluster on the liquidation side (its far edge). */
  readonly beyond: number;
}

/**
 * The nearest large clusters on the side a position liquidates through (below the mark for a
 * long, above for a short), nearest first, at most `count`. Empty without a profile.
 */
export function clustersOnTheWay(
  profile: Profile | null,
  markPrice: number,
  side: 'long' | 'short',
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
      beyond: below ? cluster.low : cluster.high,
    }));
}
