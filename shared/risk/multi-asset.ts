import type { CollateralAsset } from '../domain/collateral';
import type { RiskAccount } from '../domain/risk-account';
import type { RiskPosition } from '../domain/risk-position';
import { collateralValueUsd, requirementRateUsd } from './collateral-value';
import type { Leg } from './leg';
import { legClosingFee, legMaintenance, legPnl } from './leg';

/** The cross pool of a multi-asset account valued in USD at the current marks. */
export interface UsdPool {
  /** Σ over collateral assets of their discounted USD value (wallet plus the PnL settled in each). */
  readonly equityUsd: number;
  /** Σ over cross positions of maintenance (plus fee to close) converted to USD. */
  readonly requirementUsd: number;
}

/** The collateral asset a position settles in: its `settleAsset`, else the account's first collateral asset. */
function settleIndex(collateral: readonly CollateralAsset[], position: RiskPosition): number {
  const wanted = position.settleAsset;
  const found = wanted === undefined ? 0 : collateral.findIndex((asset) => asset.asset === wanted);
  return found < 0 ? 0 : found;
}

/**
 * Whether collateral `asset` is the base coin of `position`'s market (BTC behind BTCUSDT), so that
 * its USD index moves with the position's mark: the venue symbol is the asset's code followed by
 * the settle asset's (`BTC` + `USDT`).
 */
function isBaseCoin(collateral: readonly CollateralAsset[], asset: CollateralAsset, position: RiskPosition): boolean {
  const settle = collateral[settleIndex(collateral, position)];
  return settle !== undefined && position.symbol === `${asset.asset}${settle.asset}`;
}

/** Each asset's equity (amount plus the PnL settled in it) and requirement, in the asset's units. */
function perAsset(
  collateral: readonly CollateralAsset[],
  legs: readonly Leg[],
  skip: ReadonlySet<number>,
): { equity: number[]; requirement: number[] } {
  const equity = collateral.map((asset) => asset.amount);
  const requirement = collateral.map(() => 0);
  for (const [index, leg] of legs.entries()) {
    if (leg.position.marginMode !== 'cross' || skip.has(index)) continue;
    const settle = settleIndex(collateral, leg.position);
    equity[settle] = (equity[settle] ?? 0) + legPnl(leg, leg.markPrice);
    requirement[settle] =
      (requirement[settle] ?? 0) + legMaintenance(leg, leg.markPrice) + legClosingFee(leg, leg.markPrice);
  }
  return { equity, requirement };
}

/**
 * The USD pool at the current marks: Σ collateral value after the venue's discount against Σ cross
 * requirement converted to USD (docs/research/account-modes.md §2 and §3). Isolated legs are not in it.
 */
export function usdPool(collateral: readonly CollateralAsset[], legs: readonly Leg[]): UsdPool {
  const { equity, requirement } = perAsset(collateral, legs, new Set());
  let equityUsd = 0;
  let requirementUsd = 0;
  for (const [index, asset] of collateral.entries()) {
    equityUsd += collateralValueUsd(asset, equity[index] ?? 0, asset.indexPriceUsd);
    requirementUsd += (requirement[index] ?? 0) * requirementRateUsd(asset, asset.indexPriceUsd);
  }
  return { equityUsd, requirementUsd };
}

/** Widest reach of the search, as a multiple of the mark either way. */
const reach = 1e6;

/**
 * Liquidation price of one symbol's cross legs (`group`, indices into `legs`) in a multi-asset
 * account: the mark P where the USD pool's equity equals its requirement (Binance: account margin
 * ratio 100 %; Bybit: accountMMRate 100 %; docs/research/account-modes.md §2 and §3), every other leg
 * held at its own mark and every collateral index held, except a base coin of the symbol, whose
 * index is scaled by P / mark (index and mark assumed to move together).
 *
 * Not closed-form (tiers, min(bid, ask), tiered ratios), but the surplus is concave in P (the
 * requirement is convex, discounted values concave or linear), so each side of a safe mark holds at
 * most one root: the scan steps outward by factors 1.01, 1.01², 1.01⁴… to 1e6 × (or 1e-6 ×) the mark,
 * and the bracket is bisected to float precision. Of a root on each side (hedged legs), the nearer
 * one is returned, as in the single-asset solver. Null when none lies within that reach.
 */
