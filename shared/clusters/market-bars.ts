import type { Candle } from '../domain/candle';
import type { OpenInterestPoint, TakerVolumePoint } from '../domain/open-interest';
import type { LedgerBar } from './types';

/** What a venue publishes for one symbol, as the gateway normalises it. */
export interface MarketSeries {
  /** Bar length, ms (e.g. 60,000). */
  readonly durationMs: number;
  /** Last-trade candles with taker buy volume where published; they define the bars. */
  readonly tradeCandles: readonly Candle[];
  /** Mark-price candles (levels trigger on the mark); a bar without one uses its trade candle. */
  readonly markCandles: readonly Candle[];
  /** Open-interest samples, any cadence. */
  readonly openInterest: readonly OpenInterestPoint[];
  /** Taker split for bars whose candle has no `takerBuyVolume` (venue statistic); else 50/50. */
  readonly takerVolume?: readonly TakerVolumePoint[];
}

/**
 * Joins candles, open interest and taker volume into ledger bars, oldest first. An OI sample at
 * time t belongs to the bar that closes at t or is open at t (t − 1 ms falls inside it); OI in base
 * units is valued at that bar's mark close. Taker volume in base units is valued at the bar's
 * typical price (H + L + C) / 3, the usual proxy when the quote volume is not split.
 */
export function ledgerBars(series: MarketSeries): LedgerBar[] {
  const duration = series.durationMs;
  const marks = new Map(series.markCandles.map((candle) => [candle.openTimeMs, candle]));
  const taker = new Map((series.takerVolume ?? []).map((point) => [point.timeMs, point]));
  const oiByBar = new Map<number, OpenInterestPoint>();
  for (const point of series.openInterest) oiByBar.set(Math.floor((point.timeMs - 1) / duration) * duration, point);
  const bars: LedgerBar[] = [];
  for (const candle of series.tradeCandles) {
    const mark = marks.get(candle.openTimeMs) ?? candle;
    const typical = (candle.high + candle.low + candle.close) / 3;
    let buyBase: number, sellBase: number;
    if (candle.takerBuyVolume !== null) {
      buyBase = candle.takerBuyVolume;
      sellBase = Math.max(0, candle.volume - candle.takerBuyVolume);
    } else {
      const point = taker.get(candle.openTimeMs);
      buyBase = point?.buyVolume ?? candle.volume / 2;
      sellBase = point?.sellVolume ?? candle.volume / 2;
    }
    const oi = oiByBar.get(candle.openTimeMs);
    const oiUsd = oi === undefined ? null : (oi.usd ?? (oi.base === null ? null : oi.base * mark.close));
    bars.push({
      timeMs: candle.openTimeMs,
      durationMs: duration,
      markHigh: mark.high,
      markLow: mark.low,
      markClose: mark.close,
      takerBuyUsd: buyBase * typical,
      takerSellUsd: sellBase * typical,
      openInterestUsd: oiUsd,
    });
  }
  return bars;
}
