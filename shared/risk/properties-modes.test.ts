import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CollateralAsset } from '../domain/collateral';
import type { RiskAccount } from '../domain/risk-account';
import type { RiskPosition } from '../domain/risk-position';
import type { Side } from '../domain/side';
import { applyWhatIf } from './apply-what-if';
import { evaluateAccount } from './evaluate-account';
import { crossLegArb } from './testing/cross-leg-arb';

/** Two tiers with Binance-style continuous deductions (computed here, independently of the engine). */
function tiersFrom(firstRate: number, floor: number, step: number): RiskPosition['tiers'] {
  return [
    { floor: 0, cap: floor, maintenanceMarginRate: firstRate, deduction: 0, maxLeverage: null },
    { floor, cap: null, maintenanceMarginRate: firstRate + step, deduction: floor * step, maxLeverage: null },
  ];
}

const tiersArb = fc
  .record({
    firstRate: fc.double({ min: 0.002, max: 0.02, noNaN: true }),
    floor: fc.double({ min: 1e3, max: 5e5, noNaN: true }),
    step: fc.double({ min: 0, max: 0.02, noNaN: true }),
  })
  .map((r) => tiersFrom(r.firstRate, r.floor, r.step));

const crossPositionArb = (symbol: string): fc.Arbitrary<RiskPosition> =>
  crossLegArb(symbol, fc.constantFrom<Side>('long', 'short'), tiersArb, 100, 2e5).map((position) => ({
    ...position,
    settleAsset: 'USDT',
  }));

const accountArb = (venue: 'binance-usdm' | 'bybit-linear'): fc.Arbitrary<RiskAccount> =>
  fc.record({
    venue: fc.constant(venue),
    positionMode: fc.constant<'oneway'>('oneway'),
    walletBalance: fc.double({ min: 100, max: 2e5, noNaN: true }),
    takerFeeRate: fc.constantFrom(0, 0.00055),
    positions: fc
      .tuple(crossPositionArb('AAAUSDT'), crossPositionArb('BBBUSDT'))
      .chain((all) => fc.subarray(all, { minLength: 1 })),
  });

/** USDT alone at an index of 1 with no discount: the USD pool must be the single-asset pool. */
function usdtOnly(account: RiskAccount): CollateralAsset[] {
  const valuation: CollateralAsset['valuation'] =
    account.venue === 'binance-usdm'
      ? { kind: 'bid-ask', bidBuffer: 0, askBuffer: 0 }
      : { kind: 'tiered', tiers: [{ floor: 0, cap: null, ratio: 1 }] };
  return [{ asset: 'USDT', amount: account.walletBalance, indexPriceUsd: 1, valuation }];
}

function withinSearch(price: number, index: number, account: RiskAccount): boolean {
  const mark = account.positions[index]?.markPrice ?? Number.NaN;
  return price > mark * 1e-5 && price < mark * 1e5;
}

const relative = (a: number | null, b: number | null): number =>
  a === null || b === null ? (a === b ? 0 : Infinity) : Math.abs(a - b) / Math.max(1, Math.abs(b));

describe('properties of the account modes', () => {
  it('multi-asset modes with only USDT at rate 1 give the single-asset figures', () => {
    let priced = 0;
    fc.assert(
      fc.property(fc.constantFrom<'binance-usdm' | 'bybit-linear'>('binance-usdm', 'bybit-linear'), (venue) => {
        fc.assert(
          fc.property(accountArb(venue), (account) => {
            const mode = venue === 'binance-usdm' ? 'binance-multi-assets' : 'bybit-unified-cross';
            const single = evaluateAccount(account);
            const multi = evaluateAccount({ ...account, accountMode: mode, collateral: usdtOnly(account) });
            expect(relative(multi.account.equity, single.account.equity)).toBeLessThan(1e-9);
            expect(relative(multi.account.maintenanceMargin, single.account.maintenanceMargin)).toBeLessThan(1e-9);
            for (const [index, position] of single.positions.entries()) {
              // The USD solver searches 1e-6 to 1e6 times the mark: near those edges (a float-noise root
              // near 0 of a 1x long) either answer is right, so only prices well inside are compared.
              const price = position.liquidationPrice;
              const computed = multi.positions[index]?.liquidationPrice ?? null;
              if (price !== null && !withinSearch(price, index, account)) continue;
              if (price === null && computed !== null && !withinSearch(computed, index, account)) continue;
              expect(relative(computed, price)).toBeLessThan(1e-9);
              if (position.liquidationPrice !== null) priced++;
            }
          }),
          { numRuns: 60 },
        );
      }),
      { numRuns: 4 },
    );
    expect(priced).toBeGreaterThan(100);
  });

  it('the account margin ratio is 1 at the multi-asset liquidation price, with other-coin collateral held', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        accountArb('binance-usdm'),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        (base, ethAmount, haircut) => {
          const account: RiskAccount = {
            ...base,
            accountMode: 'binance-multi-assets',
            collateral: [
              ...usdtOnly(base).map((asset) => ({
                ...asset,
                indexPriceUsd: 0.999,
                valuation: { kind: 'bid-ask' as const, bidBuffer: 0.001, askBuffer: 0.002 },
              })),
              {
                asset: 'ETH',
                amount: ethAmount,
                indexPriceUsd: 3000,
                valuation: { kind: 'bid-ask', bidBuffer: haircut, askBuffer: 0 },
              },
            ],
          };
          for (const position of evaluateAccount(account).positions) {
            if (position.liquidationPrice === null) continue;
            const moved = applyWhatIf(account, [
              { op: 'price', symbol: position.symbol, markPrice: position.liquidationPrice },
            ]);
            expect(moved.account.marginRatio ?? Infinity).toBeCloseTo(1, 6);
            checked++;
          }
        },
      ),
      { numRuns: 200 },
    );
    expect(checked).toBeGreaterThan(100);
  });

  it('Hyperliquid unified from the spot total equals standard mode holding the same value', () => {
    fc.assert(
      fc.property(crossPositionArb('BTC'), fc.double({ min: 500, max: 1e5, noNaN: true }), (position, accountValue) => {
        const pnl = (position.side === 'long' ? 1 : -1) * position.size * (position.markPrice - position.entryPrice);
        const hyperliquid: RiskPosition = { ...position, tiers: [{ ...position.tiers[0]!, cap: null }] };
        const standard: RiskAccount = {
          venue: 'hyperliquid',
          positionMode: 'oneway',
          walletBalance: accountValue - pnl,
          takerFeeRate: 0,
          positions: [hyperliquid],
        };
        const unified: RiskAccount = {
          ...standard,
          walletBalance: 0,
          accountMode: 'hyperliquid-unified',
          spotQuoteTotal: accountValue,
        };
        const a = evaluateAccount(standard).positions[0]?.liquidationPrice ?? null;
        const b = evaluateAccount(unified).positions[0]?.liquidationPrice ?? null;
        expect(relative(b, a)).toBeLessThan(1e-9);
      }),
      { numRuns: 200 },
    );
  });
});
