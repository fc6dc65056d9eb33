import { describe, expect, it } from 'vitest';
import { aggregateMaps, type MapPart } from './aggregate-map';
import { createLedger } from './ledger';
import { liquidationMap } from './map-now';
import { measuredMap } from './measured-map';
import { defaultLedgerParams } from './params';
import { wanderingBars } from './testing/bars';
import type { VenueMarket } from './types';

const binSize = defaultLedgerParams.binSize;
const tiers = [{ floor: 0, cap: null, maintenanceMarginRate: 0.005, deduction: 0, maxLeverage: 125 }];

/** A venue's estimated map from the real ledger over a wandering market around `price`. */
function estimated(venue: VenueMarket['venue'], symbol: string, price: number): MapPart {
  const ledger = createLedger({ markets: [{ venue, tiers, takerFeeRate: 0.0005, contractSize: 1 }] });
  for (const bar of wanderingBars(3_000, price)) ledger.update(venue, bar);
  return { venue, symbol, kind: 'estimated', price: ledger.price, map: liquidationMap(ledger, 0.15) };
}

/** Hyperliquid's measured map with a $2M long liquidating 3 % below `mark` and a $0.5M short 5 % above. */
function measured(mark: number): MapPart['map'] {
  const position = { address: '0xa', symbol: 'BTC', size: 1, readAtMs: 1 };
  return measuredMap({
    venue: 'hyperliquid',
    positions: [
      { ...position, side: 'long', notionalUsd: 2e6, liquidationPrice: mark * 0.97, leverage: 20 },
      { ...position, address: '0xb', side: 'short', notionalUsd: 5e5, liquidationPrice: mark * 1.05, leverage: 10 },
    ],
    price: mark,
    timeMs: 2,
    binSize,
    openInterestUsd: null,
    addressesRead: 2,
  }).map;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

describe('the aggregated map of a coin', () => {
  const binance = estimated('binance-usdm', 'BTCUSDT', 60_000);
  const okx = estimated('okx-swap', 'BTC-USDT-SWAP', 60_000);
  const price = binance.price;
  const hyperliquid: MapPart = {
    venue: 'hyperliquid',
    symbol: 'BTC',
    kind: 'measured',
    price,
    map: measured(price),
  };

  it("sums every venue's USD: each bin's venue shares add up to the bin, the parts to the whole", () => {
    const result = aggregateMaps({ price, timeMs: 0, binSize, parts: [binance, okx, hyperliquid] });
    expect(result.map.bins.length).toBeGreaterThan(20);
    for (const bin of result.map.bins) {
      expect(sum(bin.byVenue.map((v) => v.longUsd))).toBeCloseTo(bin.longUsd, 6);
      expect(sum(bin.byVenue.map((v) => v.shortUsd))).toBeCloseTo(bin.shortUsd, 6);
    }
    expect(new Set(result.map.bins.flatMap((bin) => bin.byVenue.map((v) => v.venue)))).toEqual(
      new Set(['binance-usdm', 'okx-swap', 'hyperliquid']),
    );
    expect(sum(result.parts.map((p) => p.longUsd))).toBeCloseTo(result.map.longUsd, 4);
    expect(sum(result.parts.map((p) => p.shortUsd))).toBeCloseTo(result.map.shortUsd, 4);
    // Same grid and mark: nothing of a venue is lost or moved.
    expect(result.parts[0]?.longUsd).toBeCloseTo(binance.map.longUsd, 4);
    expect(result.parts[2]).toMatchObject({ venue: 'hyperliquid', kind: 'measured', longUsd: 2e6, shortUsd: 5e5 });
    expect(sum(result.profile.long)).toBeCloseTo(result.map.longUsd, 4);
  });

  it('places a venue quoted apart (BTC/USDC 0.3 % above BTC/USDT) at the same distance from the reference mark', () => {
    const usdcMark = price * 1.003;
    const usdc: MapPart = { ...hyperliquid, price: usdcMark, map: measured(usdcMark) };
    const longBin = aggregateMaps({ price, timeMs: 0, binSize, parts: [usdc] }).map.bins.find((bin) => bin.longUsd > 0);
    // 3 % below its own mark lands 3 % below the reference: the bin the reference's own 3 % falls in.
    expect(longBin?.low).toBeLessThanOrEqual(price * 0.97);
    expect(longBin?.high).toBeGreaterThan(price * 0.97);
    expect(longBin?.longUsd).toBe(2e6);
    expect(longBin?.byVenue).toEqual([{ venue: 'hyperliquid', longUsd: 2e6, shortUsd: 0 }]);
  });

  it('lines two venues up bin for bin: equal levels on both land in one bin with both shares', () => {
    const twin: MapPart = { ...hyperliquid, venue: 'bybit-linear', symbol: 'BTCUSDT', kind: 'estimated' };
    const twinMap: MapPart = {
      ...twin,
      map: {
        ...twin.map,
        bins: twin.map.bins.map((bin) => ({
          ...bin,
          byVenue: [{ ...bin.byVenue[0]!, venue: 'bybit-linear' as const }],
        })),
      },
    };
    const result = aggregateMaps({ price, timeMs: 0, binSize, parts: [hyperliquid, twinMap] });
    expect(result.map.bins.length).toBe(hyperliquid.map.bins.length);
    const longBin = result.map.bins.find((bin) => bin.longUsd > 0);
    expect(longBin?.longUsd).toBe(4e6);
    expect(longBin?.byVenue).toEqual([
      { venue: 'hyperliquid', longUsd: 2e6, shortUsd: 0 },
      { venue: 'bybit-linear', longUsd: 2e6, shortUsd: 0 },
    ]);
  });

  it('keeps only ± the range around the reference mark and adds nothing for a part without a mark', () => {
    const far: MapPart = { ...hyperliquid, price: price * 0.5 };
    const result = aggregateMaps({ price, timeMs: 0, binSize, parts: [far, { ...okx, price: 0 }] });
    expect(result.map.bins).toEqual([]);
    expect(result.parts.map((p) => p.longUsd + p.shortUsd)).toEqual([0, 0]);
  });
});
