import type { RiskAccount } from '../domain/risk-account';
import type { Leg } from './leg';
import { legClosingFee, legMaintenance, legPnl } from './leg';

/** Cross pool at current marks: wallet + Σ cross PnL, and Σ cross requirement (maintenance + fee). */
export interface CrossTotals {
  readonly equity: number;
  readonly requirement: number;
}

/** The positions that move together when one symbol's mark moves, and what stays frozen. */
export interface LiquidationGroup {
  /** Indices (into the account's positions) of the legs that share the liquidation price. */
  readonly indices: readonly number[];
  readonly legs: readonly Leg[];
  /**
   * Frozen part of `equity − requirement`: isolated margin; or for cross, wallet + other cross
   * positions' PnL − their requirement, each at its own mark (Binance TMM1/UPNL1).
   */
  readonly base: number;
}

/** Sums the cross pool of `account` (legs in the same order as its positions). */
export function crossTotals(account: RiskAccount, legs: readonly Leg[]): CrossTotals {
  let equity = account.walletBalance;
  let requirement = 0;
  for (const leg of legs) {
    if (leg.position.marginMode !== 'cross') continue;
    equity += legPnl(leg, leg.markPrice);
    requirement += legMaintenance(leg, leg.markPrice) + legClosingFee(leg, leg.markPrice);
  }
  return { equity, requirement };
}

/**
 * The group that shares position `index`'s liquidation price. Isolated: the position alone. Cross:
 * every cross leg of the same symbol, because they share one mark (Binance hedge mode: "the same
 * symbol, both long and short position share the same liquidation price except in the isolated
 * mode", https://www.binance.com/en/support/faq/how-to-calculate-liquidation-price-of-usd%E2%93%A2-m-futures-contracts-b3c689c1f50a44cabb3a84e663b81d93).
 * Isolated positions never enter the cross pool (their margin is not the cross wallet).
 */
export function liquidationGroup(legs: readonly Leg[], index: number, totals: CrossTotals): LiquidationGroup {
  const leg = legs[index];
  if (leg === undefined) throw new RangeError(`no position at index ${index}`);
  if (leg.position.marginMode === 'isolated')
    return { indices: [index], legs: [leg], base: leg.position.isolatedMargin };
  const indices: number[] = [];
  const members: Leg[] = [];
  let groupPnl = 0;
  let groupRequirement = 0;
  for (const [j, other] of legs.entries()) {
    if (other.position.marginMode !== 'cross' || other.position.symbol !== leg.position.symbol) continue;
    indices.push(j);
    members.push(other);
    groupPnl += legPnl(other, other.markPrice);
    groupRequirement += legMaintenance(other, other.markPrice) + legClosingFee(other, other.markPrice);
  }
  return { indices, legs: members, base: totals.equity - groupPnl - (totals.requirement - groupRequirement) };
}
