import { hyperliquidMaintenanceRate } from '../../../shared/risk';
import type { SimContractTier, SimTier } from './types';

/** A tier as venues publish it, before the deduction is derived: [notionalCap (quote), maintenanceMarginRate, maxLeverage]. */
export type TierRow = readonly [notionalCap: number, maintenanceMarginRate: number, maxLeverage: number];

/**
 * Builds notional tiers with their maintenance deduction by the standard construction
 * deduction(1) = 0, deduction(n) = deduction(n−1) + floor(n)·(mmr(n) − mmr(n−1)), which makes
 * MM(N) = N·mmr − deduction continuous at every boundary. Source: Binance "How to Calculate
 * Liquidation Price of USDS-M Futures Contracts" (Maintenance Amount on Level n),
 * https://www.binance.com/en/support/faq/how-to-calculate-liquidation-price-of-usd%E2%93%A2-m-futures-contracts-b3c689c1f50a44cabb3a84e663b81d93 ;
 * Bybit `mmDeduction` and Hyperliquid `maintenance_deduction` are the same construction.
 * Rows must be in ascending cap order; the last cap may be Infinity.
 */
export function buildTiers(rows: readonly TierRow[]): SimTier[] {
  const tiers: SimTier[] = [];
  let floor = 0;
  let previousRate = 0;
  let deduction = 0;
  rows.forEach(([cap, rate, maxLeverage], index) => {
    deduction = index === 0 ? 0 : deduction + floor * (rate - previousRate);
    tiers.push({
      tier: index + 1,
      notionalFloor: floor,
      notionalCap: cap,
      maintenanceMarginRate: rate,
      maintenanceAmount: deduction,
      maxLeverage,
    });
    floor = cap;
    previousRate = rate;
  });
  return tiers;
}

/**
 * Hyperliquid margin table: each tier's maintenance rate by the venue's rule (shared/risk
 * `hyperliquidMaintenanceRate`), deduction by the standard construction. Rows: [notionalCap (USDC), maxLeverage].
 */
export function buildHyperliquidTiers(
  rows: readonly (readonly [notionalCap: number, maxLeverage: number])[],
): SimTier[] {
  return buildTiers(
    rows.map(([cap, maxLeverage]) => [cap, hyperliquidMaintenanceRate(maxLeverage), maxLeverage] as const),
  );
}

/** OKX tiers by contract count. Rows: [maxContracts (inclusive), maintenanceMarginRate, maxLeverage]. */
export function buildContractTiers(rows: readonly TierRow[]): SimContractTier[] {
  return rows.map(([maxContracts, maintenanceMarginRate, maxLeverage], index) => ({
    tier: index + 1,
    maxContracts,
    maintenanceMarginRate,
    maxLeverage,
  }));
}

/**
 * The notional tier that applies to `notional` (quote units, >= 0). A notional exactly on a
 * boundary takes the upper tier (Binance and ccxt treat `notionalFloor` as inclusive); MM is the
 * same either way because the deduction makes it continuous.
 */
export function tierForNotional(tiers: readonly SimTier[], notional: number): SimTier {
  for (const tier of tiers) if (notional < tier.notionalCap) return tier;
  const last = tiers[tiers.length - 1];
  if (!last) throw new Error('An instrument needs at least one tier');
  return last;
}

/** The OKX tier for a position of `contracts` (absolute count); the last tier beyond the table. */
export function tierForContracts(tiers: readonly SimContractTier[], contracts: number): SimContractTier {
  for (const tier of tiers) if (contracts <= tier.maxContracts) return tier;
  const last = tiers[tiers.length - 1];
  if (!last) throw new Error('An OKX instrument needs at least one contract tier');
  return last;
}

/**
 * The largest notional (quote units) a position at `leverage` may hold: the cap of the last tier
 * whose maxLeverage still allows it (0 if even the first tier does not).
 */
export function maxNotionalForLeverage(tiers: readonly SimTier[], leverage: number): number {
  let cap = 0;
  for (const tier of tiers) if (tier.maxLeverage >= leverage) cap = tier.notionalCap;
  return cap;
}
