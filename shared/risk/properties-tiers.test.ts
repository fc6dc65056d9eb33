import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RiskAccount } from '../domain/risk-account';
import type { RiskPosition } from '../domain/risk-position';
import type { Side } from '../domain/side';
import type { Tier } from '../domain/tier';
import type { Venue } from '../domain/venue';
import { evaluateAccount } from './evaluate-account';
import { collateralForTarget } from './inverse-questions';
import { tieredMaintenanceMargin } from './tiers';
import { crossLegArb } from './testing/cross-leg-arb';

/** Binance-style brackets with `cum` built here by the FAQ recurrence. */
function brackets(floors: readonly number[], rates: readonly number[]): Tier[] {
  let cum = 0;
  return floors.map((floor, k) => {
    if (k > 0) cum += floor * ((rates[k] ?? 0) - (rates[k - 1] ?? 0));
    return {
      floor,
      cap: floors[k + 1] ?? null,
      maintenanceMarginRate: rates[k] ?? 0,
      deduction: cum,
      maxLeverage: null,
    };
  });
}

const bracketsArb = fc
  .array(fc.tuple(fc.double({ min: 1e3, max: 3e5, noNaN: true }), fc.double({ min: 0.001, max: 0.03, noNaN: true })), {
    minLength: 2,
    maxLength: 5,
  })
  .map((rows) => {
    let floor = 0;
    let rate = 0.002;
    const floors: number[] = [];
    const rates: number[] = [];
    for (const [k, [floorStep, rateStep]] of rows.entries()) {
      if (k > 0) floor += floorStep;
      rate += k > 0 ? rateStep : 0;
      floors.push(floor);
      rates.push(rate);
    }
    return brackets(floors, rates);
  });

/** Oracle: Binance cross equity − maintenance when `symbol` trades at `price`, written from the FAQ definitions. */
function surplus(account: RiskAccount, symbol: string, price: number): number {
  let value = account.walletBalance;
  for (const p of account.positions) {
    const at = p.symbol === symbol ? price : p.markPrice;
    const q = p.size * p.contractSize;
    const notional = q * at;
    let tier = p.tiers[0];
    for (const candidate of p.tiers) if (notional >= candidate.floor) tier = candidate;
    value +=
      (p.side === 'long' ? 1 : -1) * q * (at - p.entryPrice) -
      (notional * (tier?.maintenanceMarginRate ?? 0) - (tier?.deduction ?? 0));
  }
  return value;
}

/** Oracle root by bisection on the side of the mark where the position loses. */
function bisect(account: RiskAccount, position: RiskPosition): number | null {
  const f = (price: number): number => surplus(account, position.symbol, price);
  let low = position.side === 'long' ? 0 : position.markPrice;
  let high = position.side === 'long' ? position.markPrice : position.markPrice * 2;
  if (position.side === 'long' && f(low) >= 0) return null;
  while (position.side === 'short' && f(high) > 0) high *= 2;
  for (let i = 0; i < 200; i++) {
    const middle = (low + high) / 2;
    if (f(middle) > 0 === (position.side === 'long')) high = middle;
    else low = middle;
  }
  return (low + high) / 2;
}

const legArb = (symbol: string, side: fc.Arbitrary<Side>): fc.Arbitrary<RiskPosition> =>
  crossLegArb(symbol, side, bracketsArb, 1e3, 1e6);

const sideArb = fc.constantFrom<Side>('long', 'short');

