import { venueRegistry, type AccountVenue } from '../../../shared/domain/venue';
import { venueProfiles } from '../exchange/venues';

/** What the market service must know of a venue's public data to page through it politely. */
export interface VenueDataLimits {
  /** Most 1m candles one request returns (Binance 1500, Bybit 1000, OKX mark/history 100, Hyperliquid 5000). */
  readonly candlePage: number;
  /** Whether the venue serves mark-price candles (Hyperliquid does not: last-trade candles stand in). */
  readonly markCandles: boolean;
  /** Open-interest history at 5-minute cadence (the finest every venue that has it serves); false on Hyperliquid. */
  readonly openInterestHistory: boolean;
  /**
   * Where the 1m taker split comes from: Binance klines carry it (`candles`); OKX publishes a 5m
   * statistic (`statistic`, spread over the minutes by volume); Bybit and Hyperliquid none (50/50).
   */
  readonly takerSplit: 'candles' | 'statistic' | 'none';
}

/** OI history cadence the service asks for, ms (5m: Binance's `/futures/data` minimum period). */
export const openInterestPeriodMs = 300_000;

/**
 * A venue's page size (from its profile, electron/core/exchange/venues/<venue>.ts) and data
 * capabilities (from the venue registry). Binance OI history arrives 30 rows a page (ccxt's default
 * when no limit is passed), so three days of 5m samples take 29 requests: well inside its
 * 1000-per-5-minutes limit on `/futures/data`.
 */
export function venueDataLimits(venue: AccountVenue): VenueDataLimits {
  const { markCandles, openInterestHistory, takerSplit } = venueRegistry[venue].capabilities;
  return { candlePage: venueProfiles[venue].candlePage, markCandles, openInterestHistory, takerSplit };
}
