import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MarginMode } from '../domain/margin-mode';
import type { RiskAccount } from '../domain/risk-account';
import type { RiskPosition } from '../domain/risk-position';
import type { Side } from '../domain/side';
import type { Tier } from '../domain/tier';
import type { Venue } from '../domain/venue';
import { applyWhatIf } from './apply-what-if';
import { evaluateAccount } from './evaluate-account';

/** Tiers ascending in floor and rate, deductions by the continuity recurrence (computed here, independently). */
function buildTiers(
  steps: readonly { floorStep: number; rateStep: number }[],
  firstRate: number,
  byContracts: boolean,
): Tier[] {
  const tiers: Tier[] = [];
  let floor = 0;
  let rate = firstRate;
  let deduction = 0;
  for (const [k, step] of steps.entries()) {
    if (k > 0) {
      floor += byContracts ? Math.round(step.floorStep) : step.floorStep;
      const nextRate = rate + step.rateStep;
      deduction = byContracts ? 0 : deduction + floor * (nextRate - rate);
      rate = nextRate;
    }
    tiers.push({ floor, cap: null, maintenanceMarginRate: rate, deduction, maxLeverage: null });
  }
  return tiers.map((tier, k) => ({
    ...tier,
    cap: tiers[k + 1] === undefined ? null : (tiers[k + 1]?.floor ?? 0) - (byContracts ? 1 : 0),
  }));
}

const stepArb = fc.record({
  floorStep: fc.double({ min: 10, max: 2e5, noNaN: true }),
  rateStep: fc.double({ min: 0, max: 0.02, noNaN: true }),
});

function positionArb(
  venue: Venue,
  symbol: string,
  side: fc.Arbitrary<Side>,
  marginMode: fc.Arbitrary<MarginMode>,
): fc.Arbitrary<RiskPosition> {
  const inverse = venue === 'binance-coinm';
  const byContracts = venue === 'okx-swap';
  return fc
    .record({
      side,
      marginMode,
      entryPrice: fc.double({ min: 0.5, max: 1e5, noNaN: true }),
      move: fc.double({ min: -0.15, max: 0.15, noNaN: true }),
      notional: fc.double({ min: 100, max: 5e5, noNaN: true }),
      leverage: fc.integer({ min: 1, max: 75 }),
      cushion: fc.double({ min: 0.3, max: 3, noNaN: true }),
      steps: fc.array(stepArb, { minLength: 1, maxLength: 5 }),
      firstRate: fc.double({ min: 0.001, max: 0.02, noNaN: true }),
    })
    .map((r) => {
      const contractSize = inverse ? 100 : byContracts ? 0.01 : 1;
      const size = inverse ? r.notional / contractSize : r.notional / r.entryPrice / contractSize;
      const entryNotional = inverse ? (size * contractSize) / r.entryPrice : size * contractSize * r.entryPrice;
      // COIN-M tiers are in coin: scale the floors to the coin notional.
      const scale = inverse ? 1 / r.entryPrice : 1;
      const steps = r.steps.map((step) => ({
        ...step,
        floorStep: byContracts ? step.floorStep / 100 : step.floorStep * scale,
      }));
      return {
        symbol,
        side: r.side,
        marginMode: r.marginMode,
        size,
        contractSize,
        entryPrice: r.entryPrice,
        markPrice: r.entryPrice * (1 + r.move),
        leverage: r.leverage,
        isolatedMargin: r.marginMode === 'isolated' ? (entryNotional / r.leverage) * r.cushion : 0,
        maxLeverage: null,
        tiers: buildTiers(steps, r.firstRate, byContracts),
      };
    });
}

const venueArb = fc.constantFrom<Venue>('binance-usdm', 'binance-coinm', 'bybit-linear', 'okx-swap', 'hyperliquid');
const sideArb = fc.constantFrom<Side>('long', 'short');
const modeArb = fc.constantFrom<MarginMode>('isolated', 'cross');

const accountArb: fc.Arbitrary<RiskAccount> = venueArb.chain((venue) =>
  fc.record({
    venue: fc.constant(venue),
    positionMode: fc.constant<'oneway'>('oneway'),
    walletBalance: fc.double({ min: 0, max: 3e5, noNaN: true }),
    takerFeeRate: fc.constantFrom(0, 0.0002, 0.0005),
    positions: fc
      .tuple(...['AAA', 'BBB', 'CCC'].map((symbol) => positionArb(venue, symbol, sideArb, modeArb)))
      .chain((all) => fc.subarray(all, { minLength: 1 })),
  }),
);

/** The requirement and equity of the pool that liquidates position `index`. */
function pool(account: RiskAccount, index: number): { equity: number; requirement: number } {
  const result = evaluateAccount(account);
  const position = result.positions[index];
  if (position?.marginMode === 'isolated')
    return { equity: position.marginBalance, requirement: position.maintenanceMargin };
  return {
    equity: result.account.cross?.equity ?? Number.NaN,
    requirement: result.account.cross?.maintenanceMargin ?? Number.NaN,
  };
}

function scaleOf(account: RiskAccount): number {
  return (
    account.walletBalance +
    account.positions.reduce(
      (sum, p) =>
        sum + p.size * p.contractSize * (p.contractSize === 100 ? 1 / p.entryPrice : p.entryPrice) + p.isolatedMargin,
      1,
    )
  );
}

describe('properties', () => {
  it('equity equals the maintenance requirement at the computed liquidation price (every venue)', () => {
    let checked = 0;
    fc.assert(
      fc.property(accountArb, (account) => {
        const result = evaluateAccount(account);
        for (const [index, position] of result.positions.entries()) {
          if (position.liquidationPrice === null) continue;
          const moved = applyWhatIf(account, [
            { op: 'price', symbol: position.symbol, markPrice: position.liquidationPrice },
          ]).state;
          const { equity, requirement } = pool(moved, index);
          expect(Math.abs(equity - requirement)).toBeLessThanOrEqual(1e-9 * scaleOf(account));
          checked++;
        }
      }),
      { numRuns: 400 },
    );
    expect(checked).toBeGreaterThan(200);
  });

  it("adding collateral moves a long's liquidation price down and a short's up", () => {
    let checked = 0;
    fc.assert(
      fc.property(accountArb, fc.double({ min: 1, max: 1e4, noNaN: true }), (account, extra) => {
        const funded = { ...account, walletBalance: account.walletBalance + 1e9 };
        const before = evaluateAccount(funded);
        for (const [index, position] of before.positions.entries()) {
          if (position.liquidationPrice === null || position.liquidatable) continue;
          const after = applyWhatIf(funded, [{ op: 'addMargin', symbol: position.symbol, amount: extra }]);
          expect(after.refused).toEqual([]);
          const moved = after.positions[index]?.liquidationPrice ?? null;
          if (moved === null) continue;
          if (position.side === 'long') expect(moved).toBeLessThan(position.liquidationPrice);
          else expect(moved).toBeGreaterThan(position.liquidationPrice);
          checked++;
        }
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(150);
  });
});
