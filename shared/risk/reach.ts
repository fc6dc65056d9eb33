import type { PositionRisk } from './risk-result';

/**
 * How far from the mark a liquidation price still means something to a trader: prices from
 * `mark / liquidationReachFactor` to `mark × liquidationReachFactor` are "within reach".
 *
 * Why 10: a root outside that band is exact arithmetic but no plan. It appears when a hedged cross
 * pair's maintenance outgrows its PnL only at notionals in the venue's last tiers (closing half of a
 * 0.4 / 0.15 BTC hedge solves at about 1.4 billion), or when a nearly unlevered long liquidates near
 * zero. A perpetual's mark moving tenfold while one position stays open is outside what the app
 * is for, and drawing such a price rescales the chart until the real lines are flat. Showing it as
 * "none within reach" (with the exact root kept for who asks) says what matters: this position is
 * not liquidated by any price move worth planning for. The same band bounds the what-if price
 * scenario (input-schema.ts), so a scenario never leaves it either.
 */
export const liquidationReachFactor = 10;

/** True when `price` lies within [mark / liquidationReachFactor, mark × liquidationReachFactor]; false for a mark <= 0. */
export function isWithinReach(price: number, markPrice: number): boolean {
  if (!(markPrice > 0) || !Number.isFinite(price)) return false;
  return price >= markPrice / liquidationReachFactor && price <= markPrice * liquidationReachFactor;
}

/**
 * Where a position's liquidation stands as a trader reads it:
 * - `liquidated`: the mark is at or past the liquidation price (`price`; null when no root lies within reach);
 * - `within`: a liquidation price within reach of the mark;
 * - `beyond`: the exact `root` lies outside the reachable band (see `liquidationReachFactor`);
 * - `none`: no price above 0 liquidates the position.
 */
export type LiquidationReach =
  | { readonly kind: 'liquidated'; readonly price: number | null }
  | { readonly kind: 'within'; readonly price: number }
  | { readonly kind: 'beyond'; readonly root: number }
  | { readonly kind: 'none' };

/** Classifies `risk`'s liquidation price against `markPrice` (the position's mark in that state). */
export function liquidationReach(risk: PositionRisk, markPrice: number): LiquidationReach {
  const price = risk.liquidationPrice;
  const within = price !== null && isWithinReach(price, markPrice);
  if (risk.liquidatable) return { kind: 'liquidated', price: within ? price : null };
  if (price === null) return { kind: 'none' };
  return within ? { kind: 'within', price } : { kind: 'beyond', root: price };
}

/** A liquidation price as reported: within reach as is; beyond reach as null with the note and the exact root. */
export interface ReportedLiquidation {
  readonly liquidationPrice: number | null;
  /** Set when the exact root lies beyond reach; `liquidationPrice` is then null. */
  readonly liquidationNote?: 'beyond reach';
  /** The exact root the engine found beyond reach, quote currency. */
  readonly liquidationRoot?: number;
}

/** `price` against `markPrice` as the CLI and exports report it (see ReportedLiquidation). */
export function reportLiquidation(price: number | null, markPrice: number): ReportedLiquidation {
  if (price === null || isWithinReach(price, markPrice)) return { liquidationPrice: price };
  return { liquidationPrice: null, liquidationNote: 'beyond reach', liquidationRoot: price };
}

/** A position's risk as printed: a liquidation price beyond reach moves to `liquidationRoot`. */
export type ReportedPositionRisk = PositionRisk & ReportedLiquidation;

/**
 * `risk` as the CLI and exports report it: a liquidation price beyond reach of `markPrice` is
 * replaced by `liquidationPrice: null, liquidationNote: 'beyond reach'` with the exact root in
 * `liquidationRoot`, and its distance (a meaningless thousands of percent) by null. Otherwise unchanged.
 */
export function reportPositionRisk(risk: PositionRisk, markPrice: number): ReportedPositionRisk {
  const reported = reportLiquidation(risk.liquidationPrice, markPrice);
  return reported.liquidationNote === undefined ? risk : { ...risk, ...reported, distance: null };
}
