/**
 * How a venue values one collateral asset in a multi-asset account mode.
 *
 * - `bid-ask`: Binance Multi-Assets. The asset's USD index is widened by a bid and an ask buffer:
 *   bid rate = index × (1 − bidBuffer), ask rate = index × (1 + askBuffer); equity counts
 *   min(equity × bid rate, equity × ask rate), maintenance converts at the ask rate.
 * - `tiered`: Bybit unified. The amount held is cut into quantity tiers, each counted at its
 *   collateral value ratio (a fraction: 0.95 counts 95 % of the tier's value).
 */
export type CollateralValuation =
  | { readonly kind: 'bid-ask'; readonly bidBuffer: number; readonly askBuffer: number }
  | { readonly kind: 'tiered'; readonly tiers: readonly CollateralRatioTier[] };

/** One tier of a collateral value ratio: amounts `[floor, cap)` of the asset, in its own units. */
export interface CollateralRatioTier {
  /** Lower end, in units of the asset (e.g. BTC). */
  readonly floor: number;
  /** Upper end in units of the asset, or null for the last tier. */
  readonly cap: number | null;
  /** Share of the tier's USD value that counts as collateral, a fraction from 0 to 1. */
  readonly ratio: number;
}

/**
 * One collateral asset of a multi-asset account (Binance Multi-Assets, Bybit unified cross): the
 * amount held, its USD index price, and how the venue discounts it.
 */
export interface CollateralAsset {
  /** The asset's code, e.g. `USDT`, `USDC`, `BTC`. */
  readonly asset: string;
  /**
   * Wallet balance of the asset in its own units, excluding the unrealized PnL of positions settled
   * in it (the engine adds that). Negative when the asset is owed (a settled loss not yet covered).
   */
  readonly amount: number;
  /** The venue's USD index price of the asset (USDT about 1; BTC its index), > 0. */
  readonly indexPriceUsd: number;
  readonly valuation: CollateralValuation;
}
