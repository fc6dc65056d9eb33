import type { AccountSnapshot } from '../../../shared/domain/account-snapshot';
import type { Candle } from '../../../shared/domain/candle';
import type { ForceClose } from '../../../shared/domain/force-close';
import type { FundingSnapshot, LongShortPoint } from '../../../shared/domain/market-feeds';
import type { RealizedLiquidation } from '../../../shared/domain/liquidation';
import type { MarketInfo } from '../../../shared/domain/market-info';
import type { OpenInterestPoint, TakerVolumePoint } from '../../../shared/domain/open-interest';
import type { PermissionReport } from '../../../shared/domain/permission-report';
import type { MarkTick, StreamState } from '../../../shared/domain/stream-state';
import type { Tier } from '../../../shared/domain/tier';
import type { Timeframe } from '../../../shared/domain/timeframe';
import { venueName, type Venue } from '../../../shared/domain/venue';
import { GatewayError } from './gateway-error';

export type {
  AccountSnapshot,
  Candle,
  ForceClose,
  MarketInfo,
  MarkTick,
  OpenInterestPoint,
  PermissionReport,
  RealizedLiquidation,
  StreamState,
  TakerVolumePoint,
  Tier,
  Timeframe,
  Venue,
};

/** API key credentials (Binance, Bybit, OKX; OKX also needs the passphrase as `password`). */
export interface KeyCredentials {
  readonly apiKey: string;
  readonly secret: string;
  readonly password?: string;
}

/** A public wallet address (Hyperliquid reads accounts by address, no key). */
export interface AddressCredentials {
  readonly address: string;
}

/** How to reach one venue. */
export interface GatewayConfig {
  readonly venue: Venue;
  /**
   * Replaces every host of the venue (REST and WebSocket; production, testnet or simulator), e.g.
   * `http://127.0.0.1:8080/binance`. The WebSocket URL is derived (http→ws, https→wss). Omit for
   * production.
   */
  readonly baseUrl?: string;
  /** null: public data only (account calls reject with an auth error). */
  readonly credentials: KeyCredentials | AddressCredentials | null;
  /** Per request timeout in milliseconds; default 10 000. */
  readonly timeoutMs?: number;
}

/** Callback for stream health changes. */
export type StreamStateListener = (state: StreamState) => void;

/**
 * The exchange as the rest of the core sees it: strict domain types, errors mapped to
 * `GatewayError` (see errors.ts), no ccxt types. Every method may reject with a `GatewayError`.
 */
export interface ExchangeGateway {
  readonly venue: Venue;
  /** Linear perpetual contracts the venue lists (cached after the first call). */
  loadMarkets(): Promise<readonly MarketInfo[]>;
  /**
   * Positions, balance and tiers of the account, with the app's own liquidation price per
   * position beside the venue's. Needs credentials.
   */
  fetchAccount(): Promise<AccountSnapshot>;
  /** Maintenance tiers of one symbol (venue symbol or unified), ascending. */
  fetchTiers(symbol: string): Promise<readonly Tier[]>;
  /** OHLCV of last-trade or mark price, oldest first; `limit` defaults to the venue's page size. */
  fetchCandles(
    symbol: string,
    timeframe: Timeframe,
    kind: 'last' | 'mark',
    sinceMs?: number,
    limit?: number,
  ): Promise<readonly Candle[]>;
  /** Open-interest history, oldest first, in base units and USD. */
  fetchOpenInterestHistory(
    symbol: string,
    timeframe: Timeframe,
    sinceMs?: number,
  ): Promise<readonly OpenInterestPoint[]>;
  /**
   * Taker buy/sell volume per period, oldest first: the venue's statistic where it has one
   * (Binance takerlongshortRatio), otherwise from the venue's recent public trades (Bybit: only the
   * whole periods they cover) or candles' taker-buy volume; rejects with a `GatewayError` of kind
   * `unsupported` where none exists (see venues/<venue>.ts).
   */
  fetchTakerVolume(symbol: string, timeframe: Timeframe, sinceMs?: number): Promise<readonly TakerVolumePoint[]>;
  /** The funding rate accruing now, the venue's forecast where it gives one, and the next settlement. */
  fetchFunding(symbol: string): Promise<FundingSnapshot>;
  /**
   * The long/short account ratio per `timeframe` period from `sinceMs`, oldest first, at most `limit`;
   * rejects with a `GatewayError` of kind `unsupported` where the venue publishes none (Hyperliquid).
   */
  fetchLongShortRatio(
    symbol: string,
    timeframe: Timeframe,
    sinceMs: number,
    limit: number,
  ): Promise<readonly LongShortPoint[]>;
  /**
   * Streams mark prices; reconnects with backoff and resubscribes. Returns an unsubscribe function.
   * `onState` reports live / reconnecting / stale (cadence per venue in venues/<venue>.ts).
   */
  watchMarkPrice(symbol: string, onTick: (tick: MarkTick) => void, onState: StreamStateListener): () => void;
  /**
   * Streams the venue's realized liquidations of one symbol, side normalised to the LIQUIDATED
   * position's side. Returns an unsubscribe function. Liquidations are sparse, so this stream is
   * never reported stale, only reconnecting.
   */
  watchLiquidations(
    symbol: string,
    onLiquidation: (liquidation: RealizedLiquidation) => void,
    onState: StreamStateListener,
  ): () => void;
  /**
   * The account's own force-closed positions (liquidations) since `sinceMs` (Unix ms), oldest first
   * as the venue lists them. Needs credentials; rejects with a `GatewayError` of kind `unsupported`
   * where the app reads no such record of the venue (venues/<venue>.ts `forceCloses`).
   */
  fetchForceCloses(sinceMs: number): Promise<readonly ForceClose[]>;
  /** What the key may do, from the venue's permission endpoint; Hyperliquid addresses are read-only. */
  checkPermissions(): Promise<PermissionReport>;
  /** Stops every stream and closes connections. Idempotent. */
  close(): Promise<void>;
}

