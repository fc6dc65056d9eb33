import type { CandlestickData, UTCTimestamp } from 'lightweight-charts';
import type { Candle } from '../../../../shared/domain/candle';

/** A candle's open time as lightweight-charts wants it: UTC seconds. */
export function seriesTime(openTimeMs: number): UTCTimestamp {
  return Math.floor(openTimeMs / 1000) as UTCTimestamp;
}

/** One candle as a candlestick bar (time in UTC seconds). */
export function candleForSeries(candle: Candle): CandlestickData<UTCTimestamp> {
  return {
    time: seriesTime(candle.openTimeMs),
    open: candle.open,
    high: candle.high,
    low: candle.low,
    close: candle.close,
  };
}

/**
 * Candles (oldest first) as candlestick bars. lightweight-charts throws on a time that does not
 * strictly increase, so an out-of-order or repeated candle is dropped (a repeated time keeps the
 * later candle, the newer revision of that bar) rather than breaking the whole chart.
 */
export function candlesForSeries(candles: readonly Candle[]): CandlestickData<UTCTimestamp>[] {
  const out: CandlestickData<UTCTimestamp>[] = [];
  for (const candle of candles) {
    if (!(candle.high >= candle.low) || !Number.isFinite(candle.close)) continue;
    const bar = candleForSeries(candle);
    const last = out.at(-1);
    if (last === undefined || bar.time > last.time) out.push(bar);
    else if (bar.time === last.time) out[out.length - 1] = bar;
  }
  return out;
}
