import type { BinSize } from './params';

/**
 * Maps prices to integer bin indices and back. Bin `i` covers [low(i), high(i)); indices may be
 * negative (relative grids at prices below 1). One grid serves the ledger, its outputs and the
 * baselines, so profiles from different models line up bin for bin.
 */
export interface PriceGrid {
  readonly binSize: BinSize;
  /** The bin holding `price` (> 0). */
  binOf(price: number): number;
  /** Lower edge of bin `index`, quote units. */
  low(index: number): number;
  /** Upper edge of bin `index`, quote units. */
  high(index: number): number;
  /** Representative price of bin `index`: its middle (geometric for relative bins). */
  mid(index: number): number;
  /** The index `x` (fractional) where a price sits: `binOf(p) = floor(position(p))`. */
  position(price: number): number;
  /** The price at fractional index `x` (inverse of `position`). */
  priceAt(position: number): number;
  /**
   * `binOf(price × factor)`, exactly, given `logPrice` = ln(price) and `logFactor` = ln(factor): a
   * relative grid adds the two logs instead of taking the product's, and takes the product's only
   * when the sum lies within a millionth of a bin of an edge, where rounding could tell them apart.
   */
  binOfProduct(price: number, logPrice: number, factor: number, logFactor: number): number;
}

// How close (fraction of a bin) to an edge a sum of logs must be for `binOfProduct` to check it:
// the sum and the product's log differ by a few units in the last place (≈ 1e-14 at ln 60,000),
// ≈ 1e-11 of a 0.01 % bin, far inside this margin.
const edgeMargin = 1e-6;

/**
 * Creates a grid. Relative bins: index = floor(ln p / ln(1 + fraction)), log-spaced; absolute
 * bins: index = floor(p / step).
 */
export function createPriceGrid(binSize: BinSize): PriceGrid {
  if (binSize.kind === 'relative') {
    const logStep = Math.log1p(binSize.fraction);
    // `binOfProduct` multiplies by the reciprocal: it differs from dividing by under a unit in the last
    // place, far inside the edge margin, where the exact product decides anyway.
    const perLog = 1 / logStep;
    const position = (price: number): number => Math.log(price) / logStep;
    const priceAt = (x: number): number => Math.exp(x * logStep);
    return {
      binSize,
      position,
      priceAt,
      binOf: (price) => Math.floor(position(price)),
      low: (index) => priceAt(index),
      high: (index) => priceAt(index + 1),
      mid: (index) => priceAt(index + 0.5),
      binOfProduct: (price, logPrice, factor, logFactor) => {
        const x = (logPrice + logFactor) * perLog;
        const bin = Math.floor(x);
        return x - bin > edgeMargin && x - bin < 1 - edgeMargin ? bin : Math.floor(position(price * factor));
      },
    };
  }
  const step = binSize.step;
  return {
    binSize,
    position: (price) => price / step,
    priceAt: (x) => x * step,
    binOf: (price) => Math.floor(price / step),
    low: (index) => index * step,
    high: (index) => (index + 1) * step,
    mid: (index) => (index + 0.5) * step,
    binOfProduct: (price, _logPrice, factor) => Math.floor((price * factor) / step),
  };
}
