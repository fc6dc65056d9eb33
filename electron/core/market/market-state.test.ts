import { describe, expect, it } from 'vitest';
import { defaultLedgerParams, liquidationMap, type VenueMarket } from '../../../shared/clusters';
import type { OpenInterestPoint } from '../../../shared/domain/open-interest';
import type { MinuteBar } from '../recorder/recording-format';
import { createMarketState, maxMinuteBars } from './market-state';

const minuteMs = 60_000;
const startMs = 1_767_225_600_000;
/** `count` closed minutes from `from` (index), gently rising. */
function minutes(from: number, count: number): MinuteBar[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const price = 50_000 + i * 0.5;
    const ohlc = { open: price, high: price + 5, low: price - 5, close: price + 0.5 };
    return { timeMs: startMs + i * minuteMs, mark: ohlc, last: ohlc, volume: 10, takerBuyVolume: 5 };
  });
}

const market: VenueMarket = {
  venue: 'binance-usdm',
  takerFeeRate: 0.0005,
  contractSize: 1,
  tiers: [{ floor: 0, cap: null, maintenanceMarginRate: 0.004, deduction: 0, maxLeverage: 125 }],
};

/** Three weeks of wandering minutes with an OI sample every 5 minutes. */
function history(): { bars: MinuteBar[]; openInterest: OpenInterestPoint[] } {
  const bars = minutes(0, 21 * 1440).map((bar, i) => {
    const price = 50_000 * (1 + 0.04 * Math.sin(i / 300) + 0.01 * Math.sin(i / 23));
    const ohlc = { open: price, high: price * 1.0006, low: price * 0.9994, close: price };
    return { ...bar, mark: ohlc, last: ohlc, takerBuyVolume: 5 + 4 * Math.sin(i / 7) };
  });
  const openInterest = bars
    .filter((_, i) => i % 5 === 4)
    .map((bar, k) => ({ timeMs: bar.timeMs + minuteMs, base: null, usd: 1e9 * (1 + 0.2 * Math.sin(k / 40)) }));
  return { bars, openInterest };
}

describe('market state held in memory', () => {
  it('a window fed in slices, with the event loop turning between them, gives the map of one feed', async () => {
    const { bars, openInterest } = history();
    const nowMs = startMs + bars.length * minuteMs;
    const atOnce = createMarketState(market, true, defaultLedgerParams),
      sliced = createMarketState(market, true, defaultLedgerParams);
    atOnce.add(bars, openInterest);
    sliced.add(bars, openInterest);
    expect(atOnce.feed(nowMs)).toBe(bars.length);
    let turns = 0;
    const counting = setInterval(() => (turns += 1), 0);
    const fed = await sliced.feedInSlices(nowMs, () => false);
    clearInterval(counting);
    expect(fed).toBe(bars.length);
    expect(turns).toBeGreaterThan(0);
    expect(sliced.bars).toEqual(atOnce.bars);
    const ledger = sliced.ledger,
      reference = atOnce.ledger;
    if (ledger === null || reference === null) throw new Error('no ledger');
    expect(liquidationMap(ledger).bins.length).toBeGreaterThan(10);
    expect(liquidationMap(ledger)).toEqual(liquidationMap(reference));
    expect(ledger.snapshots()).toEqual(reference.snapshots());
  });

  it('a sliced feed stops between slices once told to, leaving the rest unfed', async () => {
    const { bars, openInterest } = history();
    const state = createMarketState(market, true, defaultLedgerParams);
    state.add(bars, openInterest);
    const fed = await state.feedInSlices(startMs + bars.length * minuteMs, () => true);
    expect(fed).toBeGreaterThan(0);
    expect(fed).toBeLessThan(bars.length);
    expect(state.feed(startMs + bars.length * minuteMs)).toBe(bars.length - fed);
  });

  it('a market open for weeks keeps a bounded number of minutes, the newest, and still charts them', () => {
    const state = createMarketState(null, false);
    const perDay = 1440;
    for (let day = 0; day < 20; day++) {
      state.add(minutes(day * perDay, perDay), []);
      state.feed(startMs + (day + 1) * perDay * minuteMs);
    }
    expect(state.bars.length).toBeLessThanOrEqual(maxMinuteBars);
    expect(state.bars.at(-1)?.timeMs).toBe(startMs + (20 * perDay - 1) * minuteMs);
    const fifteen = state.candles('15m');
    expect(fifteen.length).toBe(1000);
    expect(fifteen.at(-1)?.openTimeMs).toBe(startMs + (20 * perDay - 15) * minuteMs);
  });

  it('minutes the ledger has not been fed yet are never dropped', () => {
    const state = createMarketState(null, true);
    // With open interest expected and none known, nothing closes yet: nothing may go.
    state.add(minutes(0, maxMinuteBars + 500), []);
    state.feed(startMs);
    expect(state.bars.length).toBe(maxMinuteBars + 500);
  });
});
