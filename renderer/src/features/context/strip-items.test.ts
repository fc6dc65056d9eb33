import { describe, expect, it } from 'vitest';
import type { MarketContextView } from '../../../../shared/ipc/views/market-context';
import { stripItems } from './strip-items';

const settlementMs = Date.UTC(2026, 11, 5, 8);
const absent = { state: 'absent', reason: 'not read' } as const;

/** A context read `minutesBefore` the settlement, inside the 5-minute candle that closes at it. */
function viewRead(minutesBefore: number): MarketContextView {
  return {
    market: { venue: 'binance-usdm', source: 'sim', symbol: 'BTCUSDT' },
    freshness: { state: 'live', updatedAtMs: settlementMs - minutesBefore * 60_000 },
    // The newest 5m candle's end: the settlement itself for the last five minutes before it.
    asOfMs: settlementMs,
    price: absent,
    openInterest: absent,
    funding: {
      state: 'ok',
      rate: 0.0001,
      predictedRate: null,
      nextSettlementMs: settlementMs,
      intervalHours: 8,
      readAtMs: settlementMs - minutesBefore * 60_000,
    },
    cvd: absent,
    longShort: absent,
    volume: absent,
    flags: [],
  };
}

describe("the context strip's funding countdown", () => {
  it('counts the last minutes before a settlement from when the venue answered, not from the candle it falls in', () => {
    const funding = (minutesBefore: number) =>
      stripItems(viewRead(minutesBefore), 'BTC').find((item) => item.metric === 'funding')?.value;
    expect(funding(3)).toBe('0.0100 % · 3 min');
    expect(funding(0)).toBe('0.0100 % · settling');
  });
});
