import { describe, expect, it } from 'vitest';
import { buildProfile, createLedger, defaultLedgerParams, withNearPriceBand, type VenueMarket } from './index';
import { testBar } from './testing/bars';

const market: VenueMarket = {
  venue: 'binance-usdm',
  tiers: [{ floor: 0, cap: null, maintenanceMarginRate: 0.004, deduction: 0, maxLeverage: 125 }],
  takerFeeRate: 0.0005,
  contractSize: 1,
};
const longUsdBelow = (ledger: ReturnType<typeof createLedger>, from: number, to: number): number =>
  Array.from(buildProfile(ledger, { fromPrice: from, toPrice: to }).long).reduce((sum, usd) => sum + usd, 0);

/** Opens positions at 60,000, crashes through their long levels to 50,000 (OI unchanged: no new positions), then trades flat there for a day. */
function crashThenFlat(turnoverPerDay: number): ReturnType<typeof createLedger> {
  const ledger = createLedger({
    markets: [market],
    // The books alone: the near-price band would sit below 50,000 whatever the churn.
    params: { ...defaultLedgerParams, turnoverPerDay, liquidationOiOffset: 0, nearPriceBand: null },
  });
  ledger.update('binance-usdm', testBar(0, { price: 60_000, openInterestUsd: 1e9 }));
  ledger.update('binance-usdm', testBar(1, { price: 60_000, openInterestUsd: 2e9 }));
  ledger.update('binance-usdm', testBar(2, { price: 50_000, high: 60_000, low: 50_000, openInterestUsd: 2e9 }));
  for (let minute = 3; minute < 3 + 1_440; minute += 60)
    ledger.update('binance-usdm', testBar(minute, { price: 50_000, openInterestUsd: 2e9 }));
  return ledger;
}

describe('churn (turnoverPerDay) refills levels the price traded through', () => {
  it('without churn nothing sits below the new price; with it, the high-leverage long levels come back just below 50,000', () => {
    expect(longUsdBelow(crashThenFlat(0), 48_500, 49_999)).toBe(0);
    const refilled = longUsdBelow(crashThenFlat(2), 48_500, 49_999);
    expect(refilled).toBeGreaterThan(0);
    expect(longUsdBelow(crashThenFlat(8), 48_500, 49_999)).toBeGreaterThan(refilled);
  });
});

describe('the near-price band', () => {
  it('adds the share of OI evenly on each side within the range, and nothing beyond it', () => {
    const empty = buildProfile(createLedger({ markets: [market] }));
    const banded = withNearPriceBand(empty, 50_000, 2e9, {
      shareOfOpenInterest: 0.001,
      rangeFraction: 0.02,
    });
    const sum = (values: ArrayLike<number>, from: number, to: number): number => {
      let total = 0;
      for (let bin = banded.grid.binOf(from); bin <= banded.grid.binOf(to); bin++)
        total += values[bin - banded.firstBin] ?? 0;
      return total;
    };
    expect(sum(banded.long, 49_000, 49_999)).toBeCloseTo(2e6, -2);
    expect(sum(banded.short, 50_051, 51_000)).toBeCloseTo(2e6, -2);
    expect(sum(banded.long, 40_000, 48_900)).toBe(0);
  });
});
