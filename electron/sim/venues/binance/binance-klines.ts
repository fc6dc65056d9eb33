import type { SimMarket } from '../../market/types';
import { aggregateBars, type BarInterval, type BucketBar } from './bar-buckets';
import { decimalText } from './decimal-text';

/** Which window of klines a request asks for, in Binance's terms. */
export interface KlineWindow {
  readonly startTimeMs: number | null;
  readonly endTimeMs: number | null;
  readonly limit: number;
}

/**
 * Candles of `interval` built from the market's closed one-minute bars, with Binance's window
 * rules: from `startTime` forward (open time >= startTime), or the last `limit` up to `endTime`
 * (or now). The newest candle may be partial (the minutes closed so far), as Binance's open kline is.
 */
export function klineBuckets(
  market: SimMarket,
  symbol: string,
  kind: 'last' | 'mark',
  interval: BarInterval,
  window: KlineWindow,
): BucketBar[] {
  const nowMs = market.now();
  const endMs = Math.min(nowMs, window.endTimeMs === null ? nowMs : window.endTimeMs + 1);
  const startMs = window.startTimeMs;
  if (startMs !== null) {
    const rangeStart = interval.bucketStart(startMs);
    let spanEnd = rangeStart;
    for (let i = 0; i <= window.limit; i++) spanEnd = interval.nextStart(spanEnd);
    const rangeEnd = Math.min(endMs, spanEnd);
    if (rangeEnd <= rangeStart) return [];
    const bars = market.bars(symbol, kind, rangeStart, rangeEnd, Math.ceil((rangeEnd - rangeStart) / 60_000) + 1);
    return aggregateBars(bars, interval)
      .filter((bar) => bar.openTimeMs >= startMs)
      .slice(0, window.limit);
  }
  let rangeStart = interval.bucketStart(Math.max(0, endMs - 1));
  for (let i = 1; i < window.limit; i++) rangeStart = interval.bucketStart(rangeStart - 1);
  const bars = market.bars(symbol, kind, rangeStart, endMs, Math.ceil((endMs - rangeStart) / 60_000) + 1);
  return aggregateBars(bars, interval).slice(-window.limit);
}

/**
 * Binance's 12-element kline row: open time, OHLC, base volume, close time, quote volume, trades,
 * taker-buy base volume, taker-buy quote volume, ignore.
 */
export function klineRow(bar: BucketBar): (string | number)[] {
  return [
    bar.openTimeMs,
    decimalText(bar.open),
    decimalText(bar.high),
    decimalText(bar.low),
    decimalText(bar.close),
    decimalText(bar.volume),
    bar.closeTimeMs,
    decimalText(bar.quoteVolume),
    bar.trades,
    decimalText(bar.takerBuyVolume),
    decimalText(bar.takerBuyQuoteVolume),
    '0',
  ];
}

/**
 * A mark-price kline row: same 12 columns, but Binance sends "0" in the volume columns and the
 * number of price samples in the trade-count column.
 */
export function markKlineRow(bar: BucketBar): (string | number)[] {
  return [
    bar.openTimeMs,
    decimalText(bar.open),
    decimalText(bar.high),
    decimalText(bar.low),
    decimalText(bar.close),
    '0',
    bar.closeTimeMs,
    '0',
    bar.minuteCount,
    '0',
    '0',
    '0',
  ];
}
