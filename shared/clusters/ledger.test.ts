import { describe, expect, it } from 'vitest';
import type { Side } from '../domain/side';
import type { Tier } from '../domain/tier';
import { continuousDeductions, evaluateAccount } from '../risk/index';
import {
  createLedger,
  defaultLedgerParams,
  liquidationMap,
  liquidationRatio,
  replay,
  type LedgerParams,
  type VenueMarket,
} from './index';
import { testBar, wanderingBars } from './testing/bars';
import { okxTestMarket } from './testing/markets';

function tiers(rows: readonly (readonly [floor: number, rate: number, maxLeverage: number])[]): Tier[] {
  const deductions = continuousDeductions(rows.map(([floor, rate]) => ({ floor, maintenanceMarginRate: rate })));
  return rows.map(([floor, rate, maxLeverage], k) => ({
    floor,
    cap: rows[k + 1]?.[0] ?? null,
    maintenanceMarginRate: rate,
    deduction: deductions[k] ?? 0,
    maxLeverage,
  }));
}
const btcTiers = tiers([
  [0, 0.004, 125],
  [50_000, 0.005, 100],
  [250_000, 0.01, 50],
  [3_000_000, 0.025, 20],
]);
const binance: VenueMarket = { venue: 'binance-usdm', tiers: btcTiers, takerFeeRate: 0.0005, contractSize: 1 };
const bybit: VenueMarket = {
  venue: 'bybit-linear',
  tiers: tiers([
    [0, 0.005, 100],
    [2_000_000, 0.01, 50],
  ]),
  takerFeeRate: 0.00055,
  contractSize: 1,
};
const okx = okxTestMarket;
const params = (overrides: Partial<LedgerParams>): LedgerParams => ({ ...defaultLedgerParams, ...overrides });

/** Equity − maintenance (incl. the venue's fee to close) of the new position with the mark at `price`, per shared/risk. */
function surplusAt(
  market: VenueMarket,
  side: Side,
  leverage: number,
  entry: number,
  notional: number,
  price: number,
): { equity: number; requirement: number } {
  const result = evaluateAccount({
    venue: market.venue,
    positionMode: 'oneway',
    walletBalance: 0,
    takerFeeRate: market.takerFeeRate,
    positions: [
      {
        symbol: 'X',
        side,
        marginMode: 'isolated',
        size: notional / entry / market.contractSize,
        contractSize: market.contractSize,
        entryPrice: entry,
        markPrice: price,
        leverage,
        isolatedMargin: notional / leverage - notional * market.takerFeeRate,
        maxLeverage: null,
        tiers: market.tiers,
      },
    ],
  });
  const position = result.positions[0];
  return { equity: position?.marginBalance ?? Number.NaN, requirement: position?.maintenanceMargin ?? Number.NaN };
}

