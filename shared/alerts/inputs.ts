import type { AccountGaugeDefinition } from '../domain/account-mode';
import type { AdlRank } from '../domain/adl-rank';
import type { RealizedLiquidation } from '../domain/liquidation';
import type { Side } from '../domain/side';
import type { Venue } from '../domain/venue';

/** Names one position of one account (hedge mode: one per symbol and side). */
export interface PositionRef {
  readonly accountId: string;
  /** The venue's symbol (`BTCUSDT`). */
  readonly symbol: string;
  readonly side: Side;
}

/**
 * One bin of the cluster model (built elsewhere): estimated liquidations of `side` positions between
 * `priceLow` and `priceHigh` (quote currency, inclusive), worth `usd`.
 */
export interface ClusterBin {
  readonly priceLow: number;
  readonly priceHigh: number;
  readonly usd: number;
  /** Side of the positions that would be liquidated in this bin. */
  readonly side: Side;
}

/**
 * Estimated liquidation volume (USD) of longs (below the price) and of shorts (above it), over the
 * window the caller chose. Ratio toward a side = that side's volume / the other side's.
 */
export interface ImbalanceInput {
  readonly longUsd: number;
  readonly shortUsd: number;
}

/**
 * What the venue itself reports on a position, read from an account snapshot (not from mark ticks):
 * the ADL rank, the unrealised PnL and the stamps of the venue's own cuts (Bybit `mmrSysUpdatedTime`,
 * `leverageSysUpdatedTime`: docs/research/venue-payloads.md §3).
 */
export interface VenueReport {
  /** The venue's ADL rank on its own scale; null where the venue publishes none. */
  readonly adlRank: AdlRank | null;
  /** Unrealised PnL at the mark as the venue reports it, quote currency (USDT ≈ USD). */
  readonly unrealizedPnl: number;
  /** The position's leverage now; null when the venue gives none. */
  readonly leverage: number | null;
  /** When the venue last lowered the position's risk limit, Unix ms; null when it has not or does not say. */
  readonly riskLimitLoweredAtMs: number | null;
  /** When the venue last lowered the position's leverage, Unix ms; null when it has not or does not say. */
  readonly leverageLoweredAtMs: number | null;
}

/**
 * A position's numbers after a mark tick or a position update (from `shared/risk`'s
 * `evaluateAccount`: see `observationsFromRisk`). The optional market context is supplied by the
 * caller; a rule whose input is absent keeps its current level (it is not cleared).
 */
export interface PositionObservation extends PositionRef {
  readonly venue: Venue;
  /** Shown in messages (`BTC/USDT`); the symbol when absent. */
  readonly displaySymbol?: string | undefined;
  /** The account's label, shown in every message ("Main HL"); the last one given (else the account id) when absent. */
  readonly accountLabel?: string | undefined;
  readonly markPrice: number;
  /** Null when no price liquidates the position. */
  readonly liquidationPrice: number | null;
  /** Maintenance / margin balance, fraction (1 = liquidation); null when the balance is <= 0 (treated as past every level). */
  readonly marginRatio: number | null;
  /**
   * Set when `marginRatio` is the venue's account gauge rescaled to 1 = liquidation rather than
   * LiqLens's own ratio (modes LiqLens cannot recompute, e.g. Bybit portfolio margin's
   * `accountMMRate`): the margin-ratio alerts then name the gauge and give its own figures.
   */
  readonly measure?: AccountGaugeDefinition | undefined;
  /** Signed fraction of the mark to the liquidation price (negative past it); null without a liquidation price. */
  readonly distance: number | null;
  /** Time of the mark tick behind these numbers, Unix ms (venue clock); copied to events as `tickTimeMs`. */
  readonly tickTimeMs: number;
  /**
   * When the data arrived, Unix ms on the clock of `evaluate`'s `nowMs` (the stale rule measures
   * `nowMs − receivedAtMs`); `tickTimeMs` when absent, which is only right without clock skew.
   */
  readonly receivedAtMs?: number | undefined;
  /** The symbol's cluster bins (any order). */
  readonly clusters?: readonly ClusterBin[] | undefined;
  readonly imbalance?: ImbalanceInput | undefined;
  /** The symbol's recent realized liquidations (at least the cascade window's worth, any order). */
  readonly liquidations?: readonly RealizedLiquidation[] | undefined;
  /**
   * The venue's own facts from an account snapshot (the ADL-front and venue-lowered rules read
   * them); absent on mark ticks, which leaves those rules as they are.
   */
  readonly venueReport?: VenueReport | undefined;
}

/**
 * The venue's own margin call for a position (Binance `MARGIN_CALL`, OKX liquidation warning),
 * normalised by the adapter.
 */
export interface MarginCallEvent extends PositionRef {
  readonly venue: Venue;
  readonly displaySymbol?: string | undefined;
  /** Event time, Unix ms on the clock of `nowMs`. */
  readonly timeMs: number;
  /** The margin ratio the venue reported (maintenance / balance), or absent. */
  readonly marginRatio?: number | undefined;
}

/**
 * A position the venue liquidated (judged by `judgeVanished`): one `liquidated` event ends its
 * alerts. Prices in quote units.
 */
export interface LiquidationInput extends PositionRef {
  readonly venue: Venue;
  readonly displaySymbol?: string | undefined;
  /** When the venue closed it (its record's time), else when the app saw it gone, Unix ms. */
  readonly timeMs: number;
  /** The venue's fill price of the forced close, else the position's last liquidation price. */
  readonly price: number;
  /** Realised loss, USD (positive = lost, negative = a gain); null when unknown. */
  readonly lossUsd: number | null;
  /** `venue`: the venue's own figure; `computed`: (entry − price) × size for a long, the opposite for a short. */
  readonly lossSource: 'venue' | 'computed';
  /** `venue`: its force-close record; `price`: the mark reached the liquidation price before it vanished. */
  readonly evidence: 'venue' | 'price';
  /** The position's last known liquidation price, or null. */
  readonly liquidationPrice: number | null;
}

/** What changed since the last `evaluate` call; every part optional (`{}` runs the time-driven rules only). */
export interface AlertInput {
  /** Positions whose numbers changed; positions not listed keep their last numbers. */
  readonly positions?: readonly PositionObservation[] | undefined;
  readonly marginCalls?: readonly MarginCallEvent[] | undefined;
  /** Positions that closed: their active levels are cleared (cleared events) and their state dropped. */
  readonly closed?: readonly PositionRef[] | undefined;
  /** Positions the venue liquidated: one `liquidated` event each, which ends their levels (no cleared events). */
  readonly liquidated?: readonly LiquidationInput[] | undefined;
}
