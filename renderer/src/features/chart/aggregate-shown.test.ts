import { describe, expect, it } from 'vitest';
import type { MapBin } from '../../../../shared/clusters';
import type { AggregateMapWire } from '../../../../shared/ipc/views/clusters';
import { aggregateHistoryText, aggregateMissingText, aggregatePartsText, venueShareLines } from './aggregate-shown';
import { realizedMarkers } from './realized-markers';

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

  it('says which venues the heatmap and the realized markers hold, and which venue publishes no liquidations', () => {
    const aggregate = {
      parts: [
        { venue: 'binance-usdm', symbol: 'BTCUSDT', kind: 'estimated', price: 1, longUsd: 1, shortUsd: 1 },
        { venue: 'bybit-linear', symbol: 'BTCUSDT', kind: 'estimated', price: 1, longUsd: 1, shortUsd: 1 },
        { venue: 'hyperliquid', symbol: 'BTC', kind: 'measured', price: 1, longUsd: 1, shortUsd: 1 },
      ],
      heatmapVenues: ['binance-usdm', 'bybit-linear', 'hyperliquid'],
      realizedUnavailable: ['hyperliquid'],
    } as unknown as AggregateMapWire;
    expect(aggregateHistoryText(aggregate)).toBe(
      'Heatmap: Binance, Bybit, Hyperliquid · Realized: Binance, Bybit (Hyperliquid publishes none)',
    );
    expect(aggregateHistoryText({ ...aggregate, heatmapVenues: [] })).toMatch(/^Heatmap: no history yet · /);
    expect(aggregateHistoryText({ ...aggregate, heatmapVenues: ['bybit-linear'] })).toMatch(
      /^Heatmap: Bybit \(Binance, Hyperliquid: no history yet\) · /,
    );
  });

  it("keeps each venue's realized liquidations in its own marker, the largest named with their venue", () => {
    const markers = realizedMarkers(
      [
        { timeMs: 60_000, price: 50_000, side: 'long', usd: 2_000_000, venue: 'bybit-linear' },
        { timeMs: 90_000, price: 50_010, side: 'long', usd: 500_000, venue: 'okx-swap' },
        { timeMs: 60_000, price: 50_000, side: 'long', usd: 100_000 },
      ],
      60_000,
      { long: 'red', short: 'green' },
    );
    expect(markers.map((marker) => marker.text)).toEqual(['$100k', 'Bybit $2M', 'OKX $500k']);
  });
});
