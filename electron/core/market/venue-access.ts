import type { AccountVenue } from '../../../shared/domain/account-venue';
import type { ExchangeGateway, GatewayConfig, KeyCredentials } from '../exchange/gateway';

/** Where a venue's public data is read, and a key that may read what the venue serves only to keys. */
export interface VenueAccess {
  /** Base URL of the venue (testnet, the simulator); absent = production. */
  readonly baseUrl?: string;
  /** A read-only key of an account on the venue; used only inside the core (Binance tiers). */
  readonly credentials?: KeyCredentials;
}

/** Learns, from the gateways the accounts service opens, where each venue is and which key reads it. */
export interface VenueDirectory {
  /** Wraps a gateway factory so every gateway it makes is noted until closed. */
  observe(createGateway: (config: GatewayConfig) => ExchangeGateway): (config: GatewayConfig) => ExchangeGateway;
  /**
   * Where to read `venue`: the oldest open account gateway with a key on it, else any open one on
   * it, else production. Demo accounts point at the in-process simulator.
   */
  resolve(venue: AccountVenue): VenueAccess;
}

const isKey = (credentials: GatewayConfig['credentials']): credentials is KeyCredentials =>
  credentials !== null && 'apiKey' in credentials;

/**
 * Creates a directory. It watches gateway configs rather than asking the accounts service, so the
 * accounts service needs no new API and keys never leave the core's gateways.
 */
export function createVenueDirectory(): VenueDirectory {
  const open: GatewayConfig[] = [];
  return {
    observe(createGateway) {
      return (config) => {
        const gateway = createGateway(config);
        open.push(config);
        const close = gateway.close.bind(gateway);
        return {
          ...gateway,
          close: async () => {
            const at = open.indexOf(config);
            if (at >= 0) open.splice(at, 1);
            await close();
          },
        };
      };
    },
    resolve(venue) {
      const candidates = open.filter((config) => config.venue === venue);
      const chosen = candidates.find((config) => isKey(config.credentials)) ?? candidates[0];
      if (chosen === undefined) return {};
      return {
        ...(chosen.baseUrl === undefined ? {} : { baseUrl: chosen.baseUrl }),
        ...(isKey(chosen.credentials) ? { credentials: chosen.credentials } : {}),
      };
    },
  };
}
