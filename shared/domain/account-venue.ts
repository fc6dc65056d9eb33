import { z } from 'zod';
import { accountVenues, type AccountVenue } from './venue';

/** Venues an account can be connected to, from the venue registry (`./venue.ts`): those with a way to connect. */
export const AccountVenueSchema = z.enum(accountVenues);
export type { AccountVenue };
