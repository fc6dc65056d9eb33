import { describe, expect, it } from 'vitest';
import { defaultLedgerParams, measuredMap } from '../../../../shared/clusters';
import type { ClusterWire, MeasuredMapWire } from '../../../../shared/ipc/views/clusters';
import { coverageText, shownMap } from './shown-map';

const binSize = defaultLedgerParams.binSize;
const built = measuredMap({
  venue: 'hyperliquid',
  positions: [
    {
      address: '0xa',
      symbol: 'ETH',
      side: 'long',
      size: 10,
      notionalUsd: 30_000,
      liquidationPrice: 2_800,
      leverage: 10,
      readAtMs: 60_000,
    },
    {
      address: '0xb',
      symbol: 'ETH',
      side: 'short',
      size: 5,
      notionalUsd: 15_000,
      liquidationPrice: 3_300,
      leverage: 20,
      readAtMs: 100_000,
    },
    // Reached since it was read: the venue has closed it, so it is neither drawn nor counted.
    {
      address: '0xc',
      symbol: 'ETH',
      side: 'long',
      size: 1,
      notionalUsd: 3_000,
      liquidationPrice: 3_050,
      leverage: 50,
      readAtMs: 90_000,
    },
  ],
  price: 3_000,
  timeMs: 120_000,
  binSize,
  openInterestUsd: 4_500_000,
  addressesRead: 7,
});
const measured: MeasuredMapWire = { binSize, timeMs: built.map.timeMs, price: 3_000, ...built };
const estimate: ClusterWire = {
  binSize,
  timeMs: 0,
  price: 3_000,
  map: { timeMs: 0, price: 3_000, leverages: [], longUsd: 0, shortUsd: 0, bins: [] },
  profile: { firstBin: 0, long: [], short: [] },
  heatmap: { everyMs: 3_600_000, columns: [] },
  realized: [{ timeMs: 1, price: 2_990, side: 'long', usd: 500 }],
};

describe('the measured map on the chart', () => {
  it('says how much it covers and how old its reads are', () => {
    expect(coverageText(measured)).toBe('2 addresses, $45k of $4.5M open interest, 1 % · reads up to 60 s old');
  });

  it('draws longs below and shorts above at their real liquidation prices, without the one already liquidated', () => {
    const { map } = measured;
    expect(map.longUsd).toBe(30_000);
    expect(map.shortUsd).toBe(15_000);
    expect(map.bins.find((bin) => bin.longUsd > 0)?.low).toBeLessThanOrEqual(2_800);
    expect(map.bins.find((bin) => bin.shortUsd > 0)?.high).toBeGreaterThan(3_300);
  });

  it('is shown where there is one unless the estimate is picked, and the estimate is shown where there is none', () => {
    expect(shownMap(null, estimate, null, measured).kind).toBe('measured');
    expect(shownMap(null, estimate, null, measured).clusters?.realized).toEqual(estimate.realized);
    expect(shownMap('estimated', estimate, null, measured).clusters).toBe(estimate);
    expect(shownMap('measured', estimate, null, null).kind).toBe('estimated');
  });
});
