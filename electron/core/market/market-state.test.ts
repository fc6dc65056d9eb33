import { describe, expect, it } from 'vitest';
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

describe('market state held in memory', () => {
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
