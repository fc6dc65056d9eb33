/** Open positions as the renderer sees them: the exchange's numbers, the app's own, and the inputs for what-if. */
import type { LiquidationSideNearest } from '../../clusters';
import type { AccountVenue } from '../../domain/account-venue';
import type { AdlRank } from '../../domain/adl-rank';
import type { Freshness } from '../../domain/freshness';
import type { RiskAccount } from '../../domain/risk-account';

/**
 * The nearest large cluster of other traders' liquidations on a position's liquidation side (longs
 * below a long, shorts above a short), from the cluster model of the position's market: still
 * loading, unavailable (with the reason), none in range, or found.
 */
export type LiquidationSideCluster =
  | { readonly state: 'loading' }
  | { readonly state: 'unavailable'; readonly reason: string }
  | { readonly state: 'none' }
  | ({ readonly state: 'found' } & LiquidationSideNearest);

/** One open position with the exchange's numbers, the app's own, and the self-check between them. */
export interface PositionView {
  readonly accountId: string;
  readonly venue: AccountVenue;
  /** Where the account reads the venue (`sourceIdOf` in shared/domain/market-source): the position's market is (venue, source, symbol). */
  readonly source: string;
  /** The venue's symbol, e.g. BTCUSDT or BTC-USDT-SWAP. */
  readonly symbol: string;
  /** A venue-neutral name such as BTC/USDT. */
  readonly displaySymbol: string;
  readonly side: 'long' | 'short';
  readonly marginMode: 'isolated' | 'cross';
  /** Base units. */
  readonly sizeBase: number;
  readonly entryPrice: number;
  readonly markPrice: number;
  readonly leverage: number | null;
  /** The exchange's own liquidation price (the truth for a live position). */
  readonly exchangeLiquidationPrice: number | null;
  /** The app's own liquidation price from shared/risk; null where the account mode keeps it from recomputing. */
  readonly computedLiquidationPrice: number | null;
  /**
   * Why there is no computed price in this account mode (e.g. "venue's figure; LiqLens cannot
   * recompute it in this mode"): the self-check shows this instead of a mismatch. Null when recomputed.
   */
  readonly computedNote: string | null;
  /** The venue's auto-deleveraging rank on its own scale; null where the venue publishes none. */
  readonly adlRank: AdlRank | null;
  /** When the venue itself last lowered the risk limit (Bybit `mmrSysUpdatedTime`), Unix ms; else null. */
  readonly riskLimitLoweredAtMs: number | null;
  /** When the venue itself last lowered the leverage (Bybit `leverageSysUpdatedTime`), Unix ms; else null. */
  readonly leverageLoweredAtMs: number | null;
  /** computed − exchange, in price units; null when either is missing. */
  readonly selfCheckDifference: number | null;
  /** True when the difference is within one price tick. */
  readonly selfCheckOk: boolean | null;
  readonly tickSize: number;
  readonly maintenanceMargin: number;
  readonly marginRatio: number | null;
  /** Signed fraction of the mark to the liquidation price (negative once past it). */
  readonly distance: number | null;
  readonly unrealizedPnl: number;
  /** When the snapshot behind this row arrived, Unix ms (the core's clock). */
  readonly updatedAtMs: number;
  /** True unless `freshness` is live (kept for readers of the old flag). */
  readonly stale: boolean;
  /** Where the row's data stands (its account's snapshot): the core's one answer, shown as is. */
  readonly freshness: Freshness;
  readonly liquidationSideCluster: LiquidationSideCluster;
}

/** An account's positions with the exact inputs the risk engine needs, so what-if runs in the renderer. */
export interface AccountPositions {
  readonly accountId: string;
  readonly positions: readonly PositionView[];
  /** The risk engine's input for this account (no secrets). */
  readonly risk: RiskAccount | null;
}
