import { describe, expect, it } from 'vitest';
import { createPriceGrid, createRealizedBook, liquidatedSide } from './index';

describe('realized liquidations', () => {
  it.each([
    ['binance-usdm', 'sell', 'long'],
    ['binance-usdm', 'buy', 'short'],
    ['okx-swap', 'sell', 'long'],
    ['okx-swap', 'buy', 'short'],
    ['bybit-linear', 'buy', 'long'],
    ['bybit-linear', 'sell', 'short'],
  ] as const)('%s raw side %s means a %s was liquidated', (venue, raw, side) => {
    expect(liquidatedSide(venue, raw)).toBe(side);
  });

  it('aggregates USD of the liquidated side per bin and per hour', () => {
    const grid = createPriceGrid({ kind: 'relative', fraction: 0.001 });
    const book = createRealizedBook(grid);
    const t0 = Date.UTC(2026, 0, 1);
    book.add({ symbol: 'BTCUSDT', side: 'long', price: 59_000, size: 1, notionalUsd: 59_000, timeMs: t0 + 1000 });
    book.add({ symbol: 'BTCUSDT', side: 'long', price: 59_001, size: 2, notionalUsd: 118_002, timeMs: t0 + 2000 });
    book.add({ symbol: 'BTCUSDT', side: 'short', price: 61_000, size: 1, notionalUsd: 61_000, timeMs: t0 + 3_600_000 });
    book.add({ symbol: 'BTCUSDT', side: 'short', price: -1, size: 1, notionalUsd: 1, timeMs: t0 });
    expect(book.series()).toEqual([
      { timeMs: t0, longUsd: 177_002, shortUsd: 0 },
      { timeMs: t0 + 3_600_000, longUsd: 0, shortUsd: 61_000 },
    ]);
    const first = book.profile(t0, t0 + 3_600_000);
    expect(first.long[grid.binOf(59_000) - first.firstBin]).toBe(177_002);
    expect(Array.from(first.short).every((usd) => usd === 0)).toBe(true);
  });
});
