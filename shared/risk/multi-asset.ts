import type { CollateralAsset } from '../domain/collateral';
import type { RiskAccount } from '../domain/risk-account';
import type { RiskPosition } from '../domain/risk-position';
import { collateralValueUsd, requirementRateUsd } from './collateral-value';
import type { Leg } from './leg';
import { legClosingFee, legMaintenance, legPnl } from './leg';

/** The cross pool of a multi-asset account valued in USD at given marks. */
export interface UsdPool {
  /** Σ over collateral assets of their discounted USD value (wallet plus the PnL settled in each). */
  readonly equityUsd: number;
  /** Σ over cross positions of maintenance (plus fee to close) converted to USD. */
  readonly requirementUsd: number;
}

/** The collateral asset a leg settles in: its `settleAsset`, else the account's first collateral asset. */
export function settleIndex(collateral: readonly CollateralAsset[], leg: Leg): number {
  const wanted = leg.position.settleAsset;
  const found = wanted === undefined ? 0 : collateral.findIndex((asset) => asset.asset === wanted);
  return found < 0 ? 0 : found;
}

/**
 * Whether `asset` is the base coin of the leg's market (BTC collateral behind BTCUSDT): its USD
 * price then moves with the position's mark. Recognised by the venue symbol being the asset's code
 * followed by the settle asset's (`BTC` + `USDT`).
 */
export function movesWithLeg(asset: CollateralAsset, leg: Leg, settle: CollateralAsset | undefined): boolean {
  return settle !== undefined && leg.position.symbol === `${asset.asset}${settle.asset}`;
}

/**
 * The USD pool when the legs of `group` (one symbol's cross legs) are at mark `price` and every other
 * cross leg at its own mark. A collateral asset that is the group's base coin is valued at its index
 * scaled by price / mark (index and mark assumed to move together); every other asset's index is held.
 * Sources: docs/research/account-modes.md §2 and §3. Isolated legs are not in the pool.
 */
export function usdPool(
  collateral: readonly CollateralAsset[],
  legs: readonly Leg[],
  group: ReadonlySet<number> = new Set(),
  price = 0,
): UsdPool {
  const equity = collateral.map((asset) => asset.amount);
  const requirement = collateral.map(() => 0);
  let groupLeg: Leg | undefined;
  for (const [index, leg] of legs.entries()) {
    if (leg.position.marginMode !== 'cross') continue;
    const at = group.has(index) ? price : leg.markPrice;
    if (group.has(index)) groupLeg = leg;
    const settle = settleIndex(collateral, leg);
    equity[settle] = (equity[settle] ?? 0) + legPnl(leg, at);
    requirement[settle] = (requirement[settle] ?? 0) + legMaintenance(leg, at) + legClosingFee(leg, at);
  }
  let equityUsd = 0;
  let requirementUsd = 0;
  const settle = groupLeg === undefined ? undefined : collateral[settleIndex(collateral, groupLeg)];
  for (const [index, asset] of collateral.entries()) {
    const moves = groupLeg !== undefined && movesWithLeg(asset, groupLeg, settle);
    const indexPrice =
      moves && groupLeg !== undefined ? (asset.indexPriceUsd * price) / groupLeg.markPrice : asset.indexPriceUsd;
    equityUsd += collateralValueUsd(asset, equity[index] ?? 0, indexPrice);
    requirementUsd += (requirement[index] ?? 0) * requirementRateUsd(asset, indexPrice);
  }
  return { equityUsd, requirementUsd };
}

/** Price steps of the outward scan: 1 % apart, out to 1e-6 × and 1e6 × the mark. */
const scanRatio = 1.01;
const scanSteps = Math.ceil(Math.log(1e6) / Math.log(scanRatio));

/**
 * Liquidation price of one symbol's cross legs (`group`, indices into `legs`) in a multi-asset
 * account: the mark P where the USD pool's equity equals its requirement (Binance: account margin
 * ratio 100 %; Bybit: accountMMRate 100 %; docs/research/account-modes.md §2 and §3), every other leg
 * held at its own mark. The equation is not closed-form (tiers, min(bid, ask), tiered collateral and
 * a base-coin collateral that moves with P), so the root is bracketed by scanning outward from the
 * mark in 1 % steps and then bisected to float precision; of a root on each side, the nearer one is
 * returned, as in the single-asset solver. Null when no P > 0 within 1e-6…1e6 × the mark solves it.
 */
export function solveUsdLiquidation(
  collateral: readonly CollateralAsset[],
  legs: readonly Leg[],
  group: readonly number[],
  mark: number,
): number | null {
  const members = new Set(group);
  const surplus = (price: number): number => {
    const pool = usdPool(collateral, legs, members, price);
    return pool.equityUsd - pool.requirementUsd;
  };
  const atMark = surplus(mark);
  if (atMark === 0) return mark;
  const down = bracket(surplus, mark, atMark, 1 / scanRatio);
  const up = bracket(surplus, mark, atMark, scanRatio);
  if (down === null) return up;
  if (up === null) return down;
  return mark - down <= up - mark ? down : up;
}

function bracket(surplus: (price: number) => number, mark: number, atMark: number, ratio: number): number | null {
  let inner = mark;
  for (let step = 1; step <= scanSteps; step++) {
    const outer = mark * ratio ** step;
    const value = surplus(outer);
    if (value === 0) return outer;
    if (value > 0 !== atMark > 0) return bisect(surplus, inner, outer, atMark > 0);
    inner = outer;
  }
  return null;
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
      const settle = position.settleAsset ?? collateral[0]?.asset;
      if (old === undefined || position.symbol !== `${asset.asset}${settle ?? ''}`) continue;
      return { ...asset, indexPriceUsd: (asset.indexPriceUsd * position.markPrice) / old.markPrice };
    }
    return asset;
  });
  return { ...account, collateral: repriced };
}
