import type { Venue } from '../../../../shared/domain/venue';
import { binanceUsdm } from './binance-usdm';
import { bybitLinear } from './bybit-linear';
import { hyperliquid } from './hyperliquid';
import { okxSwap } from './okx-swap';
import type { VenueProfile } from './venue-profile';

export type { VenueProfile } from './venue-profile';

/**
 * The profile of each venue the gateway supports, or undefined (Binance COIN-M: not yet; its
 * inverse contracts need coin-margined balances and USD-face contract sizes).
 */
export const venueProfiles: Readonly<Partial<Record<Venue, VenueProfile>>> = {
  'binance-usdm': binanceUsdm,
  'bybit-linear': bybitLinear,
  'okx-swap': okxSwap,
  hyperliquid,
};
