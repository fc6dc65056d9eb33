import type { MarginMode } from './margin-mode';
import type { Side } from './side';
import type { Tier } from './tier';

/**
 * One open position, with everything the risk engine needs to reproduce the venue's own
 * maintenance margin and liquidation price. Prices are in the quote currency (USD, USDT, USDC);
 * amounts of margin are in the margin asset (the coin for Binance COIN-M).
 */
export interface RiskPosition {
  /** The venue's symbol, e.g. `BTCUSDT`, `BTC-USDT-SWAP`, `BTC`. */
  readonly symbol: string;
  readonly side: Side;
  readonly marginMode: MarginMode;
  /**
   * Absolute size, > 0: base units on Binance USDS-M, Bybit and Hyperliquid; contracts on OKX and
   * Binance COIN-M (each worth `contractSize`).
   */
  readonly size: number;
  /** Base units (OKX `ctVal`) or USD (Binance COIN-M, e.g. 100 for BTCUSD) per contract; 1 elsewhere. */
  readonly contractSize: number;
  /** Average entry price. */
  readonly entryPrice: number;
  /** Current mark price (every venue liquidates on the mark price, not the last trade). */
  readonly markPrice: number;
  /** The position's leverage setting, or null when unknown (not every formula needs it). */
  readonly leverage: number | null;
  /**
   * Isolated positions: the margin the position holds, excluding unrealized PnL, in the margin
   * asset (Binance `isolatedWallet`, Bybit position IM plus added margin, OKX `margin`, Hyperliquid
   * `rawUsd + szi × entryPx`). 0 for cross positions.
   */
  readonly isolatedMargin: number;
  /** The asset's maximum leverage (Hyperliquid: sets the maintenance rate), or null when unknown. */
  readonly maxLeverage: number | null;
  /** Maintenance tiers, ascending by floor; at least one. */
  readonly tiers: readonly Tier[];
  /**
   * The market allows isolated margin only and margin cannot be taken out (Hyperliquid HIP-3 dexes):
   * the what-if refuses to remove margin, and closing part removes margin in proportion. Absent: false.
   */
  readonly isolatedOnly?: boolean;
  /**
   * The asset the position's PnL and margin are in (`USDT`, `USDC`), matched against the account's
   * `collateral` in multi-asset modes. Absent: the first collateral asset.
   */
  readonly settleAsset?: string;
}
