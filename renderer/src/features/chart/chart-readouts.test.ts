import { describe, expect, it } from 'vitest';
import type { Candle } from '../../../../shared/domain/candle';
import { mergeCollidingLabels } from './label-collisions';
import { candleAtTime, formatVolume, ohlcText } from './ohlc-text';
import { captionText, exportFileName } from './png-export';
import { crc32, readPngText, withPngText } from './png-text';
import { edgeMarkerText, edgeOf, fitsBesideCandles } from './price-edge';
import type { PriceLineSpec } from './price-line-specs';
import { droppedStopText, stopReasonText } from './stop-text';
import { placeTooltip } from './tooltip-place';

const candle = (openTimeMs: number, open: number, close: number, volume = 0): Candle => ({
  openTimeMs,
  open,
  high: Math.max(open, close) + 1,
  low: Math.min(open, close) - 1,
  close,
  volume,
  takerBuyVolume: null,
});

describe('the OHLC legend', () => {
  it('reads open, high, low, close at the tick, the change and the volume', () => {
    expect(ohlcText(candle(0, 2512.3, 2515.5, 1240), 0.1)).toBe(
      'O 2,512.3 H 2,516.5 L 2,511.3 C 2,515.5 +0.13 % Vol 1.24k',
    );
    expect(ohlcText(candle(0, 100, 99, 0), 0.01)).toBe('O 100.00 H 101.00 L 98.00 C 99.00 −1.00 % Vol —');
    expect(formatVolume(3_100_000)).toBe('3.10M');
    expect(formatVolume(0.5234)).toBe('0.523');
  });

  it('finds the candle under the cursor by its time, the last one off the chart', () => {
    const candles = [candle(60_000, 1, 2), candle(120_000, 2, 3), candle(180_000, 3, 4)];
    expect(candleAtTime(candles, 120)?.openTimeMs).toBe(120_000);
    expect(candleAtTime(candles, null)?.openTimeMs).toBe(180_000);
    expect(candleAtTime(candles, 999)?.openTimeMs).toBe(180_000);
    expect(candleAtTime([], null)).toBeNull();
  });
});

describe('far lines', () => {
  it('stay in the scale only while the candles keep 40 % of its height', () => {
    expect(fitsBesideCandles(100, 110, 105)).toBe(true);
    expect(fitsBesideCandles(100, 110, 85)).toBe(true); // 10 of 25
    expect(fitsBesideCandles(100, 110, 84)).toBe(false); // 10 of 26
    expect(fitsBesideCandles(100, 110, 70)).toBe(false);
    expect(fitsBesideCandles(100, 100, 10)).toBe(true);
  });

  it('become edge markers with their distance from the mark', () => {
    expect(edgeOf(50, 110, 100)).toBe('below');
    expect(edgeOf(120, 110, 100)).toBe('above');
    expect(edgeOf(105, 110, 100)).toBeNull();
    expect(edgeMarkerText('Liq', 61_240, 75_060, 1)).toBe('Liq 61,240 ▼ 18.4 %');
    expect(edgeMarkerText('Liq', 90, 60, 0.1)).toBe('Liq 90.0 ▲ 50.0 %');
    expect(edgeMarkerText('Liq', 90, null, 0.1)).toBe('Liq 90.0');
  });
});

describe('colliding axis labels', () => {
  const spec = (id: string, price: number, title: string): PriceLineSpec => ({
    id,
    price,
    title,
    color: 'c',
    lineStyle: 0,
    lineWidth: 1,
  });
  const yOf = (price: number): number => (110 - price) * 10; // 10 px per unit

  it('merges lines closer than a label into the most important one, titles top to bottom', () => {
    const merged = mergeCollidingLabels(
      [spec('entry', 100, 'Entry'), spec('break-even', 100.5, 'BE'), spec('liquidation', 90, 'Liq')],
      yOf,
    );
    expect(merged.map((s) => [s.title, s.axisLabelVisible ?? true])).toEqual([
      ['BE · Entry', true],
      ['', false],
      ['Liq', true],
    ]);
  });

  it('the liquidation keeps the label of its group; far apart lines are left alone', () => {
    const merged = mergeCollidingLabels([spec('threshold-x', 90.5, 'MR 85 %'), spec('liquidation', 90, 'Liq')], yOf);
    expect(merged.map((s) => s.title)).toEqual(['', 'MR 85 % · Liq']);
    const apart = [spec('entry', 100, 'Entry'), spec('break-even', 102, 'BE')];
    expect(mergeCollidingLabels(apart, yOf)).toEqual(apart);
    expect(mergeCollidingLabels(apart, () => null)).toEqual(apart);
  });

  it('a crowded axis does not chain into one long label: each names two lines at most, labels a label apart', () => {
    // Five lines 1.2 units (12 px) apart: each within a label of the next, 48 px from first to last.
    const crowded = [
      spec('stop-1', 92.4, 'Stop'),
      spec('threshold-70', 91.2, 'MR 70 %'),
      spec('threshold-85', 90.0, 'MR 85 %'),
      spec('liquidation', 88.8, 'Liq'),
      spec('threshold-95', 87.6, 'MR 95 %'),
    ];
    const merged = mergeCollidingLabels(crowded, yOf);
    const shown = merged.filter((s) => s.axisLabelVisible !== false);
    expect(shown.map((s) => s.title)).toEqual(['Stop · MR 70 %', 'MR 85 % · Liq +1']);
    for (const label of shown) expect(label.title.split(' · ').length).toBeLessThanOrEqual(2);
    const ys = shown.map((s) => yOf(s.price)).sort((a, b) => a - b);
    for (const [i, y] of ys.entries()) if (i > 0) expect(y - (ys[i - 1] ?? 0)).toBeGreaterThanOrEqual(17);
    // Every line is still drawn; only its label is folded into a neighbour's.
    expect(merged.map((s) => s.price)).toEqual(crowded.map((s) => s.price));
  });
});

