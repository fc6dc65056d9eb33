import type { CandlestickData, IChartApi, IPriceLine, ISeriesApi, Time, WhitespaceData } from 'lightweight-charts';
import type { Candle } from '../../../../shared/domain/candle';
import { timeframeMs } from '../../../../shared/domain/timeframe';
import { maxChartCandles, type ChartTimeframe } from '../../../../shared/ipc/views/markets';
import { candleForSeries, candlesForSeries, seriesTime } from './candles-for-series';
import type { ClusterPrimitive } from './cluster-primitive';
import type { RealizedMarks } from './realized-primitive';
import type { ScaleWatch } from './scale-watch';

/** The lightweight-charts objects of one mounted chart, and the bar times it has drawn. */
export interface ChartParts {
  readonly chart: IChartApi;
  readonly series: ISeriesApi<'Candlestick'>;
  readonly overlay: ClusterPrimitive;
  /** Keeps far lines out of the scale and reports the visible range after each draw. */
  readonly scale: ScaleWatch;
  /** Realized liquidations over the candles. */
  readonly markers: RealizedMarks;
  readonly lines: Map<string, IPriceLine>;
  /** Bar open times (UTC s) mirrored for the overlay's time → x mapping; `count` of them are set. */
  times: Float64Array;
  count: number;
  /** Cancels the older bars still to be drawn after a first frame (`setBars`); null when none are. */
  cancelOlder: (() => void) | null;
}

/**
 * Bars a streaming chart may grow past `maxChartCandles` before its oldest are dropped: the chart
 * keeps to what a snapshot carries, as every bar it holds is walked again on each redraw.
 */
const trimSlack = 250;

/** Bars shown when a market opens: enough context, candles still readable. */
export const initialBars = 160;

/**
 * Bars an empty chart draws in its first frame: the `initialBars` it shows and some to scroll back
 * into. The older ones follow a frame later: lightweight-charts' first draw takes time in
 * proportion to the bars it is given, and the page waits on that draw.
 */
export const firstFrameBars = initialBars + 80;

/**
 * Replaces every bar the chart holds with the newest `maxChartCandles` of `candles` (a market opened
 * or its timeframe switched); returns how many it holds now. A chart that held no bars takes the
 * newest `firstFrameBars` now and the rest after its next frame, on the same view.
 */
export function setBars(p: ChartParts, candles: readonly Candle[], timeframe: ChartTimeframe): number {
  p.cancelOlder?.();
  p.cancelOlder = null;
  const bars = candlesForSeries(candles.length > maxChartCandles ? candles.slice(-maxChartCandles) : candles);
  const older = p.count === 0 && bars.length > firstFrameBars ? bars.slice(0, -firstFrameBars) : [];
  fillBars(p, older.length > 0 ? bars.slice(older.length) : bars, timeframe);
  if (older.length > 0)
    p.cancelOlder = afterNextFrame(() => {
      p.cancelOlder = null;
      prependBars(p, older, timeframe);
    });
  return p.count;
}

type SeriesBar = CandlestickData<Time> | WhitespaceData<Time>;

function fillBars(p: ChartParts, bars: SeriesBar[], timeframe: ChartTimeframe): void {
  p.times = new Float64Array(Math.max(64, bars.length * 2));
  bars.forEach((bar, i) => {
    p.times[i] = bar.time as number;
  });
  p.count = bars.length;
  p.series.setData(bars);
  p.overlay.setBarTimes(p.times, p.count, timeframeMs[timeframe] / 1000);
}

/** Puts `older` before the bars the chart holds (live ones streamed meanwhile included), keeping the view on the same bars. */
function prependBars(p: ChartParts, older: readonly SeriesBar[], timeframe: ChartTimeframe): void {
  const timeScale = p.chart.timeScale();
  const range = timeScale.getVisibleLogicalRange();
  fillBars(p, [...older, ...p.series.data()], timeframe);
  if (range !== null)
    timeScale.setVisibleLogicalRange({ from: range.from + older.length, to: range.to + older.length });
}

/** Runs `run` in a task after the browser's next frame (so after that frame is painted); returns its cancel. */
function afterNextFrame(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * Streams the live candles into the series: the forming bar is updated, newer bars appended, and
 * bars older than the last one drawn skipped. `tail` is every live candle since the snapshot, so a
 * bar is never lost when several updates arrive between two draws.
 */
export function drawTail(p: ChartParts, tail: readonly Candle[], timeframe: ChartTimeframe): void {
  const last = (): number => (p.count > 0 ? (p.times[p.count - 1] ?? 0) : -Infinity);
  let from = tail.length;
  while (from > 0 && seriesTime(tail[from - 1]?.openTimeMs ?? -Infinity) >= last()) from--;
  for (const candle of tail.slice(from)) {
    const bar = candleForSeries(candle);
    const previous = last();
    if (bar.time < previous) continue;
    p.series.update(bar);
    if (bar.time === previous) continue;
    if (p.count >= p.times.length) {
      const grown = new Float64Array(p.times.length * 2);
      grown.set(p.times);
      p.times = grown;
    }
    p.times[p.count++] = bar.time;
    if (p.count > maxChartCandles + trimSlack) dropOldestBars(p, p.count - maxChartCandles);
    p.overlay.setBarTimes(p.times, p.count, timeframeMs[timeframe] / 1000);
  }
}

/** Drops the `drop` oldest bars, keeping the view on the same bars (logical indexes shift by `drop`). */
function dropOldestBars(p: ChartParts, drop: number): void {
  const timeScale = p.chart.timeScale();
  const range = timeScale.getVisibleLogicalRange();
  p.series.setData(p.series.data().slice(drop));
  p.times.copyWithin(0, drop, p.count);
  p.count -= drop;
  if (range !== null) timeScale.setVisibleLogicalRange({ from: range.from - drop, to: range.to - drop });
}
