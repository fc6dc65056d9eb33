import { modeRulesOf, simVenues } from '../venues/sim-venues';
import type { SimModeRules } from '../venues/venue-module';
import type { SimAccountMode, SimCollateral, SimVenue, SimVenueRules } from './types';

/** A collateral asset to put in an account: units of `asset` held besides the settle-currency wallet. */
export interface SimCollateralSpec {
  readonly asset: string;
  /** Units, > 0. */
  readonly amount: number;
}

/** Stablecoins the simulator values at 1 USD; any other asset at the index price of `<asset>USDT`. */
const stablecoins: ReadonlySet<string> = new Set(['USDT', 'USDC']);

/** The instrument whose mark prices `asset`, or null for a stablecoin (always 1 USD). */
export function collateralSymbol(asset: string): string | null {
  return stablecoins.has(asset) ? null : `${asset}USDT`;
}

/**
 * The mode an account runs in and its rules: the spec's mode, else the venue module's default for
 * the positions' margin modes. Throws with a one-line reason when the venue has no such mode, the
 * mode trades no perpetuals but positions are given, a position's margin mode is not allowed in the
 * mode, or collateral is given to a mode (or of an asset) that does not count it.
 */
export function resolveAccountMode(spec: {
  readonly id: string;
  readonly venue: SimVenue;
  readonly mode?: SimAccountMode;
  readonly positions: readonly { readonly marginMode: 'isolated' | 'cross'; readonly symbol: string }[];
  readonly collateral?: readonly SimCollateralSpec[];
}): { readonly mode: SimAccountMode; readonly rules: SimModeRules } {
  const module = simVenues[spec.venue];
  const mode = spec.mode ?? module.defaultMode(spec.positions.map((p) => p.marginMode));
  const rules = modeRulesOf(spec.venue, mode);
  if (rules === undefined) throw new Error(`Account ${spec.id}: ${spec.venue} has no account mode "${mode}"`);
  if (!rules.perpetuals && spec.positions.length > 0)
    throw new Error(`Account ${spec.id}: the ${mode} mode trades no perpetuals`);
  for (const position of spec.positions)
    if (!rules.marginModes.includes(position.marginMode))
      throw new Error(
        `Account ${spec.id}: the ${mode} mode allows no ${position.marginMode} ${position.symbol} position`,
      );
  for (const { asset, amount } of spec.collateral ?? []) {
    if (!rules.multiCollateral && !rules.spotHoldings)
      throw new Error(`Account ${spec.id}: the ${mode} mode counts no ${asset} collateral`);
    if (module.collateralRatios[asset] === undefined)
      throw new Error(`Account ${spec.id}: ${asset} is not collateral on ${spec.venue}`);
    if (!(amount > 0)) throw new Error(`Account ${spec.id}: ${asset} collateral needs a positive amount`);
  }
  return { mode, rules };
}

/**
 * Values an account's collateral the venue's way: units × USD price × the venue's collateral ratio.
 * `priceOf(symbol)` gives the index price (the venues value collateral at the index); stablecoins are 1 USD.
 */
export function valueCollateral(
  venue: SimVenue,
  collateral: readonly SimCollateralSpec[],
  priceOf: (symbol: string) => number,
): SimCollateral[] {
  return collateral.map(({ asset, amount }) => {
    const symbol = collateralSymbol(asset);
    const priceUsd = symbol === null ? 1 : priceOf(symbol);
    const collateralRatio = simVenues[venue].collateralRatios[asset] ?? 0;
    return { asset, amount, priceUsd, collateralRatio, marginValueUsd: amount * priceUsd * collateralRatio };
  });
}

/**
 * The venue's rules for a position whose maintenance rate the venue raised on its own (a lowered
 * risk limit): every notional tier charges at least `maintenanceRateFloor` on the whole notional,
 * without deduction where the floor applies. Undefined floor: the rules unchanged.
 */
export function withMaintenanceFloor(rules: SimVenueRules, maintenanceRateFloor: number | undefined): SimVenueRules {
  if (maintenanceRateFloor === undefined) return rules;
  const raise = <T extends { readonly maintenanceMarginRate: number }>(tier: T): T =>
    tier.maintenanceMarginRate >= maintenanceRateFloor
      ? tier
      : { ...tier, maintenanceMarginRate: maintenanceRateFloor };
  return {
    ...rules,
    tiers: rules.tiers.map((tier) =>
      tier.maintenanceMarginRate >= maintenanceRateFloor ? tier : { ...raise(tier), maintenanceAmount: 0 },
    ),
    ...(rules.contractTiers ? { contractTiers: rules.contractTiers.map(raise) } : {}),
  };
}

/**
 * The position's place in the auto-deleveraging queue, 0 (last) to 4 (first): venues deleverage
 * the most profitable, most leveraged positions first. Here from the return on the margin at entry:
 * a loss or nothing 0, up to 25 % 1, 50 % 2, 100 % 3, more 4 (the simulator's own bands).
 */
export function adlQuantileOf(unrealizedPnl: number, entryMargin: number): number {
  if (!(unrealizedPnl > 0) || !(entryMargin > 0)) return 0;
  const returnOnMargin = unrealizedPnl / entryMargin;
  if (returnOnMargin <= 0.25) return 1;
  if (returnOnMargin <= 0.5) return 2;
  if (returnOnMargin <= 1) return 3;
  return 4;
}
