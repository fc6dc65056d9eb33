import type { RiskAccount } from '../domain/risk-account';
import { evaluateAccount } from '../risk/evaluate-account';
import type { Level } from './levels';
import { levels } from './levels';
import type { GradedLevels } from './rule-schemas';
import { defaultRules } from './rule-schemas';

/** Where one level's margin ratio sits on the price axis. */
export interface ThresholdPrice {
  readonly level: Level;
  /** The level's margin ratio (fraction). */
  readonly marginRatio: number;
  /** The mark price (quote currency) at which the position's margin ratio equals it; null when no price > 0 does. */
  readonly price: number | null;
  /** The ratio is already at or above the level at the current mark (the price lies on the safe side). */
  readonly reached: boolean;
}

/** The position's margin ratio with its symbol's mark at `price` (every other symbol frozen); +∞ once the balance is <= 0. */
function ratioAt(account: RiskAccount, index: number, price: number): number {
  const symbol = account.positions[index]?.symbol;
  const positions = account.positions.map((position) =>
    position.symbol === symbol ? { ...position, markPrice: price } : position,
  );
  return evaluateAccount({ ...account, positions }).positions[index]?.marginRatio ?? Number.POSITIVE_INFINITY;
}

/** Bisection of `f` (continuous, f(a) and f(b) of opposite signs) down to a relative width of 1e-12. */
function bisect(f: (price: number) => number, a: number, b: number): number {
  let low = a;
  let high = b;
  const lowSign = Math.sign(f(low));
  for (
    let iteration = 0;
    iteration < 200 && Math.abs(high - low) > 1e-12 * Math.max(Math.abs(low), Math.abs(high));
    iteration++
  ) {
    const middle = (low + high) / 2;
    if (Math.sign(f(middle)) === lowSign) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/**
 * For the position at `index`, the mark prices at which its margin ratio (isolated: its own; cross:
 * the cross pool's) would reach each level: the threshold lines of the chart.
 *
 * Method: the ratio is re-evaluated with `evaluateAccount` with the mark of the position's symbol moved
 * (every leg of that symbol moves together, other symbols stay at their marks), and the crossing is
 * found by bisection. It is bracketed by stepping away from the mark, geometrically in price
 * (±2 %, ±4 %, ±8 % … up to 2^30 times), toward liquidation when the level is not yet reached and
 * away from it when it is; the liquidation price itself closes the bracket when it is known. The
 * first crossing found from the mark is returned. Cost: about 40–100 evaluations per level: for
 * drawing on a position update, not for every tick. Returns [] when `index` names no position.
 */
export function thresholdPrices(
  account: RiskAccount,
  index: number,
  thresholds: GradedLevels = defaultRules.marginRatio.levels,
): ThresholdPrice[] {
  const position = account.positions[index];
  if (position === undefined) return [];
  const mark = position.markPrice;
  const liquidation = evaluateAccount(account).positions[index]?.liquidationPrice ?? null;
  const current = ratioAt(account, index, mark);
  return levels.map((level) => {
    const target = thresholds[level];
    const f = (price: number): number => ratioAt(account, index, price) - target;
    const reached = current >= target;
    // A long loses as the price falls: toward risk is down for a long, up for a short.
    const up = (position.side === 'long') === reached;
    if (current === target) return { level, marginRatio: target, price: mark, reached };
    let inner = mark;
    for (let step = 0; step <= 30; step++) {
      const factor = 1 + 0.02 * 2 ** step;
      let outer = up ? mark * factor : mark / factor;
      // The liquidation price (ratio 1) brackets any level below 1 on the risky side.
      if (!reached && liquidation !== null && (up ? liquidation <= outer : liquidation >= outer) && f(liquidation) >= 0)
        outer = liquidation;
      if (f(outer) >= 0 !== reached) return { level, marginRatio: target, price: bisect(f, inner, outer), reached };
      inner = outer;
    }
    return { level, marginRatio: target, price: null, reached };
  });
}
