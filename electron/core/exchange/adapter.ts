import type { Exchange } from 'ccxt';
import type { MarketInfo } from '../../../shared/domain/market-info';
import type { Tier } from '../../../shared/domain/tier';
import { isAccountVenue, venueName, venueRegistry } from '../../../shared/domain/venue';
import { buildAccountSnapshot, type SymbolFacts } from './account-snapshot';
import { modeFiguresOf, withAdlFromEndpoint } from './account-mode-read';
import type { ModeRead } from './venues/mode-source';
import { createCcxtClient, usesPlainWs } from './ccxt-client';
import { ccxtErrors } from './ccxt-modules';
import { GatewayError, mapCcxtError, parseRetryAfter } from './errors';
import type { AccountSnapshot, ExchangeGateway, GatewayConfig } from './gateway';
import {
  mapCrossWallet,
  mapForceCloses,
  mapRawForceCloses,
  mapLiquidations,
  mapMarket,
  mapMarkTick,
  mapPosition,
  mapTiers,
  positionSymbol,
  type MappedPosition,
} from './map-ccxt';
import { createContextData } from './context-data';
import { createMarketData } from './market-data';
import { rowOf } from './raw';
import { createBookReader } from './position-books';
import { cachedRawCall } from './raw-cache';
import { holdVenue, waitForVenue, withRetry } from './retry';
import { runStreamLoop } from './stream-loop';
import { venueProfiles, type VenueProfile } from './venues';

/** Tiers change rarely (venues announce changes days ahead): re-read them at most hourly. */
const tierCacheMs = 3_600_000;

/** The pieces of one gateway the market-data and stream helpers share. */
export interface AdapterContext {
  readonly profile: VenueProfile;
  readonly exchange: Exchange;
  /** Runs a ccxt call with retry and error mapping. */
  readonly call: <T>(run: () => Promise<T>) => Promise<T>;
  /** Calls one of ccxt's implicit raw endpoints by name (the venue files name them). */
  readonly raw: (method: string, params: Readonly<Record<string, unknown>>) => Promise<unknown>;
  readonly mapError: (error: unknown) => GatewayError;
  /** The market of a venue or unified symbol; rejects when the venue lists none. */
  readonly market: (symbol: string) => Promise<MarketInfo>;
}

/**
 * Makes the client reject a 2xx answer that is not JSON (malformed or cut off). ccxt would parse it
 * to undefined and its unified methods would then return an empty list: "no positions" shown as
 * live. A clear error instead lets the account keep its last good snapshot and mark it stale.
 */
function rejectUnreadableAnswers(exchange: Exchange, label: string): void {
  const original = exchange.onRestResponse.bind(exchange);
  exchange.onRestResponse = (
    status: number,
    statusText: unknown,
    url: unknown,
    method: unknown,
    headers: unknown,
    responseBody: unknown,
    requestHeaders: unknown,
    requestBody: unknown,
  ): unknown => {
    const body: unknown = original(status, statusText, url, method, headers, responseBody, requestHeaders, requestBody);
    if (status >= 200 && status < 300 && typeof body === 'string') {
      try {
        JSON.parse(body);
      } catch {
        throw new GatewayError(
          'exchange',
          `${label} sent an unreadable answer (malformed or cut-off data); the last good numbers are kept and marked stale.`,
        );
      }
    }
    return body;
  };
}

/**
 * Ends the venue's open sockets as a keep-alive timeout would (ccxt's own pattern): the pending
 * watches reject, the client leaves ccxt's registry, and the next watch dials a fresh connection.
 */
function resetSockets(exchange: Exchange): void {
  const clients = Object.values(
    exchange.clients as unknown as Record<string, { onError(error: Error): void; close(): Promise<unknown> }>,
  );
  for (const client of clients) {
    client.onError(new ccxtErrors.RequestTimeout('no data on the stream: reconnecting'));
    client.close().catch(() => undefined);
  }
}

/** The public address a Hyperliquid account is read by; null for keyed accounts. */
function addressOf(config: GatewayConfig): string | null {
  const credentials = config.credentials;
  return credentials !== null && 'address' in credentials ? credentials.address : null;
}