/**
 * Creates a gateway for one venue (ccxt under the hood). Cheap: nothing is fetched until a method
 * is called, and ccxt itself (about 0.4 s to load) is loaded on the first call, so the core starts
 * and answers the window before any exchange code is read.
 */
export function createGateway(config: GatewayConfig): ExchangeGateway {
  let loaded: Promise<ExchangeGateway> | undefined;
  // Once closed, nothing may dial the venue again: a call or stream racing the close would open a
  // connection nobody closes (and a socket left open keeps the process from exiting).
  let closed = false;
  const load = (): Promise<ExchangeGateway> => {
    if (closed)
      return Promise.reject(new GatewayError('unsupported', `${venueName(config.venue)}: this connection is closed.`));
    return (loaded ??= import('./adapter').then((module) => module.createAdapter(config)));
  };
  /** A stream started once the adapter is loaded; stopping before that cancels it. */
  const stream = (start: (gateway: ExchangeGateway) => () => void, onState: StreamStateListener): (() => void) => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    load().then(
      (gateway) => {
        if (!cancelled && !closed) stop = start(gateway);
      },
      (error: unknown) =>
        onState({
          status: 'stale',
          sinceMs: Date.now(),
          reason: error instanceof Error ? error.message : String(error),
        }),
    );
    return () => {
      cancelled = true;
      stop?.();
    };
  };
  return {
    venue: config.venue,
    loadMarkets: async () => (await load()).loadMarkets(),
    fetchAccount: async () => (await load()).fetchAccount(),
    fetchTiers: async (symbol) => (await load()).fetchTiers(symbol),
    fetchCandles: async (symbol, timeframe, kind, sinceMs, limit) =>
      (await load()).fetchCandles(symbol, timeframe, kind, sinceMs, limit),
    fetchOpenInterestHistory: async (symbol, timeframe, sinceMs) =>
      (await load()).fetchOpenInterestHistory(symbol, timeframe, sinceMs),
    fetchTakerVolume: async (symbol, timeframe, sinceMs) => (await load()).fetchTakerVolume(symbol, timeframe, sinceMs),
    fetchFunding: async (symbol) => (await load()).fetchFunding(symbol),
    fetchLongShortRatio: async (symbol, timeframe, sinceMs, limit) =>
      (await load()).fetchLongShortRatio(symbol, timeframe, sinceMs, limit),
    watchMarkPrice: (symbol, onTick, onState) =>
      stream((gateway) => gateway.watchMarkPrice(symbol, onTick, onState), onState),
    watchLiquidations: (symbol, onLiquidation, onState) =>
      stream((gateway) => gateway.watchLiquidations(symbol, onLiquidation, onState), onState),
    fetchForceCloses: async (sinceMs) => (await load()).fetchForceCloses(sinceMs),
    checkPermissions: async () => (await load()).checkPermissions(),
    async close() {
      closed = true;
      if (loaded) await (await loaded.catch(() => undefined))?.close();
    },
  };
}
