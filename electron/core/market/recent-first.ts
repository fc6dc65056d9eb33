/**
 * The newest hours first: on a first start (nothing recorded) the map is built from the last few
 * hours of history while the rest of the window loads behind it, then replaced by the map of the
 * whole window. The cold path's venue requests are paced by the venue's rate limit (a 1,500-candle
 * Binance page weighs 10, half a second at ccxt's pace), so asking for 6 hours instead of 3 days
 * first cuts the wait for a first map by most of those pages.
 */

/** Hours of the newest history a first start builds its first map from (the default of the market service). */
export const defaultRecentHours = 6;

/** A minute range [fromMs, toMs), Unix ms. */
export interface MinuteRange {
  readonly fromMs: number;
  readonly toMs: number;
}

/**
 * Splits ranges (oldest first) at `atMs`: the parts before it (`older`) and from it on (`recent`),
 * both oldest first. A range across `atMs` is cut in two; together the parts cover exactly the input.
 */
export function splitRanges(
  ranges: readonly MinuteRange[],
  atMs: number,
): { older: MinuteRange[]; recent: MinuteRange[] } {
  const older: MinuteRange[] = [],
    recent: MinuteRange[] = [];
  for (const range of ranges) {
    if (range.toMs <= atMs) older.push(range);
    else if (range.fromMs >= atMs) recent.push(range);
    else {
      older.push({ fromMs: range.fromMs, toMs: atMs });
      recent.push({ fromMs: atMs, toMs: range.toMs });
    }
  }
  return { older, recent };
}

/**
 * What the chart says over a map built from the newest `hours` while the rest of `historyDays`
 * loads, e.g. "Map built from the last 6 h, deepening to 3 days: Loading candles from Binance…".
 */
export function deepeningMessage(hours: number, historyDays: number, progress: string): string {
  return `Map built from the last ${hours} h, deepening to ${historyDays} day${historyDays === 1 ? '' : 's'}: ${progress}`;
}
