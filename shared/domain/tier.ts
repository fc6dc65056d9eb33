/**
 * One maintenance-margin tier (Binance "bracket", Bybit "risk limit", OKX "position tier",
 * Hyperliquid "margin tier").
 *
 * The range `[floor, cap)` is a position notional in the margin asset (USDT/USDC; the coin for
 * Binance COIN-M), except on OKX where it is a position size in contracts and both ends are
 * inclusive (e.g. 1–500, 501–1,000). `cap` is null for the last tier.
 */
export interface Tier {
  /** Lower end of the tier: notional in the margin asset, or contracts on OKX. */
  readonly floor: number;
  /** Upper end of the tier, or null for the last one. */
  readonly cap: number | null;
  /** Maintenance margin rate of the tier, a fraction (0.005 = 0.5 %). */
  readonly maintenanceMarginRate: number;
  /**
   * Amount subtracted from `notional × maintenanceMarginRate`, in the margin asset, as the venue
   * publishes it (Binance `cum`, Bybit `mmDeduction`, Hyperliquid maintenance deduction; 0 on OKX).
   */
  readonly deduction: number;
  /** Highest leverage the venue allows within this tier, or null when unknown. */
  readonly maxLeverage: number | null;
}
