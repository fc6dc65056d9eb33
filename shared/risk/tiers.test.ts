import { describe, expect, it } from 'vitest';
import type { Tier } from '../domain/tier';
import {
  continuousDeductions,
  hyperliquidTiers,
  tieredMaintenanceMargin,
  tierIndexForContracts,
  tierIndexForNotional,
} from './tiers';

const tier = (floor: number, cap: number | null, maintenanceMarginRate: number, deduction = 0): Tier => ({
  floor,
  cap,
  maintenanceMarginRate,
  deduction,
  maxLeverage: null,
});

describe('tiers', () => {
  it('reproduces the Binance FAQ maintenance amount: 250,000 × (1 % − 0.5 %) + 50 = 1,300', () => {
    const deductions = continuousDeductions([
      tier(0, 50000, 0.004),
      tier(50000, 250000, 0.005),
      tier(250000, null, 0.01),
    ]);
    expect(deductions[1]).toBeCloseTo(50, 9);
    expect(deductions[2]).toBeCloseTo(1300, 9);
  });

  it('puts a notional on a floor in the upper tier, with the same maintenance margin either way', () => {
    const brackets = [tier(0, 50000, 0.004), tier(50000, null, 0.005, 50)];
    expect(tierIndexForNotional(brackets, 49999.99)).toBe(0);
    expect(tierIndexForNotional(brackets, 50000)).toBe(1);
    expect(tieredMaintenanceMargin(brackets, 50000)).toBeCloseTo(50000 * 0.004, 9);
  });

  it('selects OKX tiers by contracts with inclusive caps', () => {
    const rows = [tier(1, 500, 0.01), tier(501, 1000, 0.015), tier(1001, null, 0.02)];
    expect([500, 500.5, 501, 1000, 1001, 1e6].map((contracts) => tierIndexForContracts(rows, contracts))).toEqual([
      0, 1, 1, 1, 2, 2,
    ]);
  });

  it('derives the Hyperliquid maintenance rate from the asset max leverage: 1 / (2 × max)', () => {
    expect(hyperliquidTiers(50)[0]?.maintenanceMarginRate).toBe(0.01);
    expect(hyperliquidTiers(3)[0]?.maintenanceMarginRate).toBeCloseTo(1 / 6, 12);
  });
});