export function solveUsdLiquidation(
  collateral: readonly CollateralAsset[],
  legs: readonly Leg[],
  group: readonly number[],
  mark: number,
): number | null {
  const frozen = perAsset(collateral, legs, new Set(group));
  const members = group.flatMap((index) => legs[index] ?? []);
  const first = members[0];
  if (first === undefined) return null;
  const settle = settleIndex(collateral, first.position);
  const moving = collateral.map((asset) => isBaseCoin(collateral, asset, first.position));
  const surplus = (price: number): number => {
    let pnl = 0;
    let requirement = 0;
    for (const leg of members) {
      pnl += legPnl(leg, price);
      requirement += legMaintenance(leg, price) + legClosingFee(leg, price);
    }
    let value = 0;
    for (const [index, asset] of collateral.entries()) {
      const indexPrice = moving[index] === true ? (asset.indexPriceUsd * price) / mark : asset.indexPriceUsd;
      const own = index === settle;
      const equity = (frozen.equity[index] ?? 0) + (own ? pnl : 0);
      const owed = (frozen.requirement[index] ?? 0) + (own ? requirement : 0);
      value += collateralValueUsd(asset, equity, indexPrice) - owed * requirementRateUsd(asset, indexPrice);
    }
    return value;
  };
  const atMark = surplus(mark);
  if (atMark === 0) return mark;
  const down = bracket(surplus, mark, atMark, -1);
  const up = bracket(surplus, mark, atMark, 1);
  if (down === null) return up;
  if (up === null) return down;
  return mark - down <= up - mark ? down : up;
}

/** The first sign change of `surplus` going `direction` from the mark, bisected; null within no reach. */
function bracket(surplus: (price: number) => number, mark: number, atMark: number, direction: 1 | -1): number | null {
  let inner = mark;
  for (let exponent = 1; ; exponent *= 2) {
    const factor = Math.min(reach, 1.01 ** exponent);
    const outer = direction > 0 ? mark * factor : mark / factor;
    const value = surplus(outer);
    if (value === 0) return outer;
    if (value > 0 !== atMark > 0) return bisect(surplus, inner, outer, atMark > 0);
    if (factor >= reach) return null;
    inner = outer;
  }
}

function bisect(surplus: (price: number) => number, inner: number, outer: number, innerPositive: boolean): number {
  let a = inner;
  let b = outer;
  for (let i = 0; i < 200; i++) {
    const middle = (a + b) / 2;
    if (middle === a || middle === b) break;
    if (surplus(middle) > 0 === innerPositive) a = middle;
    else b = middle;
  }
  return (a + b) / 2;
}

/**
 * `account` after its marks moved from `before`: each collateral asset that is the base coin of a
 * moved position (BTC behind BTCUSDT) has its USD index scaled by the same ratio as that mark, as the
 * liquidation solver assumes (docs/research/account-modes.md §2). Other assets are held.
 */
export function repriceCollateral(account: RiskAccount, before: readonly RiskPosition[]): RiskAccount {
  const collateral = account.collateral;
  if (collateral === undefined || collateral.length === 0) return account;
  const repriced = collateral.map((asset) => {
    for (const [index, position] of account.positions.entries()) {
      const old = before[index];
      if (old === undefined || !isBaseCoin(collateral, asset, position)) continue;
      return { ...asset, indexPriceUsd: (asset.indexPriceUsd * position.markPrice) / old.markPrice };
    }
    return asset;
  });
  return { ...account, collateral: repriced };
}
