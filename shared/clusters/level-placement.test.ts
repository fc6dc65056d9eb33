import { describe, expect, it } from 'vitest';
import {
  buildProfile,
  createLedger,
  createPriceGrid,
  defaultLedgerParams,
  liquidationRatio,
  replay,
  type BinSize,
  type LedgerParams,
  type VenueMarket,
} from './index';
import { testBar, wanderingBars } from './testing/bars';
import { okxTestMarket } from './testing/markets';

const binance: VenueMarket = {
  venue: 'binance-usdm',
  takerFeeRate: 0.0005,
  contractSize: 1,
  tiers: [
    { floor: 0, cap: 50_000, maintenanceMarginRate: 0.004, deduction: 0, maxLeverage: 125 },
    { floor: 50_000, cap: null, maintenanceMarginRate: 0.005, deduction: 50, maxLeverage: 100 },
  ],
};
const okx = okxTestMarket;
const mix = defaultLedgerParams.leverageMix;
const assumptions = { notionalUsd: defaultLedgerParams.positionNotionalUsd, openingFeeFromMargin: true };

/** The float next to `value` toward +∞ (`steps` > 0) or −∞. */
function nextFloat(value: number, steps: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  view.setBigInt64(0, view.getBigInt64(0) + BigInt(steps));
  return view.getFloat64(0);
}

/** Entry prices from 0.01 to 200,000 (a fixed sequence), and entries whose 10x long level falls on a bin edge, with their neighbours. */
function entries(binSize: BinSize, market: VenueMarket): number[] {
  const grid = createPriceGrid(binSize);
  const spread = Array.from({ length: 120 }, (_, i) => 0.01 * 2e7 ** (((i * 0.618_034) % 1) + i / 1e4));
  const onEdges = [0.5, 3, 60_000, 61_234.5].flatMap((price) => {
    const ratio = liquidationRatio(market, 'long', 10, price, assumptions) ?? Number.NaN;
    const edge = grid.low(grid.binOf(price * ratio) + 1) / ratio;
    return [-2, -1, 0, 1, 2].map((steps) => nextFloat(edge, steps));
  });
  return [...spread, ...onEdges];
}

describe('where new levels land', () => {
  it.each([
    ['binance, 0.1 % bins', binance, defaultLedgerParams.binSize],
    ['okx, 0.1 % bins', okx, defaultLedgerParams.binSize],
    ['binance, 0.01 % bins', binance, { kind: 'relative', fraction: 0.0001 }],
    ['okx, absolute bins', okx, { kind: 'absolute', step: 0.5 }],
  ] as const)(
    'every leverage lands in the bin of entry × its exact liquidation ratio, at bin edges too (%s)',
    (_name, market, binSize) => {
      const params: LedgerParams = { ...defaultLedgerParams, binSize, nearPriceBand: null, turnoverPerDay: 0 };
      for (const price of entries(binSize, market)) {
        const ledger = createLedger({ markets: [market], params });
        ledger.update(market.venue, testBar(0, { price, openInterestUsd: 1e9 }));
        const bar = testBar(1, { price, openInterestUsd: 1e9 + 7e6 });
        ledger.update(market.venue, bar);
        // A flat bar's one entry: its typical price, as the ledger averages it.
        const entry = (bar.markHigh + bar.markLow + bar.markClose) / 3;
        for (const side of ['long', 'short'] as const) {
          const book = ledger.book(market.venue, side);
          let placed = 0;
          mix.forEach(({ leverage }, k) => {
            const ratio = liquidationRatio(market, side, leverage, entry, assumptions);
            if (ratio === null) return;
            const bin = ledger.grid.binOf(entry * ratio);
            expect({ price, side, leverage, usd: (book?.usd(k, bin) ?? 0) > 0 }).toEqual({
              price,
              side,
              leverage,
              usd: true,
            });
            placed += book?.usd(k, bin) ?? 0;
          });
          // Nothing anywhere else: the levels found hold the side's whole USD.
          expect(placed / (book?.total() ?? Number.NaN)).toBeCloseTo(1, 12);
        }
      }
    },
  );

  it("a profile's bin is the sum of its leverages' USD in the books, for any leverage filter", () => {
    const ledger = createLedger({ markets: [binance, okx] });
    const bars = wanderingBars(4000);
    replay(ledger, [
      { venue: 'binance-usdm', bars },
      { venue: 'okx-swap', bars: bars.map((bar) => ({ ...bar, openInterestUsd: (bar.openInterestUsd ?? 0) / 2 })) },
    ]);
    for (const leverages of [[3, 100], [25], mix.map((item) => item.leverage)]) {
      const profile = buildProfile(ledger, { leverages });
      expect(profile.long.length).toBeGreaterThan(100);
      const indices = leverages.map((leverage) => ledger.leverages.indexOf(leverage));
      for (let i = 0; i < profile.long.length; i++) {
        const bin = profile.firstBin + i;
        for (const [side, column] of [
          ['long', profile.long],
          ['short', profile.short],
        ] as const) {
          let expected = 0;
          for (const venue of ledger.venues) {
            let sum = 0;
            for (const k of indices) sum += ledger.book(venue, side)?.usd(k, bin) ?? 0;
            expected += sum;
          }
          expect(column[i]).toBe(expected);
        }
      }
    }
  });
});
