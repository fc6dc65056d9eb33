import type { Leg } from './leg';
import { legTierIndex } from './leg';

/** Relative slack when checking that a root lies in its tier's price interval (float rounding at boundaries). */
const boundarySlack = 1e-12;

/**
 * Liquidation price of `legs` (positions that share one mark: one isolated position, or every
 * cross leg of one symbol), every other input frozen: the price P > 0 where
 * `base + Σ legs (PnL(P) − maintenance(P) − closing fee(P)) = 0`, i.e. equity equals the venue's
 * requirement ("equity(P) = maintenance requirement(P)", common model of every venue).
 *
 * `base` is the collateral minus what is frozen: isolated margin; or for cross, wallet balance plus
 * other positions' unrealized PnL minus their requirement (each at its own mark, as Binance's TMM1
 * and UPNL1). Tiers are chosen at P itself, solved self-consistently: the price axis is cut where a
 * leg's notional crosses a tier floor, the equation is closed-form on each piece, and a root is kept
 * only inside its own piece (Binance: "calculate at the liquidation price"; exact for every venue's
 * linear or inverse form). When two roots exist (a hedged group can be liquidated on either side),
 * the one nearest `referencePrice` (the mark) is returned.
 *
 * Returns null when no price above 0 solves it (e.g. a 1x long whose price would be <= 0), which
 * venues display as "--", "0" or null.
 */
export function solveLiquidationPrice(legs: readonly Leg[], base: number, referencePrice: number): number | null {
  const breaks: number[] = [];
  for (const leg of legs) {
    if (leg.fixedTierIndex >= 0) continue;
    const tiers = leg.position.tiers;
    for (let k = 1; k < tiers.length; k++) {
      const floor = tiers[k]?.floor ?? 0;
      if (floor > 0) breaks.push(leg.inverse ? leg.quantity / floor : floor / leg.quantity);
    }
  }
  if (breaks.length > 1) breaks.sort((x, y) => x - y);
  let best: number | null = null;
  let lower = 0;
  for (let piece = 0; piece <= breaks.length; piece++) {
    const upper = piece < breaks.length ? (breaks[piece] ?? Infinity) : Infinity;
    if (upper <= lower) continue;
    const probe = upper === Infinity ? (lower > 0 ? lower * 2 : 1) : (lower + upper) / 2;
    let constant = base;
    let slope = 0;
    let reciprocal = 0;
    for (const leg of legs) {
      const tier = leg.position.tiers[legTierIndex(leg, probe)];
      const rate = tier?.maintenanceMarginRate ?? 0;
      const deduction = tier?.deduction ?? 0;
      const q = leg.quantity;
      if (leg.inverse) {
        constant +=
          (leg.sign * q) / leg.entryPrice + deduction - (leg.requirementAtEntry ? (q / leg.entryPrice) * rate : 0);
        reciprocal -= q * (leg.sign + leg.closingFeeRate + (leg.requirementAtEntry ? 0 : rate));
      } else {
        constant +=
          -leg.sign * q * leg.entryPrice + deduction - (leg.requirementAtEntry ? q * leg.entryPrice * rate : 0);
        slope += q * (leg.sign - leg.closingFeeRate - (leg.requirementAtEntry ? 0 : rate));
      }
    }
    best = closer(best, rootIn(constant, slope, reciprocal, lower, upper), referencePrice);
    best =
      reciprocal !== 0 && slope !== 0
        ? closer(best, rootIn(constant, slope, reciprocal, lower, upper, true), referencePrice)
        : best;
    lower = upper;
  }
  return best;
}

/** A root of `constant + slope·P + reciprocal/P = 0` inside [lower, upper] and above 0, or null. */
function rootIn(
  constant: number,
  slope: number,
  reciprocal: number,
  lower: number,
  upper: number,
  second = false,
): number | null {
  let root: number;
  if (reciprocal === 0) {
    if (slope === 0) return null;
    root = -constant / slope;
  } else if (slope === 0) {
    if (constant === 0) return null;
    root = -reciprocal / constant;
  } else {
    // slope·P² + constant·P + reciprocal = 0; both roots are tried by the caller.
    const discriminant = constant * constant - 4 * slope * reciprocal;
    if (discriminant < 0) return null;
    root = (-constant + (second ? -1 : 1) * Math.sqrt(discriminant)) / (2 * slope);
  }
  if (!Number.isFinite(root) || root <= 0) return null;
  if (root < lower * (1 - boundarySlack) || root > upper * (1 + boundarySlack)) return null;
  return root;
}

function closer(current: number | null, candidate: number | null, reference: number): number | null {
  if (candidate === null) return current;
  if (current === null) return candidate;
  return Math.abs(candidate - reference) < Math.abs(current - reference) ? candidate : current;
}
