import type { AccountModeId } from '../../../shared/domain/account-mode';
import type { SimAccountModes, SimInstrument, SimVenue, SimVenueRules } from '../market/types';
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

/** How a venue margins and liquidates an account in one mode (docs/research/venue-payloads.md §1). */
export interface SimModeRules {
  /** Whether the mode trades perpetuals at all (OKX spot mode does not). */
  readonly perpetuals: boolean;
  /** The position margin modes the account mode allows. */
  readonly marginModes: readonly ('isolated' | 'cross')[];
  /** Whether assets besides the settle currency count as margin (at their collateral ratio). */
  readonly multiCollateral: boolean;
  /**
   * Whether assets besides the settle currency may be held beside the perpetuals without counting as
   * margin (Hyperliquid unified: spot tokens are in the account's equity, only the quote token backs
   * the positions). Implied by `multiCollateral`.
   */
  readonly spotHoldings: boolean;
  /** Liquidation when account equity <= threshold × cross requirement (Binance PM: uniMMR <= 1.05). */
  readonly liquidationThreshold: number;
  /** Whether positions carry a liquidation price: 'none' where the venue sends none (Bybit PM). */
  readonly liquidationPrice: 'reported' | 'none';
}

/**
 * Everything the simulator knows about one venue, in one place: its protocol server, its Demo keys,
 * its margin tables for the default market, and its fault answers. `simVenues` in `sim-venues.ts`
 * holds one per `SimVenue`, so a new venue fails `tsc` there until its module exists.
 */
export interface SimVenueModule<V extends SimVenue = SimVenue> {
  readonly venue: V;
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
  /** Each account mode the venue offers and how it margins. */
  readonly modes: Readonly<Record<SimAccountModes[V], SimModeRules>>;
  /** The app's name for each mode (`shared/domain/account-mode.ts`), so tests can say which mode the core must read. */
  readonly accountModeIds: Readonly<Record<SimAccountModes[V], AccountModeId>>;
  /** The mode of an account whose spec names none, from its positions' margin modes. */
  defaultMode(marginModes: readonly ('isolated' | 'cross')[]): SimAccountModes[V];
  /**
   * Collateral ratio per asset in multi-collateral modes (1 − haircut), fraction; an asset not
   * listed is not collateral on the venue. Values are the simulator's own, shaped like the venue's.
   */
  readonly collateralRatios: Readonly<Record<string, number>>;
}

/** One mode whose every position is cross or isolated at will, margined in the settle currency only. */
export const settleCurrencyMode: SimModeRules = {
  perpetuals: true,
  marginModes: ['isolated', 'cross'],
  multiCollateral: false,
  spotHoldings: false,
  liquidationThreshold: 1,
  liquidationPrice: 'reported',
};

/** Rules for a hand-made instrument: its own tiers and taker fee, one base unit per contract. */
export function notionalFallbackRules(venue: SimVenue, instrument: SimInstrument): SimVenueRules {
  return { venue, tiers: instrument.tiers, contractValue: 1, takerFeeRate: instrument.takerFeeRate };
}
