import { describe, expect, it } from 'vitest';
import { applyWhatIf } from './apply-what-if';
import { evaluateAccount } from './evaluate-account';
import { isWithinReach, liquidationReach, liquidationReachFactor, reportPositionRisk } from './reach';
import type { RiskAccount } from '../domain/risk-account';
import type { Tier } from '../domain/tier';

// The simulator's Binance BTC brackets: in the last tiers maintenance outgrows a hedge's PnL.
const btcTiers: Tier[] = [
  [0, 50_000, 0.004, 0],
  [50_000, 250_000, 0.005, 50],
  [250_000, 3_000_000, 0.01, 1_300],
  [3_000_000, 15_000_000, 0.025, 46_300],
  [15_000_000, 30_000_000, 0.05, 421_300],
  [30_000_000, 80_000_000, 0.1, 1_921_300],
  [80_000_000, 100_000_000, 0.125, 3_921_300],
  [100_000_000, 200_000_000, 0.15, 6_421_300],
  [200_000_000, 300_000_000, 0.25, 26_421_300],
  [300_000_000, null, 0.5, 101_421_300],
].map(([floor, cap, rate, deduction]) => ({
  floor: floor ?? 0,
  cap: cap ?? null,
  maintenanceMarginRate: rate ?? 0,
  deduction: deduction ?? 0,
  maxLeverage: null,
}));
const mark = 53_587.91;
const leg = { symbol: 'BTCUSDT', marginMode: 'cross', contractSize: 1, markPrice: mark, leverage: 20 } as const;
/** The Demo's hedged cross BTC pair: 0.4 long, 0.15 short, 8,000 wallet. */
const hedge: RiskAccount = {
  venue: 'binance-usdm',
  positionMode: 'hedge',
  walletBalance: 8_000,
  takerFeeRate: 0.0005,
  positions: [
    { ...leg, side: 'long', size: 0.4, entryPrice: 54_123.79, isolatedMargin: 0, maxLeverage: 125, tiers: btcTiers },
    { ...leg, side: 'short', size: 0.15, entryPrice: 53_319.97, isolatedMargin: 0, maxLeverage: 125, tiers: btcTiers },
  ],
};

describe('the reachable band', () => {
  it('runs from a tenth of the mark to ten times it, ends included', () => {
    expect(liquidationReachFactor).toBe(10);
    expect(isWithinReach(100, 1000)).toBe(true);
    expect(isWithinReach(10_000, 1000)).toBe(true);
    expect(isWithinReach(99.99, 1000)).toBe(false);
    expect(isWithinReach(10_000.01, 1000)).toBe(false);
    expect(isWithinReach(500, 0)).toBe(false);
  });

  it('closing half of the hedged long leaves a root of about 1.4 billion, reported as beyond reach', () => {
    const after = applyWhatIf(hedge, [{ op: 'close', symbol: 'BTCUSDT', side: 'long', fraction: 0.5 }]);
    const risk = after.positions[0];
    if (risk === undefined) throw new Error('no position');
    expect(risk.liquidationPrice).toBeGreaterThan(1e9);
    expect(liquidationReach(risk, mark)).toEqual({ kind: 'beyond', root: risk.liquidationPrice });
    expect(reportPositionRisk(risk, mark)).toMatchObject({
      liquidationPrice: null,
      distance: null,
      liquidationNote: 'beyond reach',
      liquidationRoot: risk.liquidationPrice,
    });
    // Before the close the pair liquidates within reach, and is reported as it is.
    const live = evaluateAccount(hedge).positions[0];
    if (live === undefined) throw new Error('no position');
    expect(liquidationReach(live, mark).kind).toBe('within');
    expect(reportPositionRisk(live, mark)).toBe(live);
  });

  it('says "liquidated" at the liquidation price once the mark has moved past it', () => {
    const live = evaluateAccount(hedge).positions[0]?.liquidationPrice ?? Number.NaN;
    const past = applyWhatIf(hedge, [{ op: 'price', symbol: 'BTCUSDT', markPrice: live * 0.96 }]);
    const risk = past.positions[0];
    if (risk === undefined) throw new Error('no position');
    expect(liquidationReach(risk, live * 0.96)).toEqual({ kind: 'liquidated', price: live });
  });
});
