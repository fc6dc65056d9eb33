import type { PositionSnapshot } from './position-snapshot';
import type { RiskAccount } from './risk-account';

/**
 * One read of an account: the positions, the risk-engine input built from them, and the totals.
 * Amounts in the margin asset.
 */
export interface AccountSnapshot {
  /** The input `shared/risk` evaluates (tiers included), as read from the venue. */
  readonly risk: RiskAccount;
  /** One entry per open position, in the venue's order. */
  readonly positions: readonly PositionSnapshot[];
  readonly account: {
    /** Margin balance: wallet plus isolated margins plus unrealized PnL (from `shared/risk`). */
    readonly equity: number;
    /** Sum of the positions' maintenance requirements (from `shared/risk`). */
    readonly maintenanceMargin: number;
    /** maintenance / equity, 1 = liquidation; null when equity <= 0. */
    readonly marginRatio: number | null;
  };
  /** When the read completed, Unix milliseconds (local clock). */
  readonly fetchedAtMs: number;
}
