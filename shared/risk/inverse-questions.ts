import type { RiskAccount } from '../domain/risk-account';
import { venueName } from '../domain/venue';
import type { Leg } from './leg';
import { legNotional, legsSurplus, makeLeg } from './leg';
import { crossTotals, liquidationGroup } from './liquidation-group';
import type { PositionTarget } from './what-if-op';
import { amount, findPosition, leverageLimit } from './what-if-support';

/** The answer to "how much collateral puts my liquidation price at or beyond `targetPrice`?". */
export interface CollateralAnswer {
  /**
   * Collateral to add, in the margin asset (isolated: to the position; cross: to the wallet).
   * Zero or negative when the liquidation price is already beyond the target; then `−collateral`
   * could come out with the liquidation price still beyond it (before the venue's removal limit).
   */
  readonly collateral: number;
}

/** The answer to "which leverage puts my liquidation price at or beyond `targetPrice`?". */
export interface LeverageAnswer {
  /**
   * Highest leverage at which opening this position (margin = entry notional / leverage, fees
   * ignored) leaves the liquidation price at or beyond the target; null when no margin is needed.
   */
  readonly maximumLeverage: number | null;
  /** Whether the venue offers that leverage (>= 1x, and within the tier's maximum when known). */
  readonly feasible: boolean;
  /** Why not feasible, or a caveat. */
  readonly reason: string | null;
}

/**
 * Collateral that puts the named position's liquidation price exactly at `targetPrice`: collateral
 * adds one for one to equity at every price, so it is the shortfall `requirement(target) −
 * equity(target)` with every other input frozen (the same equation as the liquidation price, tier
 * taken at the target where the venue takes it at the liquidation price). Returns a reason string
 * when the position is not found, the target is not above 0, or the target lies on the side of the
 * mark the position does not liquidate on (at or above the mark for a net long, at or below for a
 * net short).
 */
export function collateralForTarget(
  account: RiskAccount,
  target: PositionTarget,
  targetPrice: number,
): CollateralAnswer | string {
  if (!(targetPrice > 0)) return 'the target price must be above 0';
  const index = findPosition(account, target);
  if (typeof index === 'string') return index;
  const legs = account.positions.map((position) => makeLeg(account, position));
  const group = liquidationGroup(legs, index, crossTotals(account, legs));
  const wrongSide = wrongSideReason(group.legs, targetPrice);
  if (wrongSide !== null) return wrongSide;
  return { collateral: -(group.base + legsSurplus(group.legs, targetPrice)) };
}

/**
 * Why `targetPrice` cannot be a liquidation price of `legs`, or null. Net long legs (Σ side ×
 * quantity > 0, linear or inverse) lose as the price falls, so they liquidate below the mark and a
 * target at or above it has no meaningful collateral (the surplus there only grows: solving
 * anyway answered "withdraw 9.96e307" from a 1,000 wallet); net short legs the other way round.
 * A flat hedge (net 0) can liquidate on either side through its requirement, so any target is asked.
 */
function wrongSideReason(legs: readonly Leg[], targetPrice: number): string | null {
  const first = legs[0];
  if (first === undefined) return null;
  const net = legs.reduce((sum, leg) => sum + leg.sign * leg.quantity, 0);
  const below = net > 0;
  if (net === 0 || (below ? targetPrice < first.markPrice : targetPrice > first.markPrice)) return null;
  const where = below ? 'below' : 'above';
  const who =
    legs.length > 1
      ? `${first.position.symbol}'s cross legs are net ${below ? 'long' : 'short'} and liquidate`
      : `a ${below ? 'long' : 'short'} liquidates`;
  return `the target ${amount(targetPrice)} is not ${where} the mark ${amount(first.markPrice)}: ${who} ${where} the mark`;
}

/**
 * Leverage that puts an isolated position's liquidation price at `targetPrice`: the margin M* that
 * zeroes the surplus at the target, then `entry notional / M*`. On Bybit (and assumed on OKX) a
 * leverage change resets the margin to exactly that; on Binance and Hyperliquid it is the leverage to
 * open with (changing it on an open isolated position does not move the margin). Cross positions:
 * leverage does not enter the liquidation equation, so a reason string is returned.
 */
export function leverageForTarget(
  account: RiskAccount,
  target: PositionTarget,
  targetPrice: number,
): LeverageAnswer | string {
  const index = findPosition(account, target);
  if (typeof index === 'string') return index;
  const position = account.positions[index];
  if (position === undefined) return `no position at index ${index}`;
  if (position.marginMode === 'cross')
    return `leverage does not move a cross position's liquidation price on ${venueName(account.venue)}; add collateral instead`;
  const answer = collateralForTarget(account, target, targetPrice);
  if (typeof answer === 'string') return answer;
  const margin = position.isolatedMargin + answer.collateral;
  if (margin <= 0)
    return { maximumLeverage: null, feasible: true, reason: 'the target is reached with no margin at all' };
  const maximumLeverage = legNotional(makeLeg(account, position), position.entryPrice) / margin;
  const limit = leverageLimit(account, position);
  if (maximumLeverage < 1)
    return {
      maximumLeverage,
      feasible: false,
      reason: 'it needs more margin than the notional (below 1x): add collateral instead',
    };
  if (limit !== null && maximumLeverage > limit)
    return { maximumLeverage, feasible: true, reason: `any leverage up to the venue's ${limit}x reaches the target` };
  return { maximumLeverage, feasible: true, reason: null };
}
