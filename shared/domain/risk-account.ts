import type { AccountGauge, AccountModeId } from './account-mode';
import type { CollateralAsset } from './collateral';
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
  /**
   * The account mode; absent means the venue's classic mode (`defaultAccountMode`), the one
   * `walletBalance` alone describes.
   */
  readonly accountMode?: AccountModeId;
  /**
   * Multi-asset modes (Binance Multi-Assets, Bybit unified cross): every collateral asset with its
   * amount, USD index and the venue's discount. When given, the account is valued in USD from these
   * and `walletBalance` is not read. Absent or empty: `walletBalance` alone, in the margin asset.
   */
  readonly collateral?: readonly CollateralAsset[];
  /**
   * Hyperliquid unified account: the spot clearinghouse's total of the quote asset (USDC) that backs
   * every cross position; it replaces the perp clearinghouse's figures, which are not meaningful in
   * this mode. Absent in other modes.
   */
  readonly spotQuoteTotal?: number;
  /**
   * The venue's own account gauge as read (Binance `uniMMR`, Bybit `accountMMRate`, OKX `mgnRatio`),
   * passed through the engine untouched: in the modes LiqLens cannot recompute it is the truth.
   */
  readonly venueGauge?: AccountGauge | null;
}
