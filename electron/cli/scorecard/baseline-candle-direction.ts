import { createSideBook, type PriceGrid, type Profile } from '../../../shared/clusters/index';
import type { Estimator } from './estimator';

/** The open implementation's weights (5x 15 %, 10x 30 %, 25x 25 %, 50x 20 %, 100x 10 %). */
const weights: readonly (readonly [leverage: number, weight: number])[] = [
  [5, 0.15],
  [10, 0.3],
  [25, 0.25],
  [50, 0.2],
  [100, 0.1],
];
/** Its single maintenance rate. */
const mmr = 0.004;

/**
 * Baseline (A), the candle-direction OI model (docs/research/liquidation-maps.md §1.4 A): a rise in OI
 * (USD) goes entirely to longs when the candle closed up (or flat), to shorts when it closed down,
 * entered at the close, split over five leverages, liquidated at E·(1 ∓ 1/L ± mmr/L) with
 * mmr = 0.4 %; a level is consumed when the last-price candle reaches it (same bin rule as the
 * ledger, for equal resolution); a fall in OI trims every level of both sides pro rata; no decay.
 */
export function createCandleDirectionBaseline(grid: PriceGrid): Estimator {
  const longs = createSideBook(1, 1),
    shorts = createSideBook(-1, 1);
  let lastOi: number | null = null;
  return {
    name: 'candleDirection',
    update({ candle, ledger }) {
      longs.consume(Math.ceil(grid.position(candle.low) - 0.5), undefined);
      shorts.consume(Math.floor(grid.position(candle.high) - 0.5), undefined);
      const oi = ledger.openInterestUsd;
      if (oi === null) return;
      const change = lastOi === null ? 0 : oi - lastOi;
      lastOi = oi;
      if (change > 0) {
        const long = candle.close >= candle.open;
        for (const [leverage, weight] of weights) {
          const price = long
            ? candle.close * (1 - 1 / leverage + mmr / leverage)
            : candle.close * (1 + 1 / leverage - mmr / leverage);
          (long ? longs : shorts).add(0, grid.binOf(price), change * weight, 0);
        }
      } else if (change < 0) {
        const total = longs.total() + shorts.total();
        const keep = total > 0 ? 1 - Math.min(1, -change / total) : 1;
        longs.multiply(keep);
        shorts.multiply(keep);
      }
    },
    profile() {
      return bookProfile(grid, longs, shorts);
    },
  };
}

/** Profile of one-leverage side books. */
export function bookProfile(
  grid: PriceGrid,
  longs: ReturnType<typeof createSideBook>,
  shorts: ReturnType<typeof createSideBook>,
): Profile {
  const [a, b] = longs.range(),
    [c, d] = shorts.range();
  const from = Math.min(a <= b ? a : Infinity, c <= d ? c : Infinity),
    to = Math.max(a <= b ? b : -Infinity, c <= d ? d : -Infinity);
  if (!(from <= to)) return { grid, firstBin: 0, long: new Float64Array(0), short: new Float64Array(0) };
  const long = new Float64Array(to - from + 1),
    short = new Float64Array(to - from + 1);
  for (let bin = from; bin <= to; bin++) {
    long[bin - from] = longs.usd(0, bin);
    short[bin - from] = shorts.usd(0, bin);
  }
  return { grid, firstBin: from, long, short };
}
