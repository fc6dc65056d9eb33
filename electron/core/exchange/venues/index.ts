import type { AccountVenue } from '../../../../shared/domain/venue';
import { binanceUsdm } from './binance-usdm';
import { bybitLinear } from './bybit-linear';
import { hyperliquid } from './hyperliquid';
import { okxSwap } from './okx-swap';
import type { VenueProfile } from './venue-profile';

export type { VenueProfile } from './venue-profile';

/**
 * The profile of every venue an account can connect (the registry's `AccountVenue`s); a venue the
 * registry lists without ways to connect (Binance COIN-M) has none yet.
 */
export const venueProfiles: Readonly<Record<AccountVenue, VenueProfile>> = {
  'binance-usdm': binanceUsdm,
  'bybit-linear': bybitLinear,
  'okx-swap': okxSwap,
  hyperliquid,
};
