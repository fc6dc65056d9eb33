import type { VenueMarket } from '../types';

/**
 * An OKX-like swap for tests: tiers by contracts (0.01 BTC each), so a new position's tier, and its
 * liquidation ratio, change with the entry price.
 */
export const okxTestMarket: VenueMarket = {
  venue: 'okx-swap',
  takerFeeRate: 0.0005,
  contractSize: 0.01,
  tiers: [
    { floor: 1, cap: 5_000, maintenanceMarginRate: 0.004, deduction: 0, maxLeverage: 125 },
    { floor: 5_001, cap: null, maintenanceMarginRate: 0.01, deduction: 0, maxLeverage: 50 },
  ],
};