describe('tiers', () => {
  it('Binance cross liquidation prices match a numeric root search with brackets chosen at the price', () => {
    const accountArb = fc
      .record({
        walletBalance: fc.double({ min: 1e3, max: 1e6, noNaN: true }),
        positions: fc
          .tuple(legArb('AAA', sideArb), legArb('BBB', sideArb), legArb('CCC', sideArb))
          .chain((legs) => fc.subarray(legs, { minLength: 1 })),
      })
      .map((r): RiskAccount => ({ venue: 'binance-usdm', positionMode: 'oneway', takerFeeRate: 0, ...r }));
    let compared = 0;
    fc.assert(
      fc.property(accountArb, (account) => {
        const result = evaluateAccount(account);
        for (const [index, position] of account.positions.entries()) {
          const risk = result.positions[index];
          if (risk === undefined || risk.liquidatable) continue;
          const oracle = bisect(account, position);
          if (oracle === null) expect(risk.liquidationPrice).toBeNull();
          else {
            compared++;
            expect(risk.liquidationPrice).not.toBeNull();
            expect(Math.abs((risk.liquidationPrice ?? 0) - oracle)).toBeLessThanOrEqual(1e-7 * position.markPrice);
          }
        }
      }),
      { numRuns: 400 },
    );
    expect(compared).toBeGreaterThan(100);
  });

  it('maintenance margin and the liquidation price are continuous across every tier boundary', () => {
    fc.assert(
      fc.property(legArb('AAA', fc.constant<Side>('long')), fc.nat(), (leg, pick) => {
        const boundary = leg.tiers[1 + (pick % (leg.tiers.length - 1))]?.floor ?? 0;
        const epsilon = boundary * 1e-12;
        expect(
          Math.abs(
            tieredMaintenanceMargin(leg.tiers, boundary - epsilon) - tieredMaintenanceMargin(leg.tiers, boundary),
          ),
        ).toBeLessThanOrEqual(1e-6 * boundary * 0.1);
        // The collateral that puts the liquidation notional exactly on the boundary, then a little either side.
        const atBoundary = boundary / (leg.size * leg.contractSize);
        fc.pre(atBoundary < leg.markPrice * 0.999);
        const account: RiskAccount = {
          venue: 'binance-usdm',
          positionMode: 'oneway',
          walletBalance: 0,
          takerFeeRate: 0,
          positions: [leg],
        };
        const needed = collateralForTarget(account, { symbol: 'AAA' }, atBoundary);
        if (typeof needed === 'string') throw new Error(needed);
        const lp = (wallet: number): number =>
          evaluateAccount({ ...account, walletBalance: wallet }).positions[0]?.liquidationPrice ?? Number.NaN;
        const delta = 1e-6 * boundary;
        expect(lp(needed.collateral)).toBeCloseTo(atBoundary, 6);
        const jump = Math.abs(lp(needed.collateral + delta) - lp(needed.collateral - delta));
        const steepest = (2 * delta) / (leg.size * (1 - 0.2));
        expect(jump).toBeLessThanOrEqual(steepest);
        expect(lp(needed.collateral + delta)).toBeLessThan(lp(needed.collateral - delta));
      }),
      { numRuns: 300 },
    );
  });

  it('hedge-mode cross legs of one symbol share one liquidation price (Binance, Bybit, OKX)', () => {
    const hedgeArb = fc.record({
      venue: fc.constantFrom<Venue>('binance-usdm', 'bybit-linear', 'okx-swap'),
      walletBalance: fc.double({ min: 1e3, max: 1e6, noNaN: true }),
      long: legArb('AAA', fc.constant<Side>('long')),
      short: legArb('AAA', fc.constant<Side>('short')),
      other: legArb('BBB', sideArb),
    });
    let shared = 0;
    fc.assert(
      fc.property(hedgeArb, ({ venue, walletBalance, long, short, other }) => {
        const tiers =
          venue === 'okx-swap'
            ? [{ floor: 0, cap: null, maintenanceMarginRate: 0.01, deduction: 0, maxLeverage: null }]
            : null;
        const legs = [long, { ...short, markPrice: long.markPrice }, other].map((p) =>
          tiers === null ? p : { ...p, tiers },
        );
        const account: RiskAccount = {
          venue,
          positionMode: 'hedge',
          walletBalance,
          takerFeeRate: 0.0005,
          positions: legs,
        };
        const [longRisk, shortRisk] = evaluateAccount(account).positions;
        expect(longRisk?.liquidationPrice).toBe(shortRisk?.liquidationPrice);
        if (longRisk?.liquidationPrice !== null) shared++;
      }),
      { numRuns: 300 },
    );
    expect(shared).toBeGreaterThan(50);
  });
});
