import type { MarketInfo } from '../../../../shared/domain/market-info';
import type { TakerVolumePoint } from '../../../../shared/domain/open-interest';
import type { PermissionReport } from '../../../../shared/domain/permission-report';
import type { Side } from '../../../../shared/domain/side';
import type { Tier } from '../../../../shared/domain/tier';
import type { AccountVenue } from '../../../../shared/domain/venue';
import type { Row } from '../raw';
import type { ModeSource } from './mode-source';

/** The ccxt classes LiqLens uses (ccxt.pro for streams, the same class for REST); ccxt-modules.ts loads each. */
export const ccxtIds = ['binanceusdm', 'bybit', 'okx', 'hyperliquid'] as const;
export type CcxtId = (typeof ccxtIds)[number];

/** A position row's raw `info` fields read the venue's way; map-ccxt.ts checks and shapes them. */
export interface RawPosition {
  /** Size with its sign (negative = short), in the venue's unit (contracts on OKX, base elsewhere). */
  readonly signedSize: number | null;
  /** The venue's own leg name where it names one ("LONG"/"SHORT" on Binance), else ''. */
  readonly sideHint: string;
  readonly entry: number | null;
  readonly mark: number | null;
  readonly pnl: number | null;
  /** As sent: a number, a decimal string, "" / "0" / null for none; anything else is a broken payload. */
  readonly liquidation: unknown;
  readonly isolated: boolean;
  /** Isolated margin excluding PnL; 0 for cross. */
  readonly isolatedMargin: number;
  readonly leverage: number | null;
  /** Filed under a hedge-mode leg. */
  readonly hedgeLeg: boolean;
  /** The venue's ADL rank on its own scale where the position row carries it (Bybit, OKX); else null. */
  readonly adl: number | null;
  /** When the venue itself last lowered the risk limit (Bybit `mmrSysUpdatedTime`), Unix ms; else null. */
  readonly riskLimitLoweredAtMs: number | null;
  /** When the venue itself last lowered the leverage (Bybit `leverageSysUpdatedTime`), Unix ms; else null. */
  readonly leverageLoweredAtMs: number | null;
}

/** What a wallet reader may subtract: isolated margins and cross PnL of the mapped positions. */
export interface HeldAmounts {
  readonly isolatedMargins: number;
  readonly crossPnl: number;
  readonly isolatedPnl: number;
}

/** What a venue's force-close row says beyond ccxt's unified fields: the closed position's side and the venue's loss. */
export interface RawForceClose {
  /** Side of the position that was force-closed; null when the row does not say. */
  readonly side: Side | null;
  /** The venue's realised loss of the close, USD (positive = lost), or null where it gives none. */
  readonly lossUsd: number | null;
}

/** One force-close record read from a raw endpoint: what ccxt's unified rows would carry, in the venue's words. */
export interface RawForceCloseRecord extends RawForceClose {
  /** The venue's symbol, e.g. `BTC-USDT-SWAP`. */
  readonly symbol: string;
  /** Average fill price, quote currency; null when the row has none. */
  readonly price: number | null;
  /** Size closed in the venue's unit (contracts where `sizesInContracts`); null when the row has none. */
  readonly size: number | null;
  /** Fill time, Unix ms; null when the row has none. */
  readonly timeMs: number | null;
}

/**
 * Force-close records read through one of ccxt's implicit raw endpoints, where ccxt has no unified
 * call listing them (OKX): the requests that list them since a venue time, and the reader of one answer.
 */
export interface RawForceCloseSource {
  readonly method: 'raw';
  /** The implicit ccxt method name, e.g. `privateGetTradeOrdersHistory`. */
  readonly rawMethod: string;
  /** The requests listing the records since `sinceMs` (venue time, ms), one per kind of record the endpoint splits them in. */
  readonly requests: (sinceMs: number) => readonly Readonly<Record<string, unknown>>[];
  /** One answer's force closes; rows that are none, or unreadable, are dropped. */
  readonly read: (answer: unknown) => RawForceCloseRecord[];
}

