import type { AccountGauge, AccountModeId } from './account-mode';
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
    /**
     * Margin balance: wallet plus isolated margins plus unrealized PnL (from `shared/risk`); in a
     * Hyperliquid unified account also its spot tokens besides USDC at their spot prices, which the
     * venue counts in the account's value but not behind the perpetuals (the margin ratio leaves them out).
     */
    readonly equity: number;
    /** Sum of the positions' maintenance requirements (from `shared/risk`). */
    readonly maintenanceMargin: number;
    /** maintenance / equity, 1 = liquidation; null when equity <= 0. */
    readonly marginRatio: number | null;
  };
  /** The account mode the venue reported (the classic mode of the venue when it reports none). */
  readonly accountMode: AccountModeId;
  /**
   * The venue's own account gauge (Binance `uniMMR`, Bybit `accountMMRate`, OKX `mgnRatio`) as read,
   * with the level at which it liquidates; null when the mode has none or the venue did not give it.
   */
  readonly venueGauge: AccountGauge | null;
  /** When the read completed, Unix milliseconds (local clock). */
  readonly fetchedAtMs: number;
}
