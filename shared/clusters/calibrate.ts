import type { RealizedLiquidation } from '../domain/liquidation';
import { createLedger } from './ledger';
import { defaultLedgerParams, type LedgerParams, type LeverageWeight } from './params';
import { createPriceGrid } from './price-grid';
import { replay, type VenueBars } from './replay';
import type { VenueMarket } from './types';

/** A recorded window to calibrate on. */
export interface CalibrationInput {
  readonly markets: readonly VenueMarket[];
  readonly bars: readonly VenueBars[];
  /** Realized liquidations of the same window (side = the liquidated side). */
  readonly realized: readonly RealizedLiquidation[];
  /** Everything but the mix is kept; the mix is the starting point. Default `defaultLedgerParams`. */
  readonly params?: LedgerParams;
  /** Time bucket of the comparison, ms (default one hour). */
  readonly bucketMs?: number;
  /** Price bucket of the comparison, fraction (default 0.005: 0.5 %, log-spaced). */
  readonly priceBucketFraction?: number;
  /** Rounds of coordinate search (default 4). */
  readonly rounds?: number;
}

/** What calibration found. */
export interface CalibrationResult {
  /** The fitted mix (weights sum to 1). */
  readonly leverageMix: readonly LeverageWeight[];
  /** Agreement of the starting mix, in [0, 1]. */
  readonly initialScore: number;
  /** Agreement of the fitted mix, in [0, 1], never below `initialScore`. */
  readonly score: number;
  /** score − initialScore. */
  readonly improvement: number;
  /** Ledger replays run. */
  readonly evaluations: number;
}

/**
 * Agreement between what the ledger says was liquidated and what was: the cosine similarity of two
 * vectors over (side, time bucket, price bucket) cells, one of the USD the ledger consumed, one of
 * realized liquidation USD. In [0, 1]; 1 = the same shape (scale does not matter: a venue's feed
 * may be a lower bound, e.g. Binance's one-per-second snapshot). 0 when either is empty.
 */
export function consumptionAgreement(input: CalibrationInput, mix: readonly LeverageWeight[]): number {
  const params = { ...(input.params ?? defaultLedgerParams), leverageMix: mix };
  const bucketMs = input.bucketMs ?? 3_600_000;
  const coarse = createPriceGrid({ kind: 'relative', fraction: input.priceBucketFraction ?? 0.005 });
  const predicted = new Map<string, number>();
  const key = (side: string, timeMs: number, price: number): string =>
    `${side}:${Math.floor(timeMs / bucketMs)}:${coarse.binOf(price)}`;
  const ledger = createLedger({
    markets: input.markets,
    params,
    onConsume: (event) => {
      const k = key(event.side, event.timeMs, ledger.grid.mid(event.bin));
      predicted.set(k, (predicted.get(k) ?? 0) + event.usd);
    },
  });
  replay(ledger, input.bars);
  const realized = new Map<string, number>();
  for (const liquidation of input.realized) {
    if (!(liquidation.price > 0)) continue;
    const k = key(liquidation.side, liquidation.timeMs, liquidation.price);
    realized.set(k, (realized.get(k) ?? 0) + liquidation.notionalUsd);
  }
  let dot = 0,
    a = 0,
    b = 0;
  for (const [k, value] of predicted) {
    a += value * value;
    dot += value * (realized.get(k) ?? 0);
  }
  for (const value of realized.values()) b += value * value;
  return a > 0 && b > 0 ? dot / Math.sqrt(a * b) : 0;
}

/**
 * Fits the leverage weights to realized liquidations (docs/research/liquidation-maps.md §5.1
 * "Calibration and validation"): coordinate search, each round trying every weight × (1 + step)
 * and ÷ (1 + step) and keeping any change that raises `consumptionAgreement`; the step halves after
 * a round without gain.
 * Deterministic; costs about 2 × leverages × rounds ledger replays of the window.
 */
export function calibrateLeverageMix(input: CalibrationInput): CalibrationResult {
  const start = (input.params ?? defaultLedgerParams).leverageMix.filter((item) => item.weight > 0);
  const total = start.reduce((sum, item) => sum + item.weight, 0);
  let weights = start.map((item) => item.weight / total);
  const mixOf = (w: readonly number[]): LeverageWeight[] =>
    start.map((item, k) => ({ leverage: item.leverage, weight: w[k] ?? 0 }));
  const normalise = (w: number[]): number[] => {
    const s = w.reduce((x, y) => x + y, 0);
    return w.map((x) => x / s);
  };
  let evaluations = 1;
  const initialScore = consumptionAgreement(input, mixOf(weights));
  let best = initialScore;
  let step = 1;
  for (let round = 0; round < (input.rounds ?? 4); round++) {
    let improved = false;
    for (let k = 0; k < weights.length; k++) {
      for (const factor of [1 + step, 1 / (1 + step)]) {
        const trial = normalise(weights.map((w, j) => (j === k ? w * factor : w)));
        const score = consumptionAgreement(input, mixOf(trial));
        evaluations++;
        if (score > best + 1e-9) {
          best = score;
          weights = trial;
          improved = true;
        }
      }
    }
    if (!improved) step /= 2;
  }
  return { leverageMix: mixOf(weights), initialScore, score: best, improvement: best - initialScore, evaluations };
}
