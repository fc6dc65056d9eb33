import type { RiskAccount } from '../domain/risk-account';
import type { Leg } from './leg';
import { legClosingFee, legMaintenance, legNotional, legPnl, legTierIndex, makeLeg } from './leg';
import { crossTotals, liquidationGroup } from './liquidation-group';
import { marginPool, maintenanceRatio, venueRatio } from './margin-ratio';
import type { ClassicResult, PositionRisk } from './risk-result';
import { solveLiquidationPrice } from './solve-liquidation';
import { venueRules } from './venue-rules';

/**
 * Signed distance from the mark to the liquidation price as a fraction of the mark: positive while
 * safe, negative once the mark is at or past it; null without a price.
 */
export function signedDistance(mark: number, liquidationPrice: number | null, liquidatable: boolean): number | null {
  return liquidationPrice === null ? null : ((liquidatable ? -1 : 1) * Math.abs(mark - liquidationPrice)) / mark;
}

/**
 * Everything the venue computes for an account in its classic (single margin asset) mode: per position the maintenance margin, liquidation
 * price, distance and whether it is liquidatable; per account equity, maintenance and ratios.
 *
 * Cross positions are priced with every other cross position held at its own mark; cross legs of
 * one symbol share one liquidation price; isolated positions stand alone. Formulas per venue are in
 * leg.ts and solve-liquidation.ts (sources in venue-rules.ts). Ignores open orders, multi-asset
 * collateral haircuts and portfolio margin. Input is assumed valid (see input-schema.ts). Pure; the
 * cost is O(positions × tiers).
 */
export function evaluatePositions(account: RiskAccount): ClassicResult {
  const legs: Leg[] = account.positions.map((position) => makeLeg(account, position));
  const totals = crossTotals(account, legs);
  const liquidationPrices: (number | null | undefined)[] = new Array<number | null | undefined>(legs.length);
  const positions: PositionRisk[] = [];
  let equity = totals.equity;
  let requirement = totals.requirement;
  let hasCross = false;
  for (let index = 0; index < legs.length; index++) {
    const leg = legs[index] as Leg;
    const mark = leg.markPrice;
    const maintenance = legMaintenance(leg, mark);
    const closingFee = legClosingFee(leg, mark);
    const unrealizedPnl = legPnl(leg, mark);
    const isolated = leg.position.marginMode === 'isolated';
    hasCross ||= !isolated;
    let liquidationPrice = liquidationPrices[index];
    if (liquidationPrice === undefined) {
      const group = liquidationGroup(legs, index, totals);
      liquidationPrice = solveLiquidationPrice(group.legs, group.base, mark);
      for (const member of group.indices) liquidationPrices[member] = liquidationPrice;
    }
    const marginBalance = isolated ? leg.position.isolatedMargin + unrealizedPnl : totals.equity;
    const poolRequirement = isolated ? maintenance + closingFee : totals.requirement;
    if (isolated) {
      equity += marginBalance;
      requirement += poolRequirement;
    }
    const liquidatable = marginBalance <= poolRequirement;
    const tierIndex = legTierIndex(leg, mark);
    positions.push({
      symbol: leg.position.symbol,
      side: leg.position.side,
      marginMode: leg.position.marginMode,
      liquidationPrice,
      // Recomputed here: the account mode's evaluation replaces it where the mode cannot be recomputed.
      computedNote: null,
      maintenanceMargin: maintenance + closingFee,
      closingFee,
      maintenanceMarginRate: leg.position.tiers[tierIndex]?.maintenanceMarginRate ?? 0,
      tierIndex,
      notional: legNotional(leg, mark),
      unrealizedPnl,
      marginBalance,
      marginRatio: maintenanceRatio(poolRequirement, marginBalance),
      venueMarginRatio: venueRatio(account.venue, poolRequirement, marginBalance),
      distance: signedDistance(mark, liquidationPrice, liquidatable),
      liquidatable,
    });
  }
  return {
    positions,
    account: {
      ...marginPool(account.venue, equity, requirement),
      venueMarginRatioDefinition: venueRules[account.venue].venueRatioDefinition,
      cross: hasCross ? marginPool(account.venue, totals.equity, totals.requirement) : null,
    },
  };
}
