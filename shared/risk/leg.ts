import type { RiskAccount } from '../domain/risk-account';
import type { RiskPosition } from '../domain/risk-position';
import { tierIndexForContracts, tierIndexForNotional } from './tiers';
import { venueRules } from './venue-rules';

/**
 * A position reduced to the numbers the liquidation equation needs. Built once per evaluation so
 * the solver's inner loop only does arithmetic.
 */
export interface Leg {
  /** +1 long, −1 short. */
  readonly sign: 1 | -1;
  /** Inverse (coin-margined) contract: notional and PnL are in the coin. */
  readonly inverse: boolean;
  /** Linear: base units (size × contractSize). Inverse: USD face value (contracts × USD per contract). */
  readonly quantity: number;
  readonly entryPrice: number;
  readonly markPrice: number;
  readonly position: RiskPosition;
  /** Tier index that does not move with price (OKX by contracts, Bybit isolated at entry), or −1. */
  readonly fixedTierIndex: number;
  /** Maintenance fixed at the entry value (Bybit classic isolated). */
  readonly requirementAtEntry: boolean;
  /** Taker fee rate added to the requirement as the fee to close (OKX; Bybit cross), else 0. */
  readonly closingFeeRate: number;
}

/** Builds the leg of `position` under `account`'s venue rules. */
export function makeLeg(account: RiskAccount, position: RiskPosition): Leg {
  const rules = venueRules[account.venue];
  const inverse = rules.contractKind === 'inverse';
  const quantity = position.size * position.contractSize;
  const atEntry = rules.isolatedRequirementAtEntry && position.marginMode === 'isolated';
  let fixedTierIndex = -1;
  if (rules.tierBasis === 'contracts') fixedTierIndex = tierIndexForContracts(position.tiers, position.size);
  else if (atEntry)
    fixedTierIndex = tierIndexForNotional(
      position.tiers,
      inverse ? quantity / position.entryPrice : quantity * position.entryPrice,
    );
  return {
    sign: position.side === 'long' ? 1 : -1,
    inverse,
    quantity,
    entryPrice: position.entryPrice,
    markPrice: position.markPrice,
    position,
    fixedTierIndex,
    requirementAtEntry: atEntry,
    closingFeeRate: rules.closingFeeModes.includes(position.marginMode) ? account.takerFeeRate : 0,
  };
}

/** Notional at `price` in the margin asset: quantity × price (linear) or face / price (inverse, coin). */
export function legNotional(leg: Leg, price: number): number {
  return leg.inverse ? leg.quantity / price : leg.quantity * price;
}

/** Unrealized PnL at `price`, in the margin asset: s·q·(P − EP), or s·face·(1/EP − 1/P) for inverse. */
export function legPnl(leg: Leg, price: number): number {
  return leg.inverse
    ? leg.sign * leg.quantity * (1 / leg.entryPrice - 1 / price)
    : leg.sign * leg.quantity * (price - leg.entryPrice);
}

/** Index of the tier the venue applies when the mark is at `price`. */
export function legTierIndex(leg: Leg, price: number): number {
  if (leg.fixedTierIndex >= 0) return leg.fixedTierIndex;
  return tierIndexForNotional(leg.position.tiers, legNotional(leg, price));
}

/**
 * Maintenance margin (without any fee) when the mark is at `price`: `notional × mmr − deduction`
 * of the tier. Binance: "Maintenance Margin = Notional Position Value × Maintenance Margin Rate −
 * Maintenance Amount" (`sources.binanceUsdmLiquidation`); Hyperliquid margin tiers
 * (`sources.hyperliquidMarginTiers`); OKX: whole position at the tier rate, no deduction
 * (`sources.okxTieredMaintenance`); Bybit classic isolated: "MM = Position Value × MMR − MM
 * Deduction" with the position value at entry (`sources.bybitLiquidation`). Ignores fees.
 */
export function legMaintenance(leg: Leg, price: number): number {
  const tier = leg.position.tiers[legTierIndex(leg, price)];
  if (tier === undefined) return 0;
  const notional = legNotional(leg, leg.requirementAtEntry ? leg.entryPrice : price);
  return notional * tier.maintenanceMarginRate - tier.deduction;
}

/**
 * Fee to close at `price` (notional × taker rate) that the venue adds to the requirement, else 0.
 * OKX: liquidation when equity <= "maintenance margin plus any applicable liquidation fees"
 * (`sources.okxTieredMaintenance`); Bybit cross: MM includes the estimated fee to close
 * (`sources.bybitNewMarginCalculation`).
 */
export function legClosingFee(leg: Leg, price: number): number {
  return leg.closingFeeRate === 0 ? 0 : legNotional(leg, price) * leg.closingFeeRate;
}

/** Equity minus requirement contributed by `legs` when their mark is at `price`: Σ PnL − MM − fee. */
export function legsSurplus(legs: readonly Leg[], price: number): number {
  let surplus = 0;
  for (const leg of legs) surplus += legPnl(leg, price) - legMaintenance(leg, price) - legClosingFee(leg, price);
  return surplus;
}
