import type { Venue } from '../../../../shared/domain/venue';

/** The ccxt classes LiqLens uses (ccxt.pro for streams, the same class for REST). */
export type CcxtId = 'binanceusdm' | 'bybit' | 'okx' | 'hyperliquid';

/** Which permission endpoint a venue has, and so which parser in map-ccxt.ts reads it. */
export type PermissionSource = 'binance-api-restrictions' | 'bybit-query-api' | 'okx-account-config' | 'public-address';

/**
 * One venue's differences, as data: the generic adapter (adapter.ts) reads only this. Every field
 * cites where the difference comes from in the venue file that defines it.
 */
export interface VenueProfile {
  readonly venue: Venue;
  /** Shown to users in messages, e.g. "Binance USDⓈ-M". */
  readonly label: string;
  readonly ccxtId: CcxtId;
  /** `key`: apiKey + secret; `key-passphrase`: plus OKX's passphrase; `address`: a public wallet address. */
  readonly credentials: 'key' | 'key-passphrase' | 'address';
  /** ccxt `urls.api` string keys to replace, each mapped to a path under the configured base URL. */
  readonly restUrlKeys: Readonly<Record<string, string>>;
  /** Where the public WebSocket url lives in `urls.api` (e.g. ['ws', 'future']) and its path under the base. */
  readonly wsUrl: { readonly key: readonly string[]; readonly path: string };
  /** Options merged into the ccxt constructor (market types to load, rate-limit tweaks). */
  readonly options: Readonly<Record<string, unknown>>;
  /** ccxt `has` flags switched off (fetchCurrencies makes private calls the app does not need). */
  readonly hasOff: readonly string[];
  /** Tiers: ccxt's market tiers (raw `info` read in map-ccxt.ts), or Hyperliquid's raw margin tables. */
  readonly tiers:
    | { readonly source: 'ccxt-market-tiers'; readonly params: Readonly<Record<string, unknown>> }
    | { readonly source: 'hyperliquid-margin-tables'; readonly rawMethod: string };
  /** Extra params for fetchPositions / fetchBalance (e.g. Bybit settleCoin, Hyperliquid user). */
  readonly positionsParams: Readonly<Record<string, unknown>>;
  readonly balanceParams: Readonly<Record<string, unknown>>;
  /** Mark stream: the ccxt.pro method, and after how long without a message it is stale (ms). */
  readonly markStream: { readonly method: 'watchMarkPrice' | 'watchTicker'; readonly staleAfterMs: number };
  /**
   * Realized-liquidation stream, or null where the venue has no public feed. `sideMeans`: whether
   * ccxt's `side` is the liquidation ORDER's side (a sell closes a long) or the POSITION's side.
   */
  readonly liquidationStream: {
    readonly method: 'watchLiquidations' | 'watchLiquidationsForSymbols';
    readonly sideMeans: 'order' | 'position';
  } | null;
  /** Candles: whether mark-price candles exist, and a raw kline endpoint carrying taker-buy volume. */
  readonly candles: {
    readonly mark: boolean;
    readonly rawTakerKlines: { readonly last: string; readonly takerBuyColumn: number } | null;
  };
  /** Open-interest history through ccxt `fetchOpenInterestHistory`, or unsupported. */
  readonly openInterestHistory: boolean;
  /**
   * What every open-interest row of the venue carries: the amount (base or contracts), the USD value,
   * or both. A row lacking one of them is malformed and dropped, never stored half-empty.
   */
  readonly openInterestFields: 'amount' | 'value' | 'both';
  /**
   * Taker buy/sell statistic (raw endpoint, its fixed params), or null. Periods the statistic lacks
   * fall back to candles' taker-buy volume where `candles.rawTakerKlines` exists.
   */
  readonly takerVolume: {
    readonly source: 'binance-taker-ratio' | 'okx-taker-volume';
    readonly rawMethod: string;
    readonly params: Readonly<Record<string, string>>;
  } | null;
  /** Permission endpoint (implicit ccxt method name) and its parser. */
  readonly permissions: { readonly source: PermissionSource; readonly rawMethod: string | null };
  /** Timeframe → the venue's period string for raw statistics endpoints. */
  readonly statPeriods: Readonly<Record<string, string>>;
}

/** Strips a trailing slash so paths join cleanly. */
export function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

/** The WebSocket form of an http(s) base URL (http→ws, https→wss). */
export function wsBaseOf(baseUrl: string): string {
  return trimBase(baseUrl).replace(/^http/, 'ws');
}
