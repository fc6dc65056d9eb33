import { productionSource, type MarketKey } from '../../../shared/domain/market-source';
import type { GatewayConfig, KeyCredentials } from '../exchange/gateway';

/** Where a market's source is read, and a key that may read what the venue serves only to keys. */
export interface VenueAccess {
  /** Base URL of the source (testnet, a simulator, the Demo); absent = production. */
  readonly baseUrl?: string;
  /** A read-only key of an account on that very source; used only inside the core (Binance tiers). */
  readonly credentials?: KeyCredentials;
}

/** Finds how a market's source is reached: from the accounts reading it, or null when none does. */
export type ResolveSource = (market: Pick<MarketKey, 'venue' | 'source'>) => VenueAccess | null;

const isKey = (credentials: GatewayConfig['credentials']): credentials is KeyCredentials =>
  credentials !== null && 'apiKey' in credentials;

/**
 * How to read a source, from the connections of the accounts that read it (all of one venue and
 * one source, hence one base URL): the base URL they share and the key of the first that has one.
 * With no account there, only production can be read (no key); any other source gives null, so a
 * market id coming from the renderer can never make the core connect somewhere no account points.
 */
export function chooseAccess(source: string, connections: readonly GatewayConfig[]): VenueAccess | null {
  const chosen = connections.find((config) => isKey(config.credentials)) ?? connections[0];
  if (chosen === undefined) return source === productionSource ? {} : null;
  return {
    ...(chosen.baseUrl === undefined ? {} : { baseUrl: chosen.baseUrl }),
    ...(isKey(chosen.credentials) ? { credentials: chosen.credentials } : {}),
  };
}
