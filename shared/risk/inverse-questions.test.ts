import { describe, expect, it } from 'vitest';
import type { RiskAccount } from '../domain/risk-account';
import type { RiskPosition } from '../domain/risk-position';
import type { Venue } from '../domain/venue';
import { applyWhatIf } from './apply-what-if';
import { evaluateAccount } from './evaluate-account';
import { fundingDrift } from './funding-drift';
import { collateralForTarget, leverageForTarget } from './inverse-questions';

const brackets = [
  { floor: 0, cap: 50000, maintenanceMarginRate: 0.004, deduction: 0, maxLeverage: 125 },
  { floor: 50000, cap: 250000, maintenanceMarginRate: 0.005, deduction: 50, maxLeverage: 100 },
  { floor: 250000, cap: null, maintenanceMarginRate: 0.01, deduction: 1300, maxLeverage: 50 },
];
const eth: RiskPosition = {
  symbol: 'ETHUSDT',
  side: 'long',
  marginMode: 'isolated',
  size: 100,
  contractSize: 1,
  entryPrice: 3000,
  markPrice: 3000,
  leverage: 20,
  isolatedMargin: 15000,
  maxLeverage: null,
  tiers: brackets,
};
const account = (venue: Venue, position: Partial<RiskPosition> = {}): RiskAccount => ({
  venue,
  positionMode: 'oneway',
  walletBalance: 1e6,
  takerFeeRate: 0.0005,
  positions: [{ ...eth, ...position }],
});
const lpOf = (state: RiskAccount): number | null => evaluateAccount(state).positions[0]?.liquidationPrice ?? null;

describe('collateral for a target liquidation price', () => {
  it.each(['binance-usdm', 'bybit-linear', 'okx-swap', 'hyperliquid'] as const)(
    '%s: adding the answer puts the liquidation price on the target',
    (venue) => {
      for (const [side, target] of [
        ['long', 2500],
        ['short', 3600],
      ] as const) {
        const start = account(venue, { side });
        const answer = collateralForTarget(start, { symbol: 'ETHUSDT' }, target);
        if (typeof answer === 'string') throw new Error(answer);
        expect(answer.collateral).toBeGreaterThan(0);
        const after = applyWhatIf(start, [{ op: 'addMargin', symbol: 'ETHUSDT', amount: answer.collateral }]);
        expect(lpOf(after.state)).toBeCloseTo(target, 6);
      }
    },
  );

  it('is negative when the liquidation price is already beyond the target (a surplus)', () => {
    const answer = collateralForTarget(account('binance-usdm'), { symbol: 'ETHUSDT' }, 2950);
    expect(typeof answer !== 'string' && answer.collateral).toBeLessThan(0);
  });

  it('works for cross positions through the wallet, and refuses a target <= 0', () => {
    const cross = { ...account('binance-usdm', { marginMode: 'cross', isolatedMargin: 0 }), walletBalance: 20000 };
    const answer = collateralForTarget(cross, { symbol: 'ETHUSDT' }, 2000);
    if (typeof answer === 'string') throw new Error(answer);
    expect(lpOf({ ...cross, walletBalance: cross.walletBalance + answer.collateral })).toBeCloseTo(2000, 6);
    expect(collateralForTarget(cross, { symbol: 'ETHUSDT' }, 0)).toBe('the target price must be above 0');
  });
});

describe('leverage for a target liquidation price', () => {
  it('Bybit: setting the answer resets the margin so the liquidation price lands on the target', () => {
    const start = account('bybit-linear');
    const answer = leverageForTarget(start, { symbol: 'ETHUSDT' }, 2800);
    if (typeof answer === 'string') throw new Error(answer);
    expect(answer.feasible).toBe(true);
    const after = applyWhatIf(start, [{ op: 'setLeverage', symbol: 'ETHUSDT', leverage: answer.maximumLeverage ?? 0 }]);
    expect(after.refused).toEqual([]);
    expect(lpOf(after.state)).toBeCloseTo(2800, 6);
  });

  it('Binance: the opening leverage whose margin gives the target', () => {
    const answer = leverageForTarget(account('binance-usdm'), { symbol: 'ETHUSDT' }, 2800);
    if (typeof answer === 'string') throw new Error(answer);
    const margin = (100 * 3000) / (answer.maximumLeverage ?? Number.NaN);
    expect(lpOf(account('binance-usdm', { isolatedMargin: margin }))).toBeCloseTo(2800, 6);
  });

  it('says when no leverage can do it, and that cross leverage does not move the price', () => {
    const tooFar = leverageForTarget(account('binance-usdm', { side: 'short' }), { symbol: 'ETHUSDT' }, 9000);
    expect(tooFar).toMatchObject({ feasible: false });
    expect(
      leverageForTarget(account('okx-swap', { marginMode: 'cross', isolatedMargin: 0 }), { symbol: 'ETHUSDT' }, 2500),
    ).toBe("leverage does not move a cross position's liquidation price on OKX; add collateral instead");
  });
});

