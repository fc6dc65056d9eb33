import type { Tier } from '../domain/tier';

/**
 * The tier a notional falls in: the last tier whose `floor <= notional` (a notional exactly on a
 * boundary belongs to the upper tier, as Binance's `notionalFloor` is inclusive). The choice at a
 * boundary never changes the maintenance margin, because deductions make it continuous there.
 * Tiers must be ascending by floor and non-empty.
 */
export function tierIndexForNotional(tiers: readonly Tier[], notional: number): number {
  let index = 0;
  for (let k = 1; k < tiers.length; k++) {
    const tier = tiers[k];
    if (tier === undefined || notional < tier.floor) break;
    index = k;
  }
  return index;
}

/**
 * The OKX tier of a position of `contracts` contracts: the first tier whose inclusive `cap` is at or
 * above it (OKX ranges are inclusive integers, 1–500, 501–1,000, so a fractional size between two
 * rows belongs to the upper row). Source: OKX position tiers (`minSz`/`maxSz` in contracts),
 * https://www.okx.com/help/v-tiered-maintenance-margin-ratio-rules.
 */
export function tierIndexForContracts(tiers: readonly Tier[], contracts: number): number {
  for (let k = 0; k < tiers.length; k++) {
    const cap = tiers[k]?.cap;
    if (cap === null || cap === undefined || contracts <= cap) return k;
  }
  return tiers.length - 1;
}

/**
 * Maintenance margin of a notional under tiers with deductions:
 * `notional × mmr(tier) − deduction(tier)` (Binance "Maintenance Margin = Notional × MMR − Maintenance
 * Amount", Bybit MM deduction, Hyperliquid maintenance deduction; see sources in venue-rules.ts).
 * Units: the notional's. Ignores fees.
 */
export function tieredMaintenanceMargin(tiers: readonly Tier[], notional: number): number {
  const tier = tiers[tierIndexForNotional(tiers, notional)];
  return tier === undefined ? 0 : notional * tier.maintenanceMarginRate - tier.deduction;
}

/**
 * Deductions that make maintenance margin continuous at every floor:
 * `d(1) = 0, d(n) = d(n−1) + floor(n) × (mmr(n) − mmr(n−1))` (Binance: "Maintenance Amount on Level n
 * = Floor of Position Bracket on Level n × (MMR_n − MMR_n−1) + Maintenance Amount on Level n−1";
 * Hyperliquid margin tiers, https://hyperliquid.gitbook.io/hyperliquid-docs/trading/margin-tiers).
 * Returns one deduction per tier, in the tiers' notional unit.
 */
export function continuousDeductions(tiers: readonly Pick<Tier, 'floor' | 'maintenanceMarginRate'>[]): number[] {
  const deductions: number[] = [];
  let previousRate = 0;
  let previous = 0;
  for (const [k, tier] of tiers.entries()) {
    const deduction = k === 0 ? 0 : previous + tier.floor * (tier.maintenanceMarginRate - previousRate);
    deductions.push(deduction);
    previous = deduction;
    previousRate = tier.maintenanceMarginRate;
  }
  return deductions;
}

/**
 * Hyperliquid's maintenance margin rate of an asset or margin tier whose max leverage is
 * `maxLeverage`: half of the initial margin at max leverage, `1 / (2 × maxLeverage)`
 * (https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations and .../margin-tiers:
 * "maintenance_margin_rate(tier n) = (Initial Margin Rate at Maximum leverage at tier n) / 2").
 * The asset's or tier's max leverage, never the user's chosen leverage.
 */
export function hyperliquidMaintenanceRate(maxLeverage: number): number {
  return 1 / (2 * maxLeverage);
}

/**
 * The single Hyperliquid tier of an asset with `maxLeverage` (rate from `hyperliquidMaintenanceRate`).
 * Multi-tier assets should pass their margin table instead.
 */
export function hyperliquidTiers(maxLeverage: number): Tier[] {
  return [
    { floor: 0, cap: null, maintenanceMarginRate: hyperliquidMaintenanceRate(maxLeverage), deduction: 0, maxLeverage },
  ];
}
