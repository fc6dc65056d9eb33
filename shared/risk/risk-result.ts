import type { AccountGauge, AccountModeId, LiquidationPriceKind, WhatIfSupport } from '../domain/account-mode';
import type { MarginMode } from '../domain/margin-mode';
import type { Side } from '../domain/side';

/**
 * The risk of one position. Amounts are in the margin asset (the coin on Binance COIN-M), prices in
 * the quote currency.
 */
export interface PositionRisk {
  readonly symbol: string;
  readonly side: Side;
  readonly marginMode: MarginMode;
  /**
   * Mark price at which the venue liquidates, or null where none exists (price would be <= 0) or
   * where the account mode keeps LiqLens from recomputing it (`computedNote` then says why).
   */
  readonly liquidationPrice: number | null;
  /** Why `liquidationPrice` is null because of the account mode; null whenever LiqLens recomputes it. */
  readonly computedNote: string | null;
  /**
   * The requirement the venue compares equity with, at the current mark: tier maintenance margin
   * plus the fee to close where the venue includes it (OKX; Bybit cross). Bybit isolated: at entry value.
   */
  readonly maintenanceMargin: number;
  /** The fee-to-close part of `maintenanceMargin` (0 where the venue has none). */
  readonly closingFee: number;
  /** Maintenance margin rate of the tier at the current mark, a fraction. */
  readonly maintenanceMarginRate: number;
  /** Index into the position's tiers of the tier at the current mark. */
  readonly tierIndex: number;
  /** Notional at the current mark, in the margin asset. */
  readonly notional: number;
  /** Unrealized PnL at the current mark, in the margin asset. */
  readonly unrealizedPnl: number;
  /** Margin balance that backs the position: isolated margin + PnL, or the cross pool's equity. */
  readonly marginBalance: number;
  /** Maintenance / margin balance of the position (isolated) or of the cross pool; 1 = liquidation; null when balance <= 0. */
  readonly marginRatio: number | null;
  /** The same ratio in the venue's own convention (see the account's `venueMarginRatioDefinition`). */
  readonly venueMarginRatio: number | null;
  /**
   * Fraction of the mark the price must move to reach the liquidation price: |mark − LP| / mark,
   * positive while safe, negative once the mark is past it; null without a liquidation price.
   */
  readonly distance: number | null;
  /** The mark is already at or past liquidation (equity <= requirement). */
  readonly liquidatable: boolean;
}

/** Equity, requirement and ratios of a pool of margin (the whole account, or its cross part). */
export interface MarginPool {
  /** Margin balance: wallet (and isolated margins) plus unrealized PnL, in the margin asset. */
  readonly equity: number;
  /** Sum of the positions' `maintenanceMargin`. */
  readonly maintenanceMargin: number;
  /** maintenance / equity; 1 = liquidation; null when equity <= 0. */
  readonly marginRatio: number | null;
  /** The venue's own convention of the ratio (OKX: equity / requirement). */
  readonly venueMarginRatio: number | null;
}

/** Account totals, plus the cross pool alone (the pool cross positions are liquidated against). */
export interface AccountRisk extends MarginPool {
  /** What `venueMarginRatio` means on this venue. */
  readonly venueMarginRatioDefinition: string;
  /** The cross positions' pool (wallet + cross PnL vs cross requirement), or null without cross positions. */
  readonly cross: MarginPool | null;
  /** The mode the account was evaluated in (the venue's classic mode when the input names none). */
  readonly accountMode: AccountModeId;
  /** Whether the liquidation prices are LiqLens's own (`exact`), the venue's alone, or absent in this mode. */
  readonly liquidationPriceKind: LiquidationPriceKind;
  /** What the what-if does in this mode: exact, a named approximation, or off with the reason. */
  readonly whatIf: WhatIfSupport;
  /** The venue's own account gauge from the input, passed through untouched; null when not given. */
  readonly venueGauge: AccountGauge | null;
}

/**
 * The classic (single margin asset) evaluation, before the account mode is applied: every position's
 * `computedNote` is null (the mode's evaluation sets it where the mode cannot be recomputed).
 */
export interface ClassicResult {
  readonly positions: readonly PositionRisk[];
  readonly account: Omit<AccountRisk, 'accountMode' | 'liquidationPriceKind' | 'whatIf' | 'venueGauge'>;
}

/** The result of evaluating an account. */
export interface RiskResult {
  /** One entry per input position, in input order. */
  readonly positions: readonly PositionRisk[];
  readonly account: AccountRisk;
}
