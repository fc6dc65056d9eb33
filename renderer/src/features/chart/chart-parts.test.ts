import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Candle } from '../../../../shared/domain/candle';
import { maxChartCandles } from '../../../../shared/ipc/views/markets';
import { drawTail, firstFrameBars, initialBars, setBars, type ChartParts } from './chart-parts';

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
    cancelOlder: null,
  }) as unknown as ChartParts & typeof held;
}

/** The browser's frames, run when the test says a frame has passed (and the task after each). */
const frames: (() => void)[] = [];
function nextFrame(): void {
  for (const frame of frames.splice(0)) frame();
  vi.runOnlyPendingTimers();
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => {
    frames[id - 1] = () => undefined;
  });
});
afterEach(() => {
  frames.length = 0;
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('chart bars', () => {
  it('holds at most a snapshot’s candles: the newest of a longer list, and the oldest dropped as bars stream in', () => {
    const p = fakeParts();
    const candles = Array.from({ length: maxChartCandles + 500 }, (_, i) => candle(i));
    setBars(p, candles, '1m');
    nextFrame();
    expect(p.bars.length).toBe(maxChartCandles);
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

  it('draws the newest bars of an empty chart first and the older ones a frame later, on the same bars, streamed ones kept', () => {
    const p = fakeParts();
    const candles = Array.from({ length: maxChartCandles }, (_, i) => candle(i));
    const count = setBars(p, candles, '1m');
    expect(count).toBe(firstFrameBars);
    expect(p.bars[0]?.time).toBe((maxChartCandles - firstFrameBars) * 60);
    p.range = { from: count - initialBars, to: count + 28 };
    drawTail(p, [candle(maxChartCandles)], '1m');
    nextFrame();
    expect(p.bars.length).toBe(maxChartCandles + 1);
    expect(p.bars[0]?.time).toBe(0);
    expect(p.bars.at(-1)?.time).toBe(maxChartCandles * 60);
    expect(p.times[p.count - 1]).toBe(maxChartCandles * 60);
    // The same bars stay in view: the first one shown is still the one it was.
    expect(p.bars[p.range.from]?.time).toBe((maxChartCandles - initialBars) * 60);
  });

  it('gives a chart that already holds bars the whole snapshot at once, and drops older bars still to come', () => {
    const p = fakeParts();
    setBars(
      p,
      Array.from({ length: maxChartCandles }, (_, i) => candle(i)),
      '1m',
    );
    const next = Array.from({ length: 600 }, (_, i) => candle(5_000 + i));
    expect(setBars(p, next, '1m')).toBe(600);
    nextFrame();
    expect(p.bars.length).toBe(600);
    expect(p.bars[0]?.time).toBe(5_000 * 60);
  });
});
