import { describe, expect, it } from 'vitest';
import type { Candle } from '../domain/candle';
import {
  cvdOf,
  levelChange,
  openInterestChange,
  priceChange,
  takerFlowOfCandles,
  takerFlowOfTrades,
  volumeOf,
} from './figures';

const hourMs = 3_600_000;
const t0 = Date.UTC(2026, 5, 1);

/** 5m candles over `hours`, closing at `close(i)`, volume 10 each, takers buying `buy` of it. */
function candles(hours: number, close: (i: number) => number, buy: number | null = 6): Candle[] {
  return Array.from({ length: hours * 12 }, (_, i) => ({
    openTimeMs: t0 + i * 300_000,
    open: close(i),
    high: close(i),
    low: close(i),
    close: close(i),
    volume: 10,
    takerBuyVolume: buy,
  }));
}

describe('market context figures', () => {
  it('changes over an hour and a day compare with the sample at or before then', () => {
    const series = [
      { timeMs: t0, v: 100 },
      { timeMs: t0 + 23 * hourMs, v: 110 },
      { timeMs: t0 + 24 * hourMs, v: 121 },
    ];
    const change = levelChange(series, (s) => s.v);
    expect(change?.now).toBe(121);
    expect(change?.change1h).toBeCloseTo(0.1, 12);
    expect(change?.change24h).toBeCloseTo(0.21, 12);
  });

  it('a change the series does not reach back for is null, not zero', () => {
    const change = levelChange([{ timeMs: t0, v: 5 }], (s) => s.v);
    expect(change).toEqual({ now: 5, change1h: null, change24h: null });
    expect(levelChange([], (s: { timeMs: number }) => s.timeMs)).toBeNull();
  });

  it('price change reads the candles at their close times', () => {
    const change = priceChange(candles(25, (i) => 100 + i));
    // 300 candles: the newest closes at 399, the one an hour before (12 earlier) at 387.
    expect(change?.now).toBe(399);
    expect(change?.change1h).toBeCloseTo(399 / 387 - 1, 12);
    expect(change?.change24h).toBeCloseTo(399 / 111 - 1, 12);
  });

  it('open interest is compared in base units, or in USD where a sample lacks them', () => {
    expect(openInterestChange([{ timeMs: t0, base: 10, usd: 5 }])?.unit).toBe('base');
    const usd = openInterestChange([
      { timeMs: t0, base: null, usd: 200 },
      { timeMs: t0 + hourMs, base: null, usd: 180 },
    ]);
    expect(usd?.unit).toBe('usd');
    expect(usd?.change1h).toBeCloseTo(-0.1, 12);
  });

  it('volume sums the last hour and day in USD and compares the hour with the daily average', () => {
    const volume = volumeOf(candles(25, (i) => (i >= 288 ? 200 : 100)));
    expect(volume?.last1hUsd).toBe(12 * 10 * 200);
    expect(volume?.last24hUsd).toBe(12 * 10 * 200 + 276 * 10 * 100);
    expect(volume?.relative1h).toBeCloseTo(24000 / (volume!.last24hUsd / 24), 12);
    expect(volumeOf(candles(2, () => 100))?.relative1h).toBeNull();
  });

  it('CVD nets taker buys against sells over the hour and the day', () => {
    const flows = takerFlowOfCandles(candles(25, () => 100, 7));
    const endMs = t0 + 300 * 300_000;
    const cvd = cvdOf(flows, endMs);
    expect(cvd?.net1h).toBeCloseTo(12 * (7 - 3), 9);
    expect(cvd?.net24h).toBeCloseTo(288 * (7 - 3), 9);
    expect(cvd?.share1h).toBeCloseTo(0.4, 12);
    // The sparkline's trail: 0, then the running total after each of the last 4 h's 48 periods.
    expect(cvd?.trailHours).toBe(4);
    expect(cvd?.trail).toHaveLength(49);
    expect(cvd?.trail[0]).toBe(0);
    expect(cvd?.trail[48]).toBeCloseTo(48 * (7 - 3), 9);
    expect(cvd?.trail[12]).toBeCloseTo(12 * (7 - 3), 9);
    expect(takerFlowOfCandles(candles(1, () => 1, null))).toEqual([]);
    expect(cvdOf([], endMs)).toBeNull();
  });

  it('CVD from flows that do not reach back the hour is absent, and the day and trail cover only what they reach', () => {
    const endMs = t0 + 300 * 300_000;
    // 2 h of 5m flows: the hour is covered, the day is not, the trail spans the 2 h it has.
    const twoHours = takerFlowOfCandles(candles(25, () => 100, 7)).slice(-24);
    const cvd = cvdOf(twoHours, endMs);
    expect(cvd?.net1h).toBeCloseTo(12 * (7 - 3), 9);
    expect(cvd?.net24h).toBeNull();
    expect(cvd?.trailHours).toBe(2);
    expect(cvd?.trail).toHaveLength(25);
    expect(cvdOf(twoHours.slice(-11), endMs)).toBeNull();
  });

  it('taker flow from trades sums each period by the taker side, dropping the oldest period of a partial list', () => {
    const at = (minute: number): number => t0 + minute * 60_000;
    const trades = [
      { timeMs: at(12), side: 'sell' as const, amount: 1 },
      { timeMs: at(3), side: 'buy' as const, amount: 2 },
      { timeMs: at(6), side: 'buy' as const, amount: 0.5 },
      { timeMs: at(9), side: 'sell' as const, amount: 0.25 },
      { timeMs: at(5), side: 'buy' as const, amount: 4 },
    ];
    const whole = [
      { timeMs: at(0), buyVolume: 2, sellVolume: 0 },
      { timeMs: at(5), buyVolume: 4.5, sellVolume: 0.25 },
      { timeMs: at(10), buyVolume: 0, sellVolume: 1 },
    ];
    expect(takerFlowOfTrades(trades, 300_000, true)).toEqual(whole);
    expect(takerFlowOfTrades(trades, 300_000, false)).toEqual(whole.slice(1));
    expect(takerFlowOfTrades([], 300_000, false)).toEqual([]);
  });
});