describe('the tooltip', () => {
  const area = { width: 800, height: 400 };
  const size = { width: 300, height: 80 };
  it('sits right of and below the cursor where it fits', () => {
    expect(placeTooltip({ x: 100, y: 100 }, size, area)).toEqual({ left: 114, top: 114 });
  });
  it('turns left and up at the right and bottom edges, and never leaves the area', () => {
    expect(placeTooltip({ x: 790, y: 390 }, size, area)).toEqual({ left: 476, top: 296 });
    expect(placeTooltip({ x: 200, y: 10 }, { width: 900, height: 500 }, area)).toEqual({ left: 4, top: 4 });
  });
});

describe('the PNG export', () => {
  const caption = {
    symbol: 'BTC/USDT',
    venue: 'Binance · Demo',
    timeframe: '5m' as const,
    timeMs: Date.UTC(2026, 11, 4, 18, 42, 31),
    demo: true,
  };
  it('says what the picture shows, in UTC', () => {
    expect(captionText(caption)).toBe('BTC/USDT · Binance · Demo · 5m · 2026-12-04 18:42 UTC');
    expect(exportFileName(caption)).toBe('liqlens-btc-usdt-binance-demo-5m-20261204-1842z.png');
  });

  it('writes the caption into the file as a text chunk a reader finds', () => {
    // A 1×1 PNG's signature and IHDR chunk, then IEND: enough for the chunk walk.
    const ihdr = [0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89];
    const iend = [0, 0, 0, 0, 73, 69, 78, 68, 0xae, 0x42, 0x60, 0x82];
    const png = new Uint8Array([0x89, 80, 78, 71, 13, 10, 26, 10, ...ihdr, ...iend]);
    const out = withPngText(png, 'Title', captionText(caption));
    expect(readPngText(out).get('Title')).toBe('BTC/USDT · Binance · Demo · 5m · 2026-12-04 18:42 UTC');
    expect(out.subarray(out.length - 12)).toEqual(new Uint8Array(iend));
    // The IHDR's own CRC checks out the table: a wrong CRC would make readers drop the chunk.
    expect(crc32(png.subarray(12, 29))).toBe(0x1f15c489);
    expect(() => withPngText(new Uint8Array(40), 'Title', 'x')).toThrow('not a PNG image');
  });
});

describe('suggested stop reasons', () => {
  it('name the cluster, its side and USD, and the buffer', () => {
    const stop = {
      price: 2_540.2,
      distance: -0.03,
      cluster: { price: 2_559.3, low: 2_552.9, high: 2_565.7, usd: 1.4e6 },
      clusterSide: 'long' as const,
      atr: 8.4,
      atrMultiple: 1.5,
    };
    expect(stopReasonText(stop, 0.01)).toBe('beyond $1.4M of long liquidations at 2,559; 1.5 ATR');
  });

  it('say why the nearest cluster has no stop when it would sit too close to the liquidation', () => {
    const cluster = { price: 2_565.4, low: 2_559.1, high: 2_571.7, usd: 1.2e6 };
    const dropped = (reason: 'too-close' | 'beyond-liquidation', gapAtr: number) => ({
      price: 2_546.1,
      cluster,
      clusterSide: 'long' as const,
      reason,
      gapAtr,
      minGapAtr: 0.5,
    });
    expect(droppedStopText([dropped('beyond-liquidation', -1), dropped('too-close', 0.32)], 0.01)).toBe(
      'No stop beyond $1.2M of long liquidations at 2,565: 0.3 ATR from the liquidation, too close (0.5 needed)',
    );
    expect(droppedStopText([dropped('beyond-liquidation', -1)], 0.01)).toBeNull();
    expect(droppedStopText([], 0.01)).toBeNull();
  });
});