/** A ccxt tier row's bounds (notional, or contracts on OKX) and maintenance deduction; the rate is read generically. */
export interface TierBounds {
  readonly floor: number | null;
  readonly cap: number | null;
  readonly deduction: number | null;
}

/**
 * Position books a venue keeps apart from its main one, each read with its own params (Hyperliquid:
 * one clearinghouse per HIP-3 dex, read with `{ dex }`).
 */
export interface PositionBooks {
  /** The books the loaded markets name, e.g. the HIP-3 dexes; empty when there are none. */
  readonly names: (markets: readonly MarketInfo[]) => readonly string[];
  /** The params, added to `positionsParams`, that read one book. */
  readonly params: (name: string) => Readonly<Record<string, unknown>>;
}

/**
 * One venue's differences, as data: the generic adapter (adapter.ts) and map-ccxt.ts read only
 * this. Names, credentials and capabilities live in the registry (shared/domain/venue.ts). Every
 * field cites where the difference comes from in the venue file that defines it.
 */
export interface VenueProfile {
  readonly venue: AccountVenue;
  readonly ccxtId: CcxtId;
  /** Raw readers of the venue's answers (docs/research/liquidation-formulas.md §1.5, §2.6, §3.4, §4.4). */
  readonly read: {
    /** The venue symbol of a ccxt market (its `id` on most venues). */
    readonly symbol: (market: Row) => string;
    /** A position's raw `info`. */
    readonly position: (info: Row) => RawPosition;
    /**
     * The cross wallet balance excluding PnL and isolated margins from `fetchBalance().info` (an
     * object, or a list on Binance papi); null when missing.
     */
    readonly crossWallet: (info: unknown, held: HeldAmounts) => number | null;
    /**
     * Whether a ccxt market allows isolated margin only, its margin never removed but by closing
     * (Hyperliquid HIP-3); absent: no such market on the venue.
     */
    readonly isolatedOnly?: (market: Row) => boolean;
  };
  /** How the account mode, the venue's gauge and ADL ranks are read (docs/research/account-modes.md). */
  readonly modes: ModeSource;
  /** Position sizes in contracts of `contractSize` base units (OKX) rather than in base units. */
  readonly sizesInContracts: boolean;
  /** Most 1m candles one request returns (the venue's documented page size). */
  readonly candlePage: number;
  /** ccxt `urls.api` string keys to replace, each mapped to a path under the configured base URL. */
  readonly restUrlKeys: Readonly<Record<string, string>>;
  /** Where the public WebSocket url lives in `urls.api` (e.g. ['ws', 'future']) and its path under the base. */
  readonly wsUrl: { readonly key: readonly string[]; readonly path: string };
  /** Options merged into the ccxt constructor (market types to load, rate-limit tweaks). */
  readonly options: Readonly<Record<string, unknown>>;
  /** ccxt `has` flags switched off (fetchCurrencies makes private calls the app does not need). */
  readonly hasOff: readonly string[];
  /**
   * Tiers: ccxt's market tiers with the venue's reader of each row's bounds and deduction, or a raw
   * endpoint (Hyperliquid's `meta` margin tables) with its reader for one coin (null: not listed).
   */
  readonly tiers:
    | {
        readonly source: 'ccxt-market-tiers';
        readonly params: Readonly<Record<string, unknown>>;
        readonly read: (row: Row, info: Row) => TierBounds;
      }
    | {
        readonly source: 'raw-margin-tables';
        readonly rawMethod: string;
        /** The request for one venue symbol's tables (Hyperliquid names a HIP-3 coin's dex). */
        readonly params: (symbol: string) => Readonly<Record<string, unknown>>;
        readonly read: (raw: unknown, coin: string) => { readonly tiers: Tier[]; readonly maxLeverage: number } | null;
      };
  /** Extra params for fetchPositions / fetchBalance (e.g. Bybit settleCoin, Hyperliquid user). */
  readonly positionsParams: Readonly<Record<string, unknown>>;
  /** Books read beside the main one on every account refresh (Hyperliquid HIP-3 dexes); null: one book. */
  readonly positionBooks: PositionBooks | null;
  readonly balanceParams: Readonly<Record<string, unknown>>;
  /** Mark stream: the ccxt.pro method, and after how long without a message it is stale (ms). */
  readonly markStream: { readonly method: 'watchMarkPrice' | 'watchTicker'; readonly staleAfterMs: number };
  /**
   * Realized-liquidation stream's ccxt.pro method, or null where the venue has no public feed. What
   * its `side` names (order or position) is the registry's `liquidationSide`.
   */
  readonly liquidationStream: { readonly method: 'watchLiquidations' | 'watchLiquidationsForSymbols' } | null;
  /**
   * A raw kline endpoint carrying taker-buy volume, or null. Whether mark-price candles exist is the
   * registry's `markCandles` capability.
   */
  readonly candles: {
    readonly rawTakerKlines: { readonly last: string; readonly takerBuyColumn: number } | null;
  };
  /**
   * What every open-interest row of the venue carries: the amount (base or contracts), the USD value,
   * or both. A row lacking one of them is malformed and dropped, never stored half-empty.
   */
  readonly openInterestFields: 'amount' | 'value' | 'both';
  /**
   * Taker buy/sell statistic (raw endpoint, its request and the reader of its answer), or null. Periods the statistic lacks
   * fall back to candles' taker-buy volume where `candles.rawTakerKlines` exists.
   */
  readonly takerVolume: {
    readonly rawMethod: string;
    /** The request's parameters for a venue symbol, the venue's period string and an optional start (ms). */
    readonly query: (venueSymbol: string, period: string, sinceMs: number | undefined) => Record<string, unknown>;
    /** The endpoint's answer as points; malformed rows dropped. */
    readonly read: (answer: unknown) => TakerVolumePoint[];
  } | null;
  /**
   * Taker flow from the venue's recent public trades (ccxt `fetchTrades`, the taker's side on each),
   * where neither candles nor a statistic carry a taker split: at most `limit` newest trades, so the
   * flow reaches back only as far as they do. Null where the venue is read otherwise.
   */
  readonly takerTrades: { readonly limit: number } | null;
  /**
   * The account's own force-close records: the ccxt method listing them (its liquidations, or its
   * fills of which some are liquidations) and the reader of one row's raw `info` (null: not a
   * force close), or a raw endpoint where ccxt has no such method (OKX); null where the app reads
   * none (docs/research/liquidation-events.md §2).
   */
  readonly forceCloses:
    | {
        readonly method: 'fetchMyLiquidations' | 'fetchMyTrades';
        readonly read: (info: Row) => RawForceClose | null;
      }
    | RawForceCloseSource
    | null;
  /**
   * The account's own taker fee rate per symbol, read on every account refresh where ccxt's market fee
   * is only a default: Bybit's linear markets carry no fee, and ccxt 4.5.84 then says 0.0006, while
   * the fee to close in Bybit's cross requirement is the account's rate (docs/research/account-modes.md
   * §3). Null: the market's fee is used.
   */
  readonly accountFees: {
    readonly rawMethod: string;
    readonly params: Readonly<Record<string, unknown>>;
    /** The taker rate of `symbol` (the venue symbol), a fraction; null when the answer lacks it. */
    readonly read: (answer: unknown, symbol: string) => number | null;
  } | null;
  /**
   * Raw reads whose answers change rarely and are kept between account refreshes: implicit ccxt
   * method name → how long an answer holds, ms. Forgotten after a failed read, so a reconnect asks
   * again. Empty: every refresh asks the venue.
   */
  readonly cachedReads: Readonly<Record<string, number>>;
  /**
   * Permission endpoint (implicit ccxt method name; null: nothing to ask, as for a public address)
   * and the reader of its answer (null when `rawMethod` is null).
   */
  readonly permissions: { readonly rawMethod: string | null; readonly read: (answer: unknown) => PermissionReport };
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

/** The side of the position an order of `orderSide` ("SELL", "Buy", ...) closes: a sell closes a long. */
export function sideClosedBy(orderSide: string): Side | null {
  const side = orderSide.toLowerCase();
  return side === 'sell' ? 'long' : side === 'buy' ? 'short' : null;
}
