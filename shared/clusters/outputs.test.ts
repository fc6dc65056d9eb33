import { describe, expect, it } from 'vitest';
import {
  buildProfile,
  cascadePath,
  createLedger,
  cumulativeCurves,
  defaultLedgerParams,
  heatmap,
  imbalance,
  imbalanceHistory,
  liquidationMap,
  profileTotals,
  replay,
  snapshotProfile,
  topClusters,
  type VenueMarket,
} from './index';
import { wanderingBars } from './testing/bars';
import { okxTestMarket } from './testing/markets';

const market: VenueMarket = {
  venue: 'binance-usdm',
  tiers: [{ floor: 0, cap: null, maintenanceMarginRate: 0.005, deduction: 0, maxLeverage: 125 }],
  takerFeeRate: 0.0005,
  contractSize: 1,
};
const bars = wanderingBars(4 * 1440);
const ledger = createLedger({ markets: [market] });
replay(ledger, [{ venue: 'binance-usdm', bars }]);
const profile = buildProfile(ledger);
const price = ledger.price;
const sum = (values: ArrayLike<number>): number => Array.from(values).reduce((a, b) => a + b, 0);

describe('outputs from one state', () => {
  it('the map totals equal the profile and the books', () => {
    const map = liquidationMap(ledger, 0.999);
    const books = ledger.book('binance-usdm', 'long')?.total() ?? 0;
    const band = (defaultLedgerParams.nearPriceBand?.shareOfOpenInterest ?? 0) * ledger.openInterestUsd('binance-usdm');
    expect(band).toBeGreaterThan(0);
    expect(map.longUsd).toBeCloseTo(sum(profile.long), 0);
    expect(sum(profile.long)).toBeCloseTo(books + band, 0);
    for (const bin of map.bins)
      expect(sum(bin.longByLeverage) + (bin.nearPrice?.longUsd ?? 0)).toBeCloseTo(bin.longUsd, 6);
  });

  it('each cumulative curve ends at its side total and never falls', () => {
    const curves = cumulativeCurves(profile, price);
    expect(curves.long.at(-1)?.usd).toBeCloseTo(sum(profile.long), 2);
    expect(curves.short.at(-1)?.usd).toBeCloseTo(sum(profile.short), 2);
    for (let i = 1; i < curves.long.length; i++) {
      expect(curves.long[i]?.usd ?? 0).toBeGreaterThanOrEqual(curves.long[i - 1]?.usd ?? 0);
      expect(curves.long[i]?.price ?? 0).toBeLessThan(curves.long[i - 1]?.price ?? 0);
    }
  });

  it('the cascade path holds exactly the bins between price and the target', () => {
    for (const target of [price * 0.93, price * 1.04]) {
      const path = cascadePath(profile, price, target);
      const side = target < price ? profile.long : profile.short;
      let expected = 0;
      for (let i = 0; i < side.length; i++) {
        const mid = profile.grid.mid(profile.firstBin + i);
        if (mid >= Math.min(price, target) && mid <= Math.max(price, target)) expected += side[i] ?? 0;
      }
      expect(path.totalUsd).toBeGreaterThan(0);
      expect(path.totalUsd).toBeCloseTo(expected, 6);
      expect(sum(path.bins.map((bin) => bin.usd))).toBeCloseTo(path.totalUsd, 6);
      expect(path.side).toBe(target < price ? 'long' : 'short');
    }
  });

  it('imbalance reads the two sides of the window, and the curves agree with it', () => {
    const result = imbalance(profile, price, { kind: 'fraction', fraction: 0.05 });
    const totals = profileTotals(profile, price, price * 1.05);
    expect(result.shortAboveUsd).toBeCloseTo(totals.shortUsd, 4);
    expect(result.ratio).toBeCloseTo(result.shortAboveUsd / result.longBelowUsd, 10);
    const nearest = imbalance(profile, price, { kind: 'nearest-top-cluster' });
    expect(nearest.upTo).toBeGreaterThanOrEqual(price);
    expect(nearest.downTo).toBeLessThanOrEqual(price);
  });

  it('top clusters are sorted, separated and carry their distance from price', () => {
    const clusters = topClusters(profile, price);
    expect(clusters).toHaveLength(10);
    for (let i = 1; i < clusters.length; i++)
      expect(clusters[i]?.usd ?? 0).toBeLessThanOrEqual(clusters[i - 1]?.usd ?? 0);
    for (const a of clusters) {
      expect(a.distance).toBeCloseTo((a.price - price) / price, 12);
      for (const b of clusters) if (a !== b) expect(Math.abs(a.price - b.price)).toBeGreaterThanOrEqual(0.01 * price);
    }
  });

  it('the heatmap holds one snapshot per hour and its imbalance history', () => {
    const map = heatmap(ledger);
    expect(map.snapshots.length).toBe(4 * 24 - 1);
    for (let i = 1; i < map.snapshots.length; i++)
      expect((map.snapshots[i]?.timeMs ?? 0) - (map.snapshots[i - 1]?.timeMs ?? 0)).toBe(
        defaultLedgerParams.snapshotEveryMs,
      );
    const history = imbalanceHistory(ledger, { kind: 'fraction', fraction: 0.1 });
    expect(history).toHaveLength(map.snapshots.length);
    const last = map.snapshots.at(-1);
    if (last === undefined) throw new Error('no snapshot');
    expect(history.at(-1)?.shortAboveUsd).toBeCloseTo(
      imbalance(snapshotProfile(ledger.grid, last), last.price, { kind: 'fraction', fraction: 0.1 }).shortAboveUsd,
      6,
    );
  });

  it('each heatmap column is the map of its hour (two venues summed), and later columns leave earlier ones alone', () => {
    const two = createLedger({ markets: [market, okxTestMarket] });
    const range = defaultLedgerParams.snapshotRangeFraction;
    const expected: { long: Float32Array; short: Float32Array; firstBin: number }[] = [];
    for (const [i, bar] of wanderingBars(2 * 1440).entries()) {
      // A column is taken before the first bar of a new hour is applied: the map as it stands now.
      if (
        i > 0 &&
        Math.floor(bar.timeMs / defaultLedgerParams.snapshotEveryMs) !==
          Math.floor((bar.timeMs - 60_000) / defaultLedgerParams.snapshotEveryMs)
      ) {
        const now = buildProfile(two, { fromPrice: two.price * (1 - range), toPrice: two.price * (1 + range) });
        expected.push({
          firstBin: now.firstBin,
          long: Float32Array.from(now.long),
          short: Float32Array.from(now.short),
        });
      }
      two.update('binance-usdm', bar);
      two.update('okx-swap', {
        ...bar,
        openInterestUsd: bar.openInterestUsd === null ? null : bar.openInterestUsd / 2,
      });
    }
    const columns = heatmap(two).snapshots;
    expect(columns).toHaveLength(expected.length);
    expect(columns.some((column) => column.long.some((usd) => usd > 0) && column.short.some((usd) => usd > 0))).toBe(
      true,
    );
    for (const [i, column] of columns.entries()) {
      expect(column.firstBin).toBe(expected[i]?.firstBin);
      expect([...column.long]).toEqual([...(expected[i]?.long ?? [])]);
      expect([...column.short]).toEqual([...(expected[i]?.short ?? [])]);
    }
  });
});
