import { describe, expect, it } from 'vitest';
import {
  buildProfile,
  createLedger,
  defaultLedgerParams,
  liquidationMap,
  replay,
  withNearPriceBand,
  type NearPriceBand,
  type VenueMarket,
} from './index';
import { testBar, wanderingBars } from './testing/bars';

const market: VenueMarket = {
  venue: 'binance-usdm',
  tiers: [{ floor: 0, cap: null, maintenanceMarginRate: 0.004, deduction: 0, maxLeverage: 125 }],
  takerFeeRate: 0.0005,
  contractSize: 1,
};
const band: NearPriceBand = defaultLedgerParams.nearPriceBand ?? { shareOfOpenInterest: 0, rangeFraction: 0 };
const sum = (values: ArrayLike<number>): number => Array.from(values).reduce((a, b) => a + b, 0);

function replayed(nearPriceBand: NearPriceBand | null): ReturnType<typeof createLedger> {
  const ledger = createLedger({ markets: [market], params: { ...defaultLedgerParams, nearPriceBand } });
  replay(ledger, [{ venue: 'binance-usdm', bars: wanderingBars(2 * 1440) }]);
  return ledger;
}

describe("the near-price band in the ledger's own outputs", () => {
  it('the profile the app reads is the books plus the band the scorecard fitted, at the latest price and OI', () => {
    expect(band.shareOfOpenInterest).toBeGreaterThan(0);
    const shipped = replayed(band),
      books = replayed(null);
    const expected = withNearPriceBand(buildProfile(books), books.price, books.openInterestUsd('binance-usdm'), band);
    const actual = buildProfile(shipped);
    expect(actual.firstBin).toBe(expected.firstBin);
    expect(Array.from(actual.long)).toEqual(Array.from(expected.long));
    expect(Array.from(actual.short)).toEqual(Array.from(expected.short));
  });

  it('the map holds what the profile holds, and says which part is the band', () => {
    const ledger = replayed(band);
    const map = liquidationMap(ledger, 0.999);
    const profile = buildProfile(ledger);
    expect(map.longUsd).toBeCloseTo(sum(profile.long), 0);
    expect(map.shortUsd).toBeCloseTo(sum(profile.short), 0);
    const near = map.bins.reduce((total, bin) => total + (bin.nearPrice?.shortUsd ?? 0), 0);
    expect(near).toBeCloseTo(band.shareOfOpenInterest * ledger.openInterestUsd('binance-usdm'), 0);
    for (const bin of map.bins.filter((item) => item.nearPrice !== undefined)) {
      expect(bin.low).toBeGreaterThanOrEqual(ledger.price * (1 - band.rangeFraction) * 0.999);
      expect(bin.high).toBeLessThanOrEqual(ledger.price * (1 + band.rangeFraction) * 1.001);
    }
  });

  it('a leverage filter leaves the band out; a price range crops it', () => {
    const ledger = replayed(band);
    const leverages = ledger.leverages;
    expect(sum(buildProfile(ledger, { leverages }).long)).toBeCloseTo(
      ledger.book('binance-usdm', 'long')?.total() ?? 0,
      0,
    );
    const price = ledger.price;
    const near = buildProfile(ledger, { fromPrice: price * 0.995, toPrice: price * 1.005 });
    expect(near.firstBin).toBe(ledger.grid.binOf(price * 0.995));
    expect(near.long.length).toBe(ledger.grid.binOf(price * 1.005) - near.firstBin + 1);
    expect(sum(near.long)).toBeGreaterThan(0);
  });

  it('a price range holds exactly the bins of the whole profile in that range, band included, wherever it cuts the band', () => {
    const ledger = replayed(band);
    const whole = buildProfile(ledger);
    const price = ledger.price;
    for (const [from, to] of [
      [0.75, 1.25],
      [0.99, 1.01],
      [0.97, 0.999],
      [1.001, 1.3],
      [0.5, 0.6],
    ] as const) {
      const part = buildProfile(ledger, { fromPrice: price * from, toPrice: price * to });
      const firstBin = ledger.grid.binOf(price * from);
      expect(part.firstBin).toBe(firstBin);
      expect(part.long.length).toBe(ledger.grid.binOf(price * to) - firstBin + 1);
      const at = (column: ArrayLike<number>, bin: number): number => column[bin - whole.firstBin] ?? 0;
      expect(Array.from(part.long)).toEqual(Array.from(part.long, (_, i) => at(whole.long, firstBin + i)));
      expect(Array.from(part.short)).toEqual(Array.from(part.short, (_, i) => at(whole.short, firstBin + i)));
    }
  });

  it('no band before the ledger has seen an OI change (one sample); then a band, even with the books emptied', () => {
    const ledger = createLedger({ markets: [market] });
    ledger.update('binance-usdm', testBar(0, { price: 60_000, openInterestUsd: 1e9 }));
    expect(ledger.openInterestUsd('binance-usdm')).toBe(1e9);
    expect(buildProfile(ledger).long.length).toBe(0);
    expect(liquidationMap(ledger).bins).toEqual([]);
    // An OI fall with nothing placed: the books stay empty, the band sits around the price.
    ledger.update('binance-usdm', testBar(1, { price: 60_000, openInterestUsd: 0.9e9 }));
    expect(ledger.book('binance-usdm', 'long')?.total()).toBe(0);
    expect(sum(buildProfile(ledger).long)).toBeCloseTo(band.shareOfOpenInterest * 0.9e9, 0);
  });
});
