import type { SimInstrument, SimVenue, SimVenueRules } from '../market/types';
import type { SimHttpResponse, VenueRouteFactory } from '../server/venue-route';

/** A venue's documented REST limit: at most `weight` in any `windowMs`. */
export interface VenueLimit {
  readonly weight: number;
  readonly windowMs: number;
  /** Where the number comes from. */
  readonly source: string;
}

/** How the simulator mints a venue's Demo keys; null for a venue read by public address (no key). */
export interface SimVenueKeys {
  /** Short venue name inside the key text, e.g. 'bn' in `sim-key-bn-demo-binance-readonly`. */
  readonly stem: string;
  /** The passphrase every key carries, for a venue that signs with one (OKX). */
  readonly passphrase?: string;
}

/** The symbols of the default market (`defaultSymbols`), each with this venue's margin table. */
export interface SimDefaultRules {
  readonly BTCUSDT: SimVenueRules;
  readonly ETHUSDT: SimVenueRules;
}

/** How a venue answers the simulator's injected faults (server/faults.ts), in its own formats. */
export interface SimVenueFaults {
  /** The venue's per-IP REST limit that request weights count against. */
  readonly limit: VenueLimit;
  /** What one REST request costs against `limit` (Bybit and OKX count requests: 1). */
  requestWeight(path: string, query: URLSearchParams, body: string): number;
  /** The position fields naming the liquidation price (the wrong-type fault's default targets). */
  readonly liquidationPriceFields: readonly string[];
  /** The venue's own rate-limit body (what ccxt reads to raise RateLimitExceeded / DDoSProtection). */
  rateLimitBody(status: 429 | 418): unknown;
  /** The venue's "request time outside the receive window" answer (ccxt: InvalidNonce). */
  clockSkewAnswer(nowMs: number): SimHttpResponse;
}

/**
 * Everything the simulator knows about one venue, in one place: its protocol server, its Demo keys,
 * its margin tables for the default market, and its fault answers. `simVenues` in `sim-venues.ts`
 * holds one per `SimVenue`, so a new venue fails `tsc` there until its module exists.
 */
export interface SimVenueModule {
  readonly venue: SimVenue;
  /**
   * Builds the venue's REST/WebSocket server. Written as an arrow that calls the route's factory:
   * the market imports this table and the routes import the market, so a module must not read
   * the route's binding while the modules load.
   */
  readonly route: VenueRouteFactory;
  readonly keys: SimVenueKeys | null;
  readonly defaultRules: SimDefaultRules;
  /** The venue's rules for a hand-made instrument that carries only Binance-style `tiers`. */
  fallbackRules(instrument: SimInstrument): SimVenueRules;
  readonly faults: SimVenueFaults;
}

/** Rules for a hand-made instrument: its own tiers and taker fee, one base unit per contract. */
export function notionalFallbackRules(venue: SimVenue, instrument: SimInstrument): SimVenueRules {
  return { venue, tiers: instrument.tiers, contractValue: 1, takerFeeRate: instrument.takerFeeRate };
}
