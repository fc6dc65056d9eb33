import type { SimBar, SimMarket } from '../../market/types';

/**
 * Candle intervals built from the market's closed one-minute bars. Binance and Hyperliquid use
 * the same interval names (1m ... 1d, 3d, 1w, 1M); weeks start on Monday 00:00 UTC and months on
 * the first day 00:00 UTC, as on both venues.
 */
export interface BarInterval {
  /** Venue name of the interval, e.g. '15m'. */
  readonly name: string;
  /** Start of the bucket holding `timeMs`. */
  bucketStart(timeMs: number): number;
  /** Start of the bucket after the one starting at `startMs`. */
  nextStart(startMs: number): number;
}

/** One aggregated candle; `closeTimeMs` is the last millisecond of the bucket (venue convention). */
export interface BucketBar extends SimBar {
  readonly closeTimeMs: number;
  /** How many one-minute bars went into it. */
  readonly minuteCount: number;
}

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;
/** 1970-01-01 was a Thursday; the first Monday is four days later. */
const firstMondayMs = 4 * dayMs;

function fixed(name: string, lengthMs: number, originMs = 0): BarInterval {
  return {
    name,
    bucketStart: (timeMs) => Math.floor((timeMs - originMs) / lengthMs) * lengthMs + originMs,
    nextStart: (startMs) => startMs + lengthMs,
  };
}

const monthly: BarInterval = {
  name: '1M',
  bucketStart: (timeMs) => {
    const date = new Date(timeMs);
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  },
  nextStart: (startMs) => {
    const date = new Date(startMs);
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  },
};

/** Parses an interval name; undefined when the venue would reject it. */
export function parseBarInterval(name: string): BarInterval | undefined {
  if (name === '1M') return monthly;
  if (name === '1w') return fixed(name, 7 * dayMs, firstMondayMs);
  const match = /^(\d+)([mhd])$/.exec(name);
  if (!match) return undefined;
  const count = Number(match[1]);
  const unitMs = match[2] === 'm' ? minuteMs : match[2] === 'h' ? 60 * minuteMs : dayMs;
  const allowed: Record<string, readonly number[]> = { m: [1, 3, 5, 15, 30], h: [1, 2, 4, 6, 8, 12], d: [1, 3] };
  return allowed[match[2] ?? '']?.includes(count) ? fixed(name, count * unitMs) : undefined;
}

/** Groups one-minute bars (oldest first) into interval buckets; the last bucket may be partial. */
export function aggregateBars(bars: readonly SimBar[], interval: BarInterval): BucketBar[] {
  const out: BucketBar[] = [];
  let current: { -readonly [K in keyof BucketBar]: BucketBar[K] } | undefined;
  for (const bar of bars) {
    const start = interval.bucketStart(bar.openTimeMs);
    if (!current || current.openTimeMs !== start) {
      if (current) out.push(current);
      current = { ...bar, openTimeMs: start, closeTimeMs: interval.nextStart(start) - 1, minuteCount: 1 };
      continue;
    }
    current.high = Math.max(current.high, bar.high);
    current.low = Math.min(current.low, bar.low);
    current.close = bar.close;
    current.volume += bar.volume;
    current.quoteVolume += bar.quoteVolume;
    current.takerBuyVolume += bar.takerBuyVolume;
    current.takerBuyQuoteVolume += bar.takerBuyQuoteVolume;
    current.trades += bar.trades;
    current.minuteCount += 1;
  }
  if (current) out.push(current);
  return out;
}

/** Rolling 24-hour statistics of last-trade bars, as venue tickers report them. */
export interface DayStats {
  readonly openTimeMs: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly volume: number;
  readonly quoteVolume: number;
  readonly trades: number;
}

/**
 * The last 24 hours of closed one-minute bars before `nowMs`, folded with the current price.
 * With no history yet, every price field is `lastPrice` and volumes are zero.
 */
export function dayStats(market: SimMarket, symbol: string, nowMs: number, lastPrice: number): DayStats {
  const bars = market.bars(symbol, 'last', nowMs - dayMs, nowMs, 24 * 60);
  const first = bars[0];
  let high = lastPrice;
  let low = lastPrice;
  let volume = 0;
  let quoteVolume = 0;
  let trades = 0;
  for (const bar of bars) {
    high = Math.max(high, bar.high);
    low = Math.min(low, bar.low);
    volume += bar.volume;
    quoteVolume += bar.quoteVolume;
    trades += bar.trades;
  }
  return {
    openTimeMs: first?.openTimeMs ?? nowMs - dayMs,
    open: first?.open ?? lastPrice,
    high,
    low,
    volume,
    quoteVolume,
    trades,
  };
}
