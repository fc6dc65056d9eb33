import { describe, expect, it } from 'vitest';
import { createFloat32Slab } from './heatmap';
import { createLedger, defaultLedgerParams, type VenueMarket } from './index';
import { wanderingBars } from './testing/bars';

const market: VenueMarket = {
  venue: 'binance-usdm',
  tiers: [{ floor: 0, cap: null, maintenanceMarginRate: 0.004, deduction: 0, maxLeverage: 125 }],
  takerFeeRate: 0.0005,
  contractSize: 1,
};

describe('heatmap snapshots', () => {
  it('keep the column they were taken with while the ledger takes hundreds more', () => {
    const ledger = createLedger({ markets: [market], params: defaultLedgerParams });
    const bars = wanderingBars(30 * 1_440 + 180);
    const early: { timeMs: number; long: number[]; short: number[] }[] = [];
    for (const bar of bars) {
      ledger.update('binance-usdm', bar);
      const snapshots = ledger.snapshots();
      const newest = snapshots[snapshots.length - 1];
      if (newest !== undefined && early.length < 24 && early[early.length - 1]?.timeMs !== newest.timeMs)
        early.push({ timeMs: newest.timeMs, long: Array.from(newest.long), short: Array.from(newest.short) });
    }
    expect(ledger.snapshots().length).toBe(defaultLedgerParams.maxSnapshots);
    const held = new Map(ledger.snapshots().map((snapshot) => [snapshot.timeMs, snapshot]));
    const kept = early.filter((column) => held.has(column.timeMs));
    expect(kept.length).toBeGreaterThan(10);
    expect(kept.some((column) => column.long.some((usd) => usd > 0) && column.short.some((usd) => usd > 0))).toBe(true);
    for (const column of kept) {
      const snapshot = held.get(column.timeMs);
      expect(Array.from(snapshot?.long ?? [])).toEqual(column.long);
      expect(Array.from(snapshot?.short ?? [])).toEqual(column.short);
    }
  });

  it('copies from a slab are exact float32 copies that never share values, however long the input', () => {
    const slab = createFloat32Slab(8);
    const inputs = [
      Float64Array.from([1, 2, 3]),
      Float64Array.from([4.5, 5.25, 6]),
      Float64Array.from([7, 8, 9, 10, 11, 12, 13, 14, 15, 16]),
      Float64Array.from([0.1, 1e9 + 0.5]),
    ];
    const copies = inputs.map((input) => slab.copy(input));
    copies.forEach((copy, i) => expect(Array.from(copy)).toEqual(Array.from(Float32Array.from(inputs[i] ?? []))));
    copies[0]?.fill(-1);
    copies
      .slice(1)
      .forEach((copy, i) => expect(Array.from(copy)).toEqual(Array.from(Float32Array.from(inputs[i + 1] ?? []))));
  });
});
