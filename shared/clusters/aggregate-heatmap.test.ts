import { describe, expect, it } from 'vitest';
import { aggregateHeatmaps, type HeatColumn } from './aggregate-heatmap';
import type { BinSize } from './params';
import { createPriceGrid } from './price-grid';

const binSize: BinSize = { kind: 'absolute', step: 100 };
const grid = createPriceGrid(binSize);
const hourMs = 3_600_000;

/** A column holding `usd` of longs in the bin of `levelPrice`. */
function column(
  timeMs: number,
  price: number,
  levelPrice: number,
  usd: number,
  side: 'long' | 'short' = 'long',
): HeatColumn {
  const bin = grid.binOf(levelPrice);
  return { timeMs, price, firstBin: bin, long: side === 'long' ? [usd] : [0], short: side === 'short' ? [usd] : [0] };
}

describe('the heatmap across venues', () => {
  it("sums each venue's column onto the charted grid, each level kept at its distance from its own mark", () => {
    const { columns, venues } = aggregateHeatmaps({
      binSize,
      everyMs: hourMs,
      reference: [{ timeMs: hourMs, price: 50_000 }],
      parts: [
        { venue: 'binance-usdm', binSize, columns: [column(hourMs, 50_000, 49_050, 1_000)] },
        // 1 % above its own mark, which is 2 % above the charted one: 1 % above 50,000 on the chart.
        { venue: 'hyperliquid', binSize, columns: [column(hourMs, 51_000, 51_510, 400, 'short')] },
        { venue: 'okx-swap', binSize, columns: [column(hourMs, 50_000, 49_050, 600)] },
      ],
    });
    expect(venues).toEqual(['binance-usdm', 'hyperliquid', 'okx-swap']);
    const [only] = columns;
    expect(only?.price).toBe(50_000);
    const at = (price: number, side: 'long' | 'short'): number =>
      (side === 'long' ? only?.long : only?.short)?.[grid.binOf(price) - (only?.firstBin ?? 0)] ?? 0;
    expect(at(49_050, 'long')).toBe(1_600);
    expect(at(50_500, 'short')).toBe(400);
    expect((only?.long ?? []).reduce((a, b) => a + b, 0) + (only?.short ?? []).reduce((a, b) => a + b, 0)).toBe(2_000);
  });

  it('takes a venue only where it has a column within one period at or before the charted column', () => {
    const { columns, venues } = aggregateHeatmaps({
      binSize,
      everyMs: hourMs,
      reference: [
        { timeMs: hourMs, price: 50_000 },
        { timeMs: 3 * hourMs, price: 50_000 },
      ],
      parts: [
        { venue: 'bybit-linear', binSize, columns: [column(hourMs - 60_000, 50_000, 49_000, 300)] },
        { venue: 'okx-swap', binSize, columns: [column(2 * hourMs + 1, 50_000, 49_000, 700)] },
      ],
    });
    expect(venues).toEqual(['bybit-linear', 'okx-swap']);
    expect(columns.map((c) => c.long.reduce((a, b) => a + b, 0))).toEqual([300, 700]);
  });
});