function secretsOf(config: GatewayConfig): string[] {
  const credentials = config.credentials;
  if (credentials === null || !('apiKey' in credentials)) return [];
  return [credentials.apiKey, credentials.secret, credentials.password ?? ''];
}

/** Whether two modes' ccxt options are the same keys with the same values. */
function sameOptions(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}

/**
 * The generic gateway on ccxt's unified API, driven by the venue's profile (venues/*.ts). Throws a
 * `GatewayError` of kind `unsupported` for a venue without a profile.
 */
export function createAdapter(config: GatewayConfig): ExchangeGateway {
  if (!isAccountVenue(config.venue))
    throw new GatewayError('unsupported', `${venueName(config.venue)} is not supported yet.`);
  const profile = venueProfiles[config.venue];
  const label = venueName(profile.venue);
  const exchange = createCcxtClient(profile, config);
  const secrets = secretsOf(config);
  const stops = new Set<() => void>();
  const tierCache = new Map<
    string,
    { readonly atMs: number; readonly facts: Promise<{ tiers: Tier[]; maxLeverage: number | null }> }
  >();
  let markets: Promise<readonly MarketInfo[]> | null = null;
  let streamsReady: Promise<void> | null = null;

  rejectUnreadableAnswers(exchange, label);
  // Retry-After binds every gateway to this venue and host (one IP), not only this call.
  const venueKey = `${profile.venue} ${config.baseUrl ?? 'production'}`;
  const mapError = (error: unknown): GatewayError => {
    const mapped = mapCcxtError(
      error,
      profile.venue,
      secrets,
      parseRetryAfter(
        exchange.last_response_headers?.['retry-after'] ?? exchange.last_response_headers?.['Retry-After'],
        Date.now(),
      ),
    );
    // Only a rate-limit answer's headers are its own; other errors may find an older response's headers here.
    if (error instanceof ccxtErrors.DDoSProtection && mapped.retryAfterMs !== null)
      holdVenue(venueKey, mapped.retryAfterMs);
    return mapped;
  };
  const call = <T>(run: () => Promise<T>): Promise<T> =>
    withRetry(async () => {
      await waitForVenue(venueKey);
      return run();
    }, mapError);
  const raw = async (method: string, params: Readonly<Record<string, unknown>>): Promise<unknown> => {
    const fn: unknown = (exchange as unknown as Record<string, unknown>)[method];
    if (typeof fn !== 'function') throw new GatewayError('unsupported', `${label} does not offer ${method}.`);
    return call(() => (fn as (p: Record<string, unknown>) => Promise<unknown>).call(exchange, { ...params }));
  };
  const loadMarkets = (): Promise<readonly MarketInfo[]> => {
    markets ??= call(() => exchange.loadMarkets()).then((loaded) =>
      Object.values(loaded).flatMap((m) => mapMarket(profile, m) ?? []),
    );
    markets.catch(() => (markets = null));
    return markets;
  };
  const market = async (symbol: string): Promise<MarketInfo> => {
    const found = (await loadMarkets()).find((m) => m.symbol === symbol || m.unifiedSymbol === symbol);
    if (found === undefined) throw new GatewayError('exchange', `${label} lists no perpetual ${symbol}.`);
    return found;
  };
  const context: AdapterContext = { profile, exchange, call, raw, mapError, market };

  const tiersOf = (info: MarketInfo): Promise<{ tiers: Tier[]; maxLeverage: number | null }> => {
    const cached = tierCache.get(info.symbol);
    if (cached !== undefined && Date.now() - cached.atMs < tierCacheMs) return cached.facts;
    const source = profile.tiers;
    const facts =
      source.source === 'raw-margin-tables'
        ? raw(source.rawMethod, source.params(info.symbol)).then(
            (answer) => source.read(answer, info.symbol) ?? { tiers: [], maxLeverage: info.maxLeverage },
          )
        : call(() => exchange.fetchMarketLeverageTiers(info.unifiedSymbol, { ...source.params })).then((rows) => {
            const tiers = mapTiers(source.read, rows);
            // Binance lists no max leverage on the market: its first tier's is the contract's.
            return { tiers, maxLeverage: info.maxLeverage ?? tiers[0]?.maxLeverage ?? null };
          });
    tierCache.set(info.symbol, { atMs: Date.now(), facts });
    facts.catch(() => tierCache.delete(info.symbol));
    return facts;
  };
  const slowReads = cachedRawCall(raw, profile.cachedReads);
  const books = createBookReader(profile.positionBooks, (params) =>
    call(() => exchange.fetchPositions(undefined, { ...profile.positionsParams, ...params })),
  );
  const detectMode = (): Promise<ModeRead> => profile.modes.detect(raw, addressOf(config));
  // The mode of the last read: the next read makes its calls in it and confirms the mode at the end.
  let lastMode: ModeRead | null = null;
  /**
   * One account read in `assumed` mode. The mode is read on every refresh, so a mode the user changes
   * on the venue is picked up; once a mode is known it is read last, because its endpoint can be the
   * heaviest of the read (Binance `multiAssetsMargin` weighs 30, the others 5) and the venue's rate
   * limit then spaces only what follows it: the next read, seconds later. A confirmed change reads
   * the account again in the new mode.
   */
  const readIn = async (
    listed: readonly MarketInfo[],
    assumed: ModeRead,
    confirm: boolean,
  ): Promise<AccountSnapshot> => {
    Object.assign(exchange.options, assumed.options);
    const rawPositions = await books.read(listed);
    const balance = await call(() => exchange.fetchBalance({ ...profile.balanceParams }));
    const mapped: MappedPosition[] = [];
    const facts = new Map<string, SymbolFacts>();
    for (const position of rawPositions) {
      const info = await market(positionSymbol(position));
      const one = mapPosition(profile, position, info);
      if (one === null) continue;
      mapped.push(one);
      if (!facts.has(info.symbol)) {
        const tiers = await tiersOf(info);
        facts.set(info.symbol, {
          tiers: tiers.tiers,
          maxLeverage: tiers.maxLeverage,
          tickSize: info.tickSize,
          takerFeeRate: info.takerFeeRate,
        });
      }
    }
    const fees = profile.accountFees;
    if (fees !== null && facts.size > 0) {
      const answer = await slowReads.call(fees.rawMethod, fees.params);
      for (const [symbol, known] of facts)
        facts.set(symbol, { ...known, takerFeeRate: fees.read(answer, symbol) ?? known.takerFeeRate });
    }
    const wallet = mapCrossWallet(profile, balance, mapped);
    if (wallet === null) throw new GatewayError('exchange', `${label}: the balance answer has no wallet balance.`);
    const ranked = await withAdlFromEndpoint(profile.modes, assumed.mode, raw, mapped);
    // The mode now: its answer (Binance PM's uniMMR, Hyperliquid's spot total) is this read's.
    const modeRead = confirm ? await detectMode() : assumed;
    if (modeRead.mode !== assumed.mode || !sameOptions(modeRead.options, assumed.options)) {
      lastMode = null;
      return readIn(listed, modeRead, false);
    }
    lastMode = modeRead;
    const settles = [...new Set(mapped.map((position) => position.settleAsset).filter((asset) => asset !== ''))];
    const figures = await modeFiguresOf(profile.modes, modeRead, slowReads.call, rowOf(balance)['info'], settles);
    return buildAccountSnapshot(profile.venue, ranked, facts, wallet, Date.now(), figures);
  };
  const readAccount = async (): Promise<AccountSnapshot> => {
    const listed = await loadMarkets();
    const assumed = lastMode;
    if (assumed !== null) {
      try {
        return await readIn(listed, assumed, true);
      } catch (error) {
        // The venue refused a call of the assumed mode (Binance fapi answers a Portfolio Margin key
        // with an auth error): read the mode first, as on a first read. A venue that did not answer
        // at all is not asked again.
        lastMode = null;
        if (!(error instanceof GatewayError) || error.kind === 'network') throw error;
      }
    }
    return readIn(listed, await detectMode(), false);
  };
  const requireCredentials = (): void => {
    if (config.credentials === null)
      throw new GatewayError('auth', `${label}: no API key or address configured: check your key settings.`);
  };
  /** ccxt refuses plain ws:// until its proxy-agent module is loaded (docs/research/toolchain.md §3). */
  const prepareStreams = (): Promise<void> => {
    streamsReady ??= (async () => {
      if (usesPlainWs(config)) await exchange.loadHttpProxyAgent();
      await loadMarkets();
    })();
    streamsReady.catch(() => (streamsReady = null));
    return streamsReady;
  };
  const track = (stop: () => void): (() => void) => {
    const wrapped = (): void => {
      stop();
      stops.delete(wrapped);
    };
    stops.add(wrapped);
    return wrapped;
  };

  return {
    venue: profile.venue,
    loadMarkets,
    async fetchAccount() {
      requireCredentials();
      // A failed read forgets the kept answers: the next one, after the venue is back, asks again.
      return readAccount().catch((error: unknown) => {
        slowReads.clear();
        throw error;
      });
    },
    async fetchTiers(symbol) {
      return (await tiersOf(await market(symbol))).tiers;
    },
    ...createMarketData(context),
    ...createContextData(context),
    watchMarkPrice(symbol, onTick, onState) {
      const stream = profile.markStream;
      let unified: string | null = null;
      return track(
        runStreamLoop({
          prepare: async () => {
            await prepareStreams();
            unified = (await market(symbol)).unifiedSymbol;
          },
          watch: () =>
            stream.method === 'watchMarkPrice'
              ? exchange.watchMarkPrice(unified ?? symbol)
              : exchange.watchTicker(unified ?? symbol),
          onData: (ticker, receivedAtMs) => {
            const tick = mapMarkTick(ticker, symbol, receivedAtMs);
            if (tick !== null) onTick(tick);
          },
          onState,
          staleAfterMs: stream.staleAfterMs,
          // A silent socket may be half-open: drop it so the loop dials a fresh one.
          onStale: () => resetSockets(exchange),
          mapError,
        }),
      );
    },
    watchLiquidations(symbol, onLiquidation, onState) {
      const stream = profile.liquidationStream;
      if (stream === null) {
        onState({
          status: 'stale',
          sinceMs: Date.now(),
          reason: `${label} publishes no public liquidation feed.`,
        });
        return () => undefined;
      }
      let info: MarketInfo | null = null;
      return track(
        runStreamLoop({
          prepare: async () => {
            await prepareStreams();
            info = await market(symbol);
          },
          watch: () =>
            stream.method === 'watchLiquidations'
              ? exchange.watchLiquidations(info?.unifiedSymbol ?? symbol)
              : exchange.watchLiquidationsForSymbols([info?.unifiedSymbol ?? symbol]),
          onData: (rows) => {
            for (const liquidation of mapLiquidations(
              rows,
              venueRegistry[profile.venue].liquidationSide,
              info?.symbol ?? symbol,
              info?.contractSize ?? 1,
            ))
              onLiquidation(liquidation);
          },
          onState,
          // Liquidations are sparse: silence is normal, so this stream is never stale.
          staleAfterMs: null,
          mapError,
        }),
      );
    },
    async fetchForceCloses(sinceMs) {
      requireCredentials();
      const source = profile.forceCloses;
      if (source === null)
        throw new GatewayError('unsupported', `${label}: LiqLens reads no force-close records here.`);
      const listed = await loadMarkets();
      if (source.method === 'raw') {
        const answers = await Promise.all(source.requests(sinceMs).map((params) => raw(source.rawMethod, params)));
        return mapRawForceCloses(answers.flatMap(source.read), (symbol) => {
          const found = listed.find((m) => m.symbol === symbol);
          return found === undefined
            ? null
            : { symbol: found.symbol, baseUnits: profile.sizesInContracts ? found.contractSize : 1 };
        });
      }
      const rows = await call<unknown>(() =>
        source.method === 'fetchMyLiquidations'
          ? exchange.fetchMyLiquidations(undefined, sinceMs)
          : exchange.fetchMyTrades(undefined, sinceMs),
      );
      return mapForceCloses(rows, source.read, (unified) => {
        const found = listed.find((m) => m.unifiedSymbol === unified);
        return found === undefined ? null : { symbol: found.symbol, contractSize: found.contractSize };
      });
    },
    async checkPermissions() {
      requireCredentials();
      const source = profile.permissions;
      return source.read(source.rawMethod === null ? null : await raw(source.rawMethod, {}));
    },
    async close() {
      for (const stop of [...stops]) stop();
      await exchange.close();
    },
  };
}
