import { tierForContracts, tierForNotional } from './tiers';
import type { SimVenueRules } from './types';

/**
 * Maintenance margin of one position of `size` base units (> 0) at `price`, quote units, by the
 * venue's rule. Fee terms are not included (see `closingFeeTerm`).
 *
 * - Binance USDS-M: MM = N·mmr − cum with the bracket of N = size·price. Source:
 *   https://www.binance.com/en/support/faq/how-to-calculate-liquidation-price-of-usd%E2%93%A2-m-futures-contracts-b3c689c1f50a44cabb3a84e663b81d93
 * - Bybit linear: MM = position value·MMR − MM deduction of the risk-limit tier. Source:
 *   https://www.bybit.com/en/help-center/article/Liquidation-Price-USDT-Contract. Isolated positions
 *   take the position value at entry (the page's "Position Value = Contract Size × Entry Price"; see
 *   `requirementPrice`); cross positions at the price evaluated.
 * - Hyperliquid: mmr = 1/(2·maxLeverage) of the margin tier, with deduction. Source:
 *   https://hyperliquid.gitbook.io/hyperliquid-docs/trading/margin-tiers
 * - OKX swap: the whole position at the rate of its contract-count tier, no deduction. Source:
 *   https://www.okx.com/help/v-tiered-maintenance-margin-ratio-rules
 * Ignores: funding accrued, haircuts, open orders.
 */
export function maintenanceMargin(rules: SimVenueRules, size: number, price: number): number {
  const notional = size * price;
  if (rules.venue === 'okx-swap' && rules.contractTiers) {
    return notional * tierForContracts(rules.contractTiers, size / rules.contractValue).maintenanceMarginRate;
  }
  const tier = tierForNotional(rules.tiers, notional);
  return notional * tier.maintenanceMarginRate - tier.maintenanceAmount;
}

/**
 * The fee to close that a venue adds to the maintenance requirement at liquidation, quote units.
 * - OKX, both modes: liquidation when equity <= MM + position value·taker fee rate. Source:
 *   https://www.okx.com/help/v-tiered-maintenance-margin-ratio-rules (margin ratio = equity / (MM + fee)).
 * - Bybit cross (unified account): MM includes the fee to close at mark, per the 2025 "New Margin
 *   Calculation" (https://www.bybit.com/en/help-center/article/Understanding-the-Adjustment-and-Impact-of-the-New-Margin-Calculation);
 *   uncertain, Bybit calls its cross liqPrice an estimate.
 * - Bybit isolated: the same fee term sits in both IM and MM and cancels, so 0 here.
 * - Binance and Hyperliquid: the trigger has no fee term (0).
 */
export function closingFeeTerm(
  rules: SimVenueRules,
  marginMode: 'isolated' | 'cross',
  size: number,
  price: number,
): number {
  if (rules.venue === 'okx-swap') return size * price * rules.takerFeeRate;
  if (rules.venue === 'bybit-linear' && marginMode === 'cross') return size * price * rules.takerFeeRate;
  return 0;
}

/** What equity must stay above: maintenance margin plus the venue's fee term, quote units. */
export function liquidationRequirement(
  rules: SimVenueRules,
  marginMode: 'isolated' | 'cross',
  size: number,
  price: number,
): number {
  return maintenanceMargin(rules, size, price) + closingFeeTerm(rules, marginMode, size, price);
}

/**
 * The price at which a position's requirement is measured when the mark is `price`. Bybit's
 * official isolated formula values the position at its entry price (Position Value = size × entry,
 * https://www.bybit.com/en/help-center/article/Liquidation-Price-USDT-Contract), so the requirement
 * stays fixed as the mark moves; every other venue and mode measures it at the mark.
 */
export function requirementPrice(
  rules: SimVenueRules,
  marginMode: 'isolated' | 'cross',
  entryPrice: number,
  price: number,
): number {
  return rules.venue === 'bybit-linear' && marginMode === 'isolated' ? entryPrice : price;
}
