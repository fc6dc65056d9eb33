import type { RiskAccount } from '../domain/risk-account';
import { signedDistance } from './evaluate-positions';
import { makeLeg } from './leg';
import { marginPool, maintenanceRatio } from './margin-ratio';
import { solveUsdLiquidation, usdPool } from './multi-asset';
import type { ClassicResult } from './risk-result';

/**
 * Re-prices the cross positions of a multi-asset account (Binance Multi-Assets, Bybit unified cross)
 * on the USD pool: each symbol's liquidation price where the account's USD equity meets its USD
 * requirement (docs/research/account-modes.md §2 and §3), the pool's equity, requirement and ratio
 * as the cross positions' margin balance and ratio, and the account totals in USD. Per-position
 * maintenance stays in the position's settle asset. Isolated positions keep the classic figures
 * and are added to the totals as they are (neither venue has them in these modes).
 */
export function withUsdPool(account: RiskAccount, classic: ClassicResult): ClassicResult {
  const collateral = account.collateral ?? [];
  const legs = account.positions.map((position) => makeLeg(account, position));
  const pool = usdPool(collateral, legs);
  const ratio = maintenanceRatio(pool.requirementUsd, pool.equityUsd);
  const liquidatable = pool.equityUsd <= pool.requirementUsd;
  const prices = new Map<string, number | null>();
  let isolatedEquity = 0;
  let isolatedRequirement = 0;
  const positions = classic.positions.map((position, index) => {
    const leg = legs[index];
    if (position.marginMode === 'isolated' || leg === undefined) {
      isolatedEquity += position.marginBalance;
      isolatedRequirement += position.maintenanceMargin;
      return position;
    }
    let price = prices.get(position.symbol);
    if (price === undefined) {
      const group = legs.flatMap((other, j) =>
        other.position.marginMode === 'cross' && other.position.symbol === position.symbol ? [j] : [],
      );
      price = solveUsdLiquidation(collateral, legs, group, leg.markPrice);
      prices.set(position.symbol, price);
    }
    return {
      ...position,
      liquidationPrice: price,
      marginBalance: pool.equityUsd,
      marginRatio: ratio,
      venueMarginRatio: ratio,
      distance: signedDistance(leg.markPrice, price, liquidatable),
      liquidatable,
    };
  });
  const cross = marginPool(account.venue, pool.equityUsd, pool.requirementUsd);
  return {
    positions,
    account: {
      ...classic.account,
      ...marginPool(account.venue, pool.equityUsd + isolatedEquity, pool.requirementUsd + isolatedRequirement),
      cross,
    },
  };
}
