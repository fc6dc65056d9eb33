import type { SimBar, SimInstrument, SimMarket } from '../../market/types';
import { aggregateBars, type BarInterval, type BucketBar } from '../binance/bar-buckets';
import { decimalText, decimalsOfStep } from '../binance/decimal-text';

/** Hyperliquid serves at most this many candles per snapshot (the most recent ones). */
const maxCandles = 5000;

/** One candle in Hyperliquid's shape (snapshot rows and `candle` stream data alike). */
export function candle(instrument: SimInstrument, interval: BarInterval, bar: BucketBar): object {
  const decimals = decimalsOfStep(instrument.tickSize);
  return {
    t: bar.openTimeMs,
    T: bar.closeTimeMs,
    s: instrument.base,
    i: interval.name,
    o: decimalText(bar.open, decimals),
    c: decimalText(bar.close, decimals),
    h: decimalText(bar.high, decimals),
    l: decimalText(bar.low, decimals),
    v: decimalText(bar.volume),
    n: bar.trades,
  };
}

/**
 * `{"type":"candleSnapshot","req":{coin,interval,startTime,endTime}}`: candles whose open time lies
 * in [startTime, endTime], built from closed one-minute bars (the newest may be partial), at most
 * the latest 5000. Times are market time.
 */
export function candleSnapshot(
  market: SimMarket,
  instrument: SimInstrument,
  interval: BarInterval,
  startTimeMs: number,
  endTimeMs: number,
): object[] {
  const from = interval.bucketStart(Math.max(0, startTimeMs));
  const to = Math.min(market.now(), interval.nextStart(interval.bucketStart(endTimeMs)));
  if (to <= from) return [];
  const bars = market.bars(instrument.symbol, 'last', from, to, Math.ceil((to - from) / 60_000) + 1);
  return aggregateBars(bars, interval)
    .filter((bar) => bar.openTimeMs >= startTimeMs && bar.openTimeMs <= endTimeMs)
    .slice(-maxCandles)
    .map((bar) => candle(instrument, interval, bar));
}

/** The candle of `interval` that holds the one-minute bar that just closed: the bucket so far. */
export function liveCandle(
  market: SimMarket,
  instrument: SimInstrument,
  interval: BarInterval,
  closed: SimBar,
): object {
  const start = interval.bucketStart(closed.openTimeMs);
  const earlier =
    start === closed.openTimeMs
      ? []
      : market.bars(
          instrument.symbol,
          'last',
          start,
          closed.openTimeMs,
          Math.ceil((closed.openTimeMs - start) / 60_000),
        );
  const bucket = aggregateBars([...earlier, closed], interval)[0];
  return bucket ? candle(instrument, interval, bucket) : {};
}