describe('createLedger', () => {
  it('is deterministic: the same bars give the same map', () => {
    const bars = wanderingBars(3000);
    const a = createLedger({ markets: [binance] }),
      b = createLedger({ markets: [binance] });
    replay(a, [{ venue: 'binance-usdm', bars }]);
    replay(b, [{ venue: 'binance-usdm', bars }]);
    const mapA = liquidationMap(a);
    expect(mapA.bins.length).toBeGreaterThan(10);
    expect(JSON.stringify(liquidationMap(b))).toBe(JSON.stringify(mapA));
  });

  it.each([
    ['binance long 20x', binance, 'long', 20, 100_000],
    ['binance short 50x', binance, 'short', 50, 100_000],
    ['binance long 10x, tier 3 notional', binance, 'long', 10, 1_500_000],
    ['bybit short 25x', bybit, 'short', 25, 100_000],
    ['okx long 100x', okx, 'long', 100, 100_000],
  ] as const)(
    'an OI rise creates a level at the exact tiered liquidation price (%s)',
    (_name, market, side, leverage, notional) => {
      const entry = 60_000;
      const ledger = createLedger({
        markets: [market],
        params: params({ leverageMix: [{ leverage, weight: 1 }], positionNotionalUsd: notional }),
      });
      ledger.update(market.venue, testBar(0, { price: entry, openInterestUsd: 1e9 }));
      ledger.update(
        market.venue,
        testBar(1, { price: entry, openInterestUsd: 1e9 + 5e6, buyShare: side === 'long' ? 1 : 0 }),
      );
      const book = ledger.book(market.venue, side);
      const [lo, hi] = book?.range() ?? [1, 0];
      expect(lo).toBe(hi);
      expect(book?.total()).toBeCloseTo(5e6, 3);
      const ratio =
        liquidationRatio(market, side, leverage, entry, { notionalUsd: notional, openingFeeFromMargin: true }) ??
        Number.NaN;
      const price = entry * ratio;
      expect(ledger.grid.binOf(price)).toBe(lo);
      // shared/risk at that price: equity equals the requirement.
      const { equity, requirement } = surplusAt(market, side, leverage, entry, notional, price);
      expect(Math.abs(equity - requirement) / requirement).toBeLessThan(1e-9);
      // And it is not the entry × (1 ∓ 1/L) shortcut.
      const shortcut = entry * (side === 'long' ? 1 - 1 / leverage : 1 + 1 / leverage);
      expect(Math.abs(price - shortcut) / entry).toBeGreaterThan(0.0015);
    },
  );

  it('consumes a level once the mark trades through it, not before', () => {
    // Without churn: it would reopen what was consumed (turnover.test.ts).
    const ledger = createLedger({
      markets: [binance],
      params: params({ leverageMix: [{ leverage: 50, weight: 1 }], turnoverPerDay: 0 }),
    });
    ledger.update('binance-usdm', testBar(0, { price: 60_000, openInterestUsd: 1e9 }));
    ledger.update('binance-usdm', testBar(1, { price: 60_000, openInterestUsd: 1e9 + 1e6, buyShare: 1 }));
    const longs = ledger.book('binance-usdm', 'long');
    const level = ledger.grid.mid(longs?.range()[0] ?? 0);
    ledger.update('binance-usdm', testBar(2, { price: 60_000, low: level * 1.002, openInterestUsd: 1e9 + 1e6 }));
    expect(longs?.total()).toBeGreaterThan(0.99e6);
    // The liquidation closes the positions: OI falls by what was consumed.
    ledger.update('binance-usdm', testBar(3, { price: 60_000, low: level * 0.999, openInterestUsd: 1e9 }));
    expect(longs?.total()).toBe(0);
    expect(ledger.book('binance-usdm', 'short')?.total()).toBe(0);
  });

  it('an OI fall trims the side taker flow says is closing', () => {
    const ledger = createLedger({ markets: [binance] });
    ledger.update('binance-usdm', testBar(0, { price: 60_000, openInterestUsd: 1e9 }));
    ledger.update('binance-usdm', testBar(1, { price: 60_000, openInterestUsd: 1e9 + 10e6, buyShare: 0.5 }));
    const longs = ledger.book('binance-usdm', 'long'),
      shorts = ledger.book('binance-usdm', 'short');
    const before = [longs?.total() ?? 0, shorts?.total() ?? 0];
    // All selling: longs are closing.
    ledger.update('binance-usdm', testBar(2, { price: 60_000, openInterestUsd: 1e9 + 8e6, buyShare: 0 }));
    const decay = 2 ** (-60_000 / defaultLedgerParams.halfLifeMs);
    expect(longs?.total()).toBeCloseTo((before[0] ?? 0) * decay - 2e6, 0);
    expect(shorts?.total()).toBeCloseTo((before[1] ?? 0) * decay, 0);
  });

  it('decays every level by half over one half-life', () => {
    const ledger = createLedger({ markets: [binance], params: params({ halfLifeMs: 60 * 60_000 }) });
    ledger.update('binance-usdm', testBar(0, { price: 60_000, openInterestUsd: 1e9 }));
    ledger.update('binance-usdm', testBar(1, { price: 60_000, openInterestUsd: 1e9 + 4e6 }));
    const total = (): number =>
      (ledger.book('binance-usdm', 'long')?.total() ?? 0) + (ledger.book('binance-usdm', 'short')?.total() ?? 0);
    const start = total();
    for (let minute = 2; minute < 62; minute++)
      ledger.update('binance-usdm', testBar(minute, { price: 60_000, openInterestUsd: 1e9 + 4e6 }));
    expect(total() / start).toBeCloseTo(0.5, 10);
  });

  it('keeps provenance: venue, leverage and birth time per bin', () => {
    const ledger = createLedger({
      markets: [binance, bybit],
      params: params({
        leverageMix: [
          { leverage: 10, weight: 1 },
          { leverage: 25, weight: 1 },
        ],
      }),
    });
    for (const venue of ['binance-usdm', 'bybit-linear'] as const)
      ledger.update(venue, testBar(0, { price: 60_000, openInterestUsd: 1e9 }));
    ledger.update('bybit-linear', testBar(1, { price: 60_000, openInterestUsd: 1e9 + 2e6, buyShare: 1 }));
    const map = liquidationMap(ledger);
    const sources = map.bins.flatMap((bin) => bin.provenance);
    expect(new Set(sources.map((p) => p.venue))).toEqual(new Set(['bybit-linear']));
    expect(new Set(sources.map((p) => p.leverage))).toEqual(new Set([10, 25]));
    for (const p of sources) expect(p.meanBirthMs).toBe(testBar(2, { price: 1 }).timeMs);
    // The near-price band is the rest: sized by bybit's OI alone (binance has seen no OI change yet), no leverage.
    const near = map.bins.reduce((sum, bin) => sum + (bin.nearPrice?.longUsd ?? 0), 0);
    expect(near).toBeCloseTo((defaultLedgerParams.nearPriceBand?.shareOfOpenInterest ?? 0) * (1e9 + 2e6), 3);
    expect(map.longUsd - near).toBeCloseTo(2e6, 3);
  });

  it('ignores bars with impossible prices', () => {
    const ledger = createLedger({ markets: [binance] });
    ledger.update('binance-usdm', testBar(0, { price: 0, openInterestUsd: 1e9 }));
    ledger.update('binance-usdm', { ...testBar(1, { price: 60_000 }), markHigh: Number.NaN });
    expect(Number.isNaN(ledger.price)).toBe(true);
  });
});
