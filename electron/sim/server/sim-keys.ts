import type { SimVenue } from '../market/types';

/** What a simulated API key may do, as the venue's permission endpoint reports it. */
export interface SimKeyPermissions {
  readonly read: boolean;
  readonly trade: boolean;
  readonly withdraw: boolean;
}

/** A simulated API key bound to one account of the market. */
export interface SimKey {
  readonly venue: SimVenue;
  readonly apiKey: string;
  readonly secret: string;
  /** OKX only. */
  readonly passphrase?: string;
  /** `SimAccount.id` this key reads. */
  readonly accountId: string;
  readonly permissions: SimKeyPermissions;
}

/** The keys a simulator run accepts. Lookup by venue and API key. */
export interface SimKeyRing {
  find(venue: SimVenue, apiKey: string): SimKey | undefined;
  all(): readonly SimKey[];
}

/** Builds a key ring from a list of keys. */
export function createSimKeyRing(keys: readonly SimKey[]): SimKeyRing {
  const byVenue = new Map(keys.map((key) => [`${key.venue}\u0000${key.apiKey}`, key]));
  return {
    find: (venue, apiKey) => byVenue.get(`${venue}\u0000${apiKey}`),
    all: () => keys,
  };
}
