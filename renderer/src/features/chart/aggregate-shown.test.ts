import { describe, expect, it } from 'vitest';
import type { MapBin } from '../../../../shared/clusters';
import type { AggregateMapWire } from '../../../../shared/ipc/views/clusters';
import { aggregateMissingText, aggregatePartsText, venueShareLines } from './aggregate-shown';

const bin: MapBin = {
  low: 59_000,
  high: 59_059,
  longUsd: 1_000_000,
  shortUsd: 200_000,
  longByLeverage: [],
  shortByLeverage: [],
  byVenue: [
    { venue: 'okx-swap', longUsd: 170_000, shortUsd: 0 },
    { venue: 'binance-usdm', longUsd: 420_000, shortUsd: 200_000 },
    { venue: 'bybit-linear', longUsd: 310_000, shortUsd: 0 },
    { venue: 'hyperliquid', longUsd: 100_000, shortUsd: 0 },
  ],
  provenance: [],
};

describe('the map across venues on the chart', () => {
  it("names each venue's share of a bin's side, largest first, the larger side first", () => {
    expect(venueShareLines(bin)).toEqual([
      'Longs by venue: Binance 42 %, Bybit 31 %, OKX 17 %, Hyperliquid 10 %',
      'Shorts by venue: Binance 100 %',
    ]);
  });

  it('says what it sums, which part is measured, and every venue it lacks with the reason', () => {
    const aggregate = {
      parts: [
        { venue: 'binance-usdm', symbol: 'BTCUSDT', kind: 'estimated', price: 1, longUsd: 8e6, shortUsd: 4e6 },
        { venue: 'hyperliquid', symbol: 'BTC', kind: 'measured', price: 1, longUsd: 1e6, shortUsd: 1e6 },
      ],
      missing: [{ venue: 'okx-swap', symbol: 'BTC-USDT-SWAP', reason: 'no map yet' }],
    } as unknown as AggregateMapWire;
    expect(aggregatePartsText(aggregate)).toBe('Binance $12M · Hyperliquid $2M measured');
    expect(aggregateMissingText(aggregate)).toBe('Missing: OKX (no map yet)');
    expect(aggregateMissingText({ ...aggregate, missing: [] })).toBe('');
  });
});
