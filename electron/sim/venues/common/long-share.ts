import type { SimMarket } from '../../market/types';

/** One long/short account sample: the long share (fraction) at `timeMs`, the period boundary it describes. */
export interface LongShareSample {
  readonly timeMs: number;
  readonly longShare: number;
}

/**
 * The crowd's long share at every `periodMs` boundary in [fromMs, toMs] up to now, newest first, at
 * most `limit`: what the venues' long/short account-ratio endpoints list. Shares of 0 or 1 (no
 * traders on a side) are left out, since their ratio would be 0 or infinite.
 */
export function longShareSamples(
  market: SimMarket,
  symbol: string,
  periodMs: number,
  window: { readonly fromMs: number; readonly toMs: number; readonly limit: number },
): LongShareSample[] {
  const toMs = Math.min(window.toMs, market.now());
  const fromMs = Math.max(window.fromMs, toMs - (window.limit + 1) * periodMs);
  return market
    .longShareHistory(symbol, fromMs, toMs + 1)
    .filter((sample) => sample.timeMs % periodMs === 0 && sample.longShare > 0 && sample.longShare < 1)
    .slice(-window.limit)
    .reverse();
}
