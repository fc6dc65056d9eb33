import { describe, expect, it } from 'vitest';
import type { RiskAccount } from '../domain/risk-account';
import type { RiskPosition } from '../domain/risk-position';
import type { Tier } from '../domain/tier';
import type { Venue } from '../domain/venue';
import { liquidationSteps } from './liquidation-steps';

const tier = (floor: number, cap: number | null, mmr: number, deduction = 0): Tier => ({
  floor,
  cap,
  maintenanceMarginRate: mmr,
  deduction,
  maxLeverage: null,
});
const long = (patch: Partial<RiskPosition>): RiskPosition => ({
  symbol: 'BTCUSDT',
  side: 'long',
  marginMode: 'isolated',
  size: 10,
  contractSize: 1,
  entryPrice: 60000,
  markPrice: 60000,
  leverage: 20,
  isolatedMargin: 30000,
  maxLeverage: null,
  tiers: [tier(0, null, 0.005)],
  ...patch,
});
const account = (venue: Venue, position: RiskPosition): RiskAccount => ({
  venue,
  positionMode: 'oneway',
  walletBalance: 0,
  takerFeeRate: 0,
  positions: [position],
});
const target = { symbol: 'BTCUSDT', side: 'long' as const };

describe('liquidationSteps', () => {
  it('Bybit: a tier-2 position is cut to the tier-1 cap at its liquidation price, and the rest closes further down', () => {
    // Tier 2: 10 BTC × 60,000 (entry value) × 1 % − 1,000 = 5,000 maintenance; 30,000 + 10(P − 60,000) = 5,000.
    const tiers = [tier(0, 200_000, 0.005), tier(200_000, null, 0.01, 1000)];
    const result = liquidationSteps(account('bybit-linear', long({ tiers })), target);
    expect(result.kind).toBe('steps');
    if (result.kind !== 'steps') return;
    const [first, second] = result.steps;
    expect(first?.price).toBeCloseTo(57500, 4);
    expect(first?.remainingSize).toBeCloseTo(10 / 3, 6);
    expect(first?.closedShare).toBeCloseTo(2 / 3, 6);
    // The cut leaves 30,000 − 16,666.67 of margin; tier 1 needs 200,000 × 0.5 % = 1,000.
    const margin = 30000 - (2 / 3) * 10 * 2500;
    expect(second?.price).toBeCloseTo(60000 - (margin - 1000) / (10 / 3), 4);
    expect(second?.remainingSize).toBe(0);
    expect(result.steps).toHaveLength(2);
    expect(result.rule).toMatch(/Bybit/);
  });

  it('Bybit: a position in the lowest tier closes all at once', () => {
    const result = liquidationSteps(account('bybit-linear', long({})), target);
    expect(result.kind).toBe('all-at-once');
  });

  it('Hyperliquid: 20 % of a position above 100,000 USDC first, then the rest at its own price', () => {
    const mmr = 0.0125;
    const position = long({ size: 3, isolatedMargin: 18000, maxLeverage: 40, tiers: [tier(0, null, mmr)] });
    const result = liquidationSteps(account('hyperliquid', position), target);
    if (result.kind !== 'steps') throw new Error(`expected steps, got ${result.kind}`);
    const lp = (18000 - 180000) / (3 * (mmr - 1));
    expect(result.steps[0]?.price).toBeCloseTo(lp, 4);
    expect(result.steps[0]?.closedShare).toBeCloseTo(0.2, 9);
    const margin = 18000 + 0.6 * (lp - 60000);
    expect(result.steps[1]?.price).toBeCloseTo((margin - 2.4 * 60000) / (2.4 * (mmr - 1)), 4);
    expect(result.steps[1]?.remainingSize).toBe(0);
  });

  it('Hyperliquid: a small position closes all at once', () => {
    const position = long({ size: 1, isolatedMargin: 6000, maxLeverage: 40, tiers: [tier(0, null, 0.0125)] });
    expect(liquidationSteps(account('hyperliquid', position), target).kind).toBe('all-at-once');
  });

  it('OKX: from tier 3 up the position drops two tiers, then the rest closes whole', () => {
    const tiers = [tier(1, 500, 0.01), tier(501, 1000, 0.015), tier(1001, 6000, 0.02), tier(6001, null, 0.03)];
    const position = long({ symbol: 'BTC-USDT-SWAP', size: 8000, contractSize: 0.01, isolatedMargin: 30000, tiers });
    const result = liquidationSteps(account('okx-swap', position), { symbol: 'BTC-USDT-SWAP', side: 'long' });
    if (result.kind !== 'steps') throw new Error(`expected steps, got ${result.kind}`);
    expect(result.steps.map((step) => step.remainingSize)).toEqual([1000, 0]);
    expect(result.steps[1]!.price).toBeLessThan(result.steps[0]!.price);
  });

  it('Binance: says the reduction exists but is not published, with the whole-position price', () => {
    const result = liquidationSteps(account('binance-usdm', long({})), target);
    expect(result.kind).toBe('unpublished');
    expect(result.rule).toMatch(/not publish/);
  });
});
