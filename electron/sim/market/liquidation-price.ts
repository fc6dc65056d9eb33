import { liquidationRequirement, requirementPrice } from './margin-rules';
import { findRoot } from './root-search';
import type { SimVenueRules } from './types';

/** A position leg whose mark is the unknown: sign +1 long, −1 short; size in base units; entry in quote. */
export interface MarginLeg {
  readonly sign: 1 | -1;
  readonly size: number;
  readonly entryPrice: number;
}

/**
 * Everything equity(P) − requirement(P) depends on, with P the mark of one symbol and every
 * other position frozen at its own mark (the venues' definition of a liquidation price).
 */
export interface LiquidationProblem {
  readonly rules: SimVenueRules;
  readonly marginMode: 'isolated' | 'cross';
  /** The legs priced at P: one position, or both hedge legs of a symbol in cross. */
  readonly legs: readonly MarginLeg[];
  /** Isolated: the position's margin without PnL. Cross: wallet balance + other positions' PnL at their marks. Quote units. */
  readonly fixedEquity: number;
  /** Cross: the other positions' requirement at their marks; isolated: 0. Quote units. */
  readonly fixedRequirement: number;
  readonly markPrice: number;
  /**
   * Cross, multi-collateral modes: units of the symbol's base asset held as collateral, times its
   * collateral ratio; their margin value moves with P (BTC collateral under a BTC position). Default 0.
   */
  readonly collateralUnits?: number;
  /** Cross: liquidation when equity <= scale × requirement (Binance Portfolio Margin: 1.05). Default 1. */
  readonly requirementScale?: number;
}

/** equity(P) − scale × requirement(P), quote units: positive is safe, zero is the liquidation point. */
export function marginSurplus(problem: LiquidationProblem, price: number): number {
  const scale = problem.requirementScale ?? 1;
  let surplus = problem.fixedEquity + (problem.collateralUnits ?? 0) * price - scale * problem.fixedRequirement;
  for (const leg of problem.legs) {
    surplus += leg.sign * leg.size * (price - leg.entryPrice);
    surplus -=
      scale *
      liquidationRequirement(
        problem.rules,
        problem.marginMode,
        leg.size,
        requirementPrice(problem.rules, problem.marginMode, leg.entryPrice, price),
      );
  }
  return surplus;
}

/**
 * The mark price at which equity = requirement, found numerically (never by a closed form, so it
 * can check one). Searches on the side where the surplus falls: below the mark for net-long
 * exposure, above for net-short, expanding geometrically from the mark so the nearest crossing is
 * found. Returns null when no such price exists (a long whose equity covers the requirement down to
 * 0, a short that would need a price beyond 10,000× the mark), and the mark itself when the surplus
 * is already <= 0 (liquidation in progress). Precision: about 1e-10 relative.
 */
export function solveLiquidationPrice(problem: LiquidationProblem): number | null {
  const mark = problem.markPrice;
  const f = (price: number): number => marginSurplus(problem, price);
  const atMark = f(mark);
  if (atMark <= 0) return mark;
  const step = mark * 1e-6;
  const fallsBelow = f(mark + step) - f(mark - step) > 0;
  const tolerance = mark * 1e-12;
  let near = mark;
  let distance = 0.004;
  if (fallsBelow) {
    for (;;) {
      const far = distance >= 1 ? 0 : mark * (1 - distance);
      if (f(far) <= 0) return positiveOrNull(findRoot(f, far, near, tolerance));
      if (far === 0) return null;
      near = far;
      distance *= 2;
    }
  }
  while (distance <= 10_000) {
    const far = mark * (1 + distance);
    if (f(far) <= 0) return positiveOrNull(findRoot(f, near, far, tolerance));
    near = far;
    distance *= 2;
  }
  return null;
}

// A root at 0 (or a failed bracket) means there is no price at which the venue would liquidate.
function positiveOrNull(price: number): number | null {
  return Number.isFinite(price) && price > 0 ? price : null;
}
