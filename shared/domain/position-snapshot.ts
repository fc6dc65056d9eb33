import type { AdlRank } from './adl-rank';
import type { MarginMode } from './margin-mode';
import type { Side } from './side';
import type { Venue } from './venue';

/**
 * One open position as the venue reports it, with the app's own liquidation price beside the
 * venue's (the self-check). Prices in quote currency, amounts in the margin asset.
 */
export interface PositionSnapshot {
  readonly venue: Venue;
  /** The venue's symbol (`BTCUSDT`). */
  readonly symbol: string;
  /** The unified symbol (`BTC/USDT:USDT`). */
  readonly unifiedSymbol: string;
  readonly side: Side;
  readonly marginMode: MarginMode;
  /** Absolute size in base units (contracts × contract size). */
  readonly size: number;
  /** Absolute size in the venue's own unit (contracts on OKX; base units elsewhere). */
  readonly contracts: number;
  readonly contractSize: number;
  readonly entryPrice: number;
  readonly markPrice: number;
  readonly leverage: number | null;
  /** Unrealized PnL at the mark as the venue reports it. */
  readonly unrealizedPnl: number;
  /** The venue's reported liquidation price; null when the venue reports none (0 or empty). */
  readonly exchangeLiquidationPrice: number | null;
  /**
   * The liquidation price `shared/risk` computes from the same snapshot; null when none exists, and
   * null when the account mode keeps LiqLens from recomputing it (then `computedNote` says why).
   */
  readonly computedLiquidationPrice: number | null;
  /**
   * Why `computedLiquidationPrice` is null because of the account mode (e.g. "venue's figure;
   * LiqLens cannot recompute it in this mode"); null whenever LiqLens recomputes.
   */
  readonly computedNote: string | null;
  /** The market is isolated-only and its margin cannot be removed (Hyperliquid HIP-3 dexes). */
  readonly isolatedOnly: boolean;
  /** The venue's auto-deleveraging rank on its own scale; null when the venue publishes none. */
  readonly adlRank: AdlRank | null;
  /**
   * When the venue itself last lowered this position's risk limit (Bybit `mmrSysUpdatedTime`), Unix
   * ms; null when it has not or the venue does not say.
   */
  readonly riskLimitLoweredAtMs: number | null;
  /** When the venue itself last lowered this position's leverage (Bybit `leverageSysUpdatedTime`), Unix ms; else null. */
  readonly leverageLoweredAtMs: number | null;
  /**
   * computed − exchange, quote currency; null when either is null. A healthy self-check is within
   * one tick size.
   */
  readonly selfCheckDifference: number | null;
  /** Maintenance requirement from `shared/risk` (tier MM plus fee to close where the venue adds it). */
  readonly maintenanceMargin: number;
  /** Maintenance / margin balance (1 = liquidation), from `shared/risk`; null when balance <= 0. */
  readonly marginRatio: number | null;
  /** Smallest price increment, or null when unknown (for judging the self-check). */
  readonly tickSize: number | null;
}
