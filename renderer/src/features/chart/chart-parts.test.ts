import { describe, expect, it } from 'vitest';
import type { Candle } from '../../../../shared/domain/candle';
import { maxChartCandles } from '../../../../shared/ipc/views/markets';
import { drawTail, setBars, type ChartParts } from './chart-parts';

const minute = 60_000;
const candle = (i: number): Candle => ({
  openTimeMs: i * minute,
  open: 100,
  high: 101,
  low: 99,
  close: 100 + (i % 7),
  volume: 0,
  takerBuyVolume: null,
});

/** A chart holding bars as lightweight-charts does (setData replaces, update replaces or appends), with a visible range. */
function fakeParts(): ChartParts & { bars: { time: number }[]; range: { from: number; to: number } } {
  const held = {
    bars: [] as { time: number }[],
    range: { from: 0, to: 0 },
  };
  const series = {
    setData: (bars: { time: number }[]) => (held.bars = [...bars]),
    data: () => held.bars,
    update: (bar: { time: number }) => {
      if (held.bars.at(-1)?.time === bar.time) held.bars[held.bars.length - 1] = bar;
      else held.bars.push(bar);
    },
  };
  const timeScale = {
    getVisibleLogicalRange: () => held.range,
    setVisibleLogicalRange: (range: { from: number; to: number }) => (held.range = range),
  };
  return Object.assign(held, {
    chart: { timeScale: () => timeScale },
    series,
    overlay: { setBarTimes: () => undefined },
    times: new Float64Array(0),
    count: 0,
  }) as unknown as ChartParts & typeof held;
}

describe('chart bars', () => {
  it('holds at most a snapshot’s candles: the newest of a longer list, and the oldest dropped as bars stream in', () => {
    const p = fakeParts();
    const candles = Array.from({ length: maxChartCandles + 500 }, (_, i) => candle(i));
    expect(setBars(p, candles, '1m')).toBe(maxChartCandles);
    expect(p.bars[0]?.time).toBe(500 * 60);
    expect(p.times[p.count - 1]).toBe((maxChartCandles + 499) * 60);
    p.range = { from: maxChartCandles - 160, to: maxChartCandles + 28 };
    const tail = Array.from({ length: 400 }, (_, i) => candle(maxChartCandles + 500 + i));
    for (let n = 1; n <= tail.length; n++) drawTail(p, tail.slice(0, n), '1m');
    // Never more than the slack past the cap, the newest bar last, the view on the same bars.
    expect(p.bars.length).toBeLessThanOrEqual(maxChartCandles + 250);
    expect(p.bars.length).toBeGreaterThanOrEqual(maxChartCandles);
    expect(p.count).toBe(p.bars.length);
    expect(p.bars.at(-1)?.time).toBe((maxChartCandles + 899) * 60);
    expect(p.times[p.count - 1]).toBe((maxChartCandles + 899) * 60);
    const dropped = maxChartCandles + 400 - p.bars.length;
    expect(dropped).toBeGreaterThan(0);
    expect(p.range.from).toBe(maxChartCandles - 160 - dropped);
  });
});
