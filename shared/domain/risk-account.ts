import type { PositionMode } from './position-mode';
import type { RiskPosition } from './risk-position';
import type { Venue } from './venue';

/**
 * One margin account on one venue, in one margin asset: the input of the risk engine.
 */
export interface RiskAccount {
  readonly venue: Venue;
  readonly positionMode: PositionMode;
  /**
   * Cross wallet balance in the margin asset, excluding unrealized PnL and excluding isolated
   * positions' margin (Binance `crossWalletBalance`; Hyperliquid cross account value minus
   * unrealized PnL); 0 when there is none.
   */
  readonly walletBalance: number;
  /**
   * Taker fee rate, a fraction (0.0005 = 0.05 %), for venues whose liquidation requirement includes
   * the fee to close (OKX; Bybit cross). 0 when unknown.
   */
  readonly takerFeeRate: number;
  readonly positions: readonly RiskPosition[];
}
