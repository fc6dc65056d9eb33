import type { LedgerBar } from '../types';

/** Options of `testBar`: anything not given stays flat at `price`. */
export interface TestBarOptions {
  readonly price: number;
  readonly high?: number;
  readonly low?: number;
  readonly buyShare?: number;
  readonly openInterestUsd?: number | null;
  readonly volumeUsd?: number;
}

/** One 1-minute bar at minute `minute` for tests and examples (no randomness). */
export function testBar(minute: number, options: TestBarOptions): LedgerBar {
  const volume = options.volumeUsd ?? 1_000_000;
  const buyShare = options.buyShare ?? 0.5;
  return {
    timeMs: Date.UTC(2026, 0, 1) + minute * 60_000,
    durationMs: 60_000,
    markHigh: options.high ?? options.price,
    markLow: options.low ?? options.price,
    markClose: options.price,
    takerBuyUsd: volume * buyShare,
    takerSellUsd: volume * (1 - buyShare),
    openInterestUsd: options.openInterestUsd ?? null,
  };
}

/**
 * `count` bars of a deterministic wandering market (sums of sines, no randomness): price around
 * `price`, OI rising and falling, taker flow leaning with the move.
 */
export function wanderingBars(count: number, price = 60_000): LedgerBar[] {
  const bars: LedgerBar[] = [];
  let previous = price;
  for (let i = 0; i < count; i++) {
    const close = price * (1 + 0.03 * Math.sin(i / 200) + 0.01 * Math.sin(i / 17) + 0.004 * Math.sin(i / 3.1));
    const high = Math.max(previous, close) * 1.0004,
      low = Math.min(previous, close) * 0.9996;
    const oi = 1e9 * (1 + 0.2 * Math.sin(i / 90) + 0.05 * Math.sin(i / 7));
    bars.push(
      testBar(i, {
        price: close,
        high,
        low,
        buyShare: 0.5 + 0.3 * Math.tanh((close - previous) / (0.001 * price)),
        openInterestUsd: oi,
      }),
    );
    previous = close;
  }
  return bars;
}
