import { z } from 'zod';

/** Venues an account can be connected to (Binance COIN-M is priced by the risk engine but not connected yet). */
export const AccountVenueSchema = z.enum(['binance-usdm', 'bybit-linear', 'okx-swap', 'hyperliquid']);
/** A venue an account can be connected to: one of `AccountVenueSchema`'s values. */
export type AccountVenue = z.infer<typeof AccountVenueSchema>;
