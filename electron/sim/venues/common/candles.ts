import type { SimBar } from '../../market/types';

/** One candle of any interval, built from the market's closed one-minute bars (their fields, less the trade count). */
export interface Candle extends Omit<SimBar, 'trades'> {
  /** False while the interval has not ended yet (the venue's "confirm" flag). */
  readonly closed: boolean;
}

/** Reads closed one-minute bars in [startMs, endMs), oldest first, at most `limit`. */
export type BarSource = (startMs: number, endMs: number, limit: number) => readonly SimBar[];

/** Which candles of a time range to keep when there are more than `limit`. */
export interface CandleQuery {
  readonly intervalMs: number;
  /** Candles open at `offsetMs + k * intervalMs` (weeks start on Monday, local-time days are shifted). */
  readonly offsetMs: number;
  /** Earliest candle open time wanted (inclusive); undefined = no lower bound. */
  readonly fromMs?: number | undefined;
  /** Latest candle open time wanted (inclusive); undefined = up to now. */
  readonly toMs?: number | undefined;
  readonly limit: number;
  /** 'newest' keeps the last `limit` candles of the range, 'oldest' the first. */
  readonly keep: 'newest' | 'oldest';
  /** Simulated time now: the last closed one-minute bar ends at or before it. */
  readonly nowMs: number;
}

const minuteMs = 60_000;
/** Bars the server aggregates per request at most, so one query cannot stall the simulator. */
const maxBarsPerQuery = 200_000;

/**
 * Aggregates one-minute bars into candles of `query.intervalMs`, oldest first. The last candle may
 * still be open (`closed: false`), as on the venues. Candles with no bar (before the simulated
 * history starts) are left out.
 */
export function buildCandles(source: BarSource, query: CandleQuery): Candle[] {
  const { intervalMs, offsetMs, limit } = query;
  if (!(intervalMs >= minuteMs) || !(limit > 0)) return [];
  const align = (timeMs: number): number => Math.floor((timeMs - offsetMs) / intervalMs) * intervalMs + offsetMs;
  const lastBarOpenMs = Math.floor(query.nowMs / minuteMs) * minuteMs - minuteMs;
  let lastOpenMs = align(Math.min(lastBarOpenMs, query.toMs ?? Infinity));
  let firstOpenMs = query.fromMs === undefined ? -Infinity : align(query.fromMs + intervalMs - 1);
  if (query.keep === 'newest' || firstOpenMs === -Infinity)
    firstOpenMs = Math.max(firstOpenMs, lastOpenMs - (limit - 1) * intervalMs);
  else lastOpenMs = Math.min(lastOpenMs, firstOpenMs + (limit - 1) * intervalMs);
  if (lastOpenMs < firstOpenMs) return [];
  const barLimit = Math.min(maxBarsPerQuery, (lastOpenMs + intervalMs - firstOpenMs) / minuteMs);
  const bars = source(firstOpenMs, lastOpenMs + intervalMs, barLimit);
  const candles: Candle[] = [];
  let current: { -readonly [K in keyof Candle]: Candle[K] } | undefined;
  for (const bar of bars) {
    const openTimeMs = align(bar.openTimeMs);
    if (!current || current.openTimeMs !== openTimeMs) {
      if (current) candles.push(current);
      current = {
        openTimeMs,
        open: bar.open,
        high: bar.high,
        low: bar.low,
        close: bar.close,
        volume: 0,
        quoteVolume: 0,
        takerBuyVolume: 0,
        takerBuyQuoteVolume: 0,
        closed: openTimeMs + intervalMs <= query.nowMs,
      };
    }
    current.high = Math.max(current.high, bar.high);
    current.low = Math.min(current.low, bar.low);
    current.close = bar.close;
    current.volume += bar.volume;
    current.quoteVolume += bar.quoteVolume;
    current.takerBuyVolume += bar.takerBuyVolume;
    current.takerBuyQuoteVolume += bar.takerBuyQuoteVolume;
  }
  if (current) candles.push(current);
  return candles;
}

/** Monday 1970-01-05 00:00 UTC: weekly candles open on Mondays. */
export const weekOffsetMs = 4 * 24 * 60 * minuteMs;
