import { z } from 'zod';
import { accountVenues, addressVenues, keyVenues, type AccountVenue } from './venue';

/** Venues an account can be connected to, from the venue registry (`./venue.ts`): those with a way to connect. */
export const AccountVenueSchema = z.enum(accountVenues);
export type { AccountVenue };

/** Venues an account connects to with an API key, from the registry. */
export const KeyVenueSchema = z.enum(keyVenues);

/** Venues an account watches by public address (no key), from the registry. */
export const AddressVenueSchema = z.enum(addressVenues);
