import { weekOffsetMs } from '../common/candles';

const minuteMs = 60_000;

/** A candle interval: length and alignment (weeks open on Monday 00:00 UTC). */
export interface BybitInterval {
  readonly intervalMs: number;
  readonly offsetMs: number;
}

const minuteIntervals = new Set(['1', '3', '5', '15', '30', '60', '120', '240', '360', '720']);

/**
 * Bybit's kline interval ids: minutes ('1' … '720'), 'D', 'W'. Months ('M') have no fixed length
 * and are not simulated: undefined, like any unknown id.
 */
export function bybitInterval(id: string): BybitInterval | undefined {
  if (minuteIntervals.has(id)) return { intervalMs: Number(id) * minuteMs, offsetMs: 0 };
  if (id === 'D') return { intervalMs: 1440 * minuteMs, offsetMs: 0 };
  if (id === 'W') return { intervalMs: 7 * 1440 * minuteMs, offsetMs: weekOffsetMs };
  return undefined;
}

/** Open-interest sampling intervals (`intervalTime`). */
export const openInterestIntervalsMs: Readonly<Record<string, number>> = {
  '5min': 5 * minuteMs,
  '15min': 15 * minuteMs,
  '30min': 30 * minuteMs,
  '1h': 60 * minuteMs,
  '4h': 240 * minuteMs,
  '1d': 1440 * minuteMs,
};