describe('funding drift', () => {
  it('moves a paying long toward the mark by the margin it loses, interval by interval', () => {
    const start = account('binance-usdm');
    const drift = fundingDrift(start, { symbol: 'ETHUSDT' }, 0.0001, 24);
    if (typeof drift === 'string') throw new Error(drift);
    expect(drift.points.map((point) => point.hours)).toEqual([8, 16, 24]);
    const paid = 3 * 0.0001 * 100 * 3000;
    expect(drift.points[2]?.liquidationPrice).toBeCloseTo(
      lpOf(account('binance-usdm', { isolatedMargin: 15000 - paid })) ?? Number.NaN,
      8,
    );
    expect(drift.driftPerHour).toBeGreaterThan(0);
    const receiving = fundingDrift(start, { symbol: 'ETHUSDT' }, -0.0001, 24);
    expect(typeof receiving !== 'string' && receiving.driftPerHour).toBeLessThan(0);
  });

  it('uses hourly funding on Hyperliquid and leaves Bybit unmoved while the wallet pays', () => {
    const hourly = fundingDrift(account('hyperliquid'), { symbol: 'ETHUSDT' }, 0.00001, 3);
    expect(typeof hourly !== 'string' && hourly.points).toHaveLength(3);
    const bybit = fundingDrift(account('bybit-linear'), { symbol: 'ETHUSDT' }, 0.0001, 24);
    expect(typeof bybit !== 'string' && bybit.driftPerHour).toBe(0);
    expect(fundingDrift(account('bybit-linear'), { symbol: 'ETHUSDT' }, 0.0001, 0)).toBe(
      'hours and the funding interval must be above 0',
    );
  });
});

describe('a target on the wrong side of the mark', () => {
  it('is refused with the reason for a long above the mark and a short below it, for both questions', () => {
    expect(collateralForTarget(account('binance-usdm'), { symbol: 'ETHUSDT' }, 3500)).toBe(
      'the target 3500 is not below the mark 3000: a long liquidates below the mark',
    );
    expect(collateralForTarget(account('bybit-linear', { side: 'short' }), { symbol: 'ETHUSDT' }, 3000)).toBe(
      'the target 3000 is not above the mark 3000: a short liquidates above the mark',
    );
    expect(leverageForTarget(account('okx-swap'), { symbol: 'ETHUSDT' }, 1e12)).toBe(
      'the target 1000000000000 is not below the mark 3000: a long liquidates below the mark',
    );
  });

  it('follows the net side of a hedged cross pair, and lets a flat hedge ask either side', () => {
    const leg = { ...eth, marginMode: 'cross' as const, isolatedMargin: 0 };
    const pair = (shortSize: number): RiskAccount => ({
      ...account('binance-usdm'),
      positionMode: 'hedge',
      walletBalance: 5000,
      positions: [leg, { ...leg, side: 'short', size: shortSize }],
    });
    // Net short: the long leg's liquidation lies above the mark, with the pair.
    expect(collateralForTarget(pair(150), { symbol: 'ETHUSDT', side: 'long' }, 2500)).toBe(
      "the target 2500 is not above the mark 3000: ETHUSDT's cross legs are net short and liquidate above the mark",
    );
    expect(typeof collateralForTarget(pair(150), { symbol: 'ETHUSDT', side: 'long' }, 3500)).toBe('object');
    expect(typeof collateralForTarget(pair(100), { symbol: 'ETHUSDT', side: 'long' }, 3500)).toBe('object');
    expect(typeof collateralForTarget(pair(100), { symbol: 'ETHUSDT', side: 'long' }, 2500)).toBe('object');
  });
});
