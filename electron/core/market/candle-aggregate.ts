import type { Candle } from '../../../shared/domain/candle';

/**
 * Aggregates candles (oldest first, e.g. 1m) into `periodMs` candles aligned to the Unix epoch (as
 * the venues align 5m…4h: 4h starts at 00:00, 04:00 UTC…): open of the first, close of the last,
 * extreme high and low, summed volume; the taker-buy volume is summed when every part has it,
 * otherwise null. A period with missing minutes is still emitted from what is there.
 */
export function aggregateCandles(candles: readonly Candle[], periodMs: number): Candle[] {
  const out: Candle[] = [];
  let current: { -readonly [K in keyof Candle]: Candle[K] } | null = null;
  for (const candle of candles) {
    const start = Math.floor(candle.openTimeMs / periodMs) * periodMs;
    if (current !== null && current.openTimeMs === start) {
      current.high = Math.max(current.high, candle.high);
      current.low = Math.min(current.low, candle.low);
      current.close = candle.close;
      current.volume += candle.volume;
      current.takerBuyVolume =
        current.takerBuyVolume === null || candle.takerBuyVolume === null
          ? null
          : current.takerBuyVolume + candle.takerBuyVolume;
      continue;
    }
    if (current !== null) out.push(current);
    current = { ...candle, openTimeMs: start };
  }
  if (current !== null) out.push(current);
  return out;
}

/**
 * Merges candles fetched directly at `periodMs` (deeper history) with those aggregated from
 * minutes: aggregated ones win from the first period the minutes cover completely, because they
 * include the latest closed minutes.
 */
export function mergeCandles(
  direct: readonly Candle[],
  aggregated: readonly Candle[],
  firstMinuteMs: number,
  periodMs: number,
): Candle[] {
  const firstFull = Math.ceil(firstMinuteMs / periodMs) * periodMs;
  return [
    ...direct.filter((candle) => candle.openTimeMs < firstFull),
    ...aggregated.filter((candle) => candle.openTimeMs >= firstFull),
  ];
}
