import type { CollateralAsset } from '../domain/collateral';

/**
 * USD value one collateral asset adds to a multi-asset account when it holds `equity` units and its
 * USD index is `indexPriceUsd`. Sources: docs/research/account-modes.md §2 (Binance) and §3 (Bybit).
 *
 * - Binance Multi-Assets, bid/ask: `min(equity × bid rate, equity × ask rate)` with bid rate =
 *   index × (1 − bid buffer) and ask rate = index × (1 + ask buffer); a positive balance counts at
 *   the bid rate, a debt at the ask rate.
 * - Bybit unified, tiered: a positive amount is cut into its quantity tiers, each counted at index ×
 *   its collateral value ratio; a negative amount counts in full (ratio 1), as Bybit states.
 *
 * Ignores haircut loss from open spot orders and order loss (no orders are modelled).
 */
export function collateralValueUsd(asset: CollateralAsset, equity: number, indexPriceUsd: number): number {
  const valuation = asset.valuation;
  if (valuation.kind === 'bid-ask') {
    const bidRate = indexPriceUsd * (1 - valuation.bidBuffer);
    const askRate = indexPriceUsd * (1 + valuation.askBuffer);
    return Math.min(equity * bidRate, equity * askRate);
  }
  if (equity <= 0) return equity * indexPriceUsd;
  let counted = 0;
  for (const tier of valuation.tiers) {
    const top = tier.cap === null ? equity : Math.min(equity, tier.cap);
    if (top > tier.floor) counted += (top - tier.floor) * tier.ratio;
  }
  return counted * indexPriceUsd;
}

/**
 * USD per unit of a position's maintenance requirement settled in `asset`. Binance converts the
 * requirement at the ask rate (its worked example: 80 USDT of maintenance at 0.99495 is 79.596 USD,
 * docs/research/account-modes.md §2); Bybit at the USD index (§3).
 */
export function requirementRateUsd(asset: CollateralAsset, indexPriceUsd: number): number {
  return asset.valuation.kind === 'bid-ask' ? indexPriceUsd * (1 + asset.valuation.askBuffer) : indexPriceUsd;
}
