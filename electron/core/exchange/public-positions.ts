import type { Exchange } from 'ccxt';
import type { MeasuredPosition } from '../../../shared/clusters';
import type { MarketInfo } from '../../../shared/domain/market-info';
import type { StreamState } from '../../../shared/domain/stream-state';
import { createCcxtClient, usesPlainWs } from './ccxt-client';
import { GatewayError, mapCcxtError, parseRetryAfter } from './errors';
import { mapMarket, mapPosition, positionSymbol } from './map-ccxt';
import { listOf, num, rowOf, text } from './raw';
import { holdVenue, waitForVenue, withRetry } from './retry';
import { runStreamLoop } from './stream-loop';
import { venueProfiles } from './venues';

/**
 * Everyone's positions on Hyperliquid, where every position is public by address
 * (docs/research/liquidation-maps.md §1.5): the addresses the public trade stream names, each
 * address's positions with the venue's own liquidation prices, and the open interest to measure
 * coverage against. All through ccxt's unified API: `watchTrades` (each trade's raw `users`,
 * [buyer, seller], kept in ccxt's `info`), `fetchPositions` with `params.user` (ccxt's public
 * address parameter; one `clearinghouseState` read, weight 2) and `fetchOpenInterest`
 * (`metaAndAssetCtxs`, weight 20). Rate limits: docs/research/liquidation-maps.md §1.6.
 */
export interface PublicPositionsReader {
  /** Hears the addresses each batch of `symbol`'s public trades names. Returns a stop function. */
  watchTraders(
    symbol: string,
    onAddresses: (addresses: readonly string[]) => void,
    onState: (state: StreamState) => void,
  ): () => void;
  /** The open positions `address` holds, every coin of the main dex, read now. */
  fetchPositionsOf(address: string): Promise<readonly MeasuredPosition[]>;
  /** Open interest of `symbol` in USD (both sides, as the venue counts it), or null when not listed. */
  fetchOpenInterestUsd(symbol: string): Promise<number | null>;
  close(): Promise<void>;
}

const addressPattern = /^0x[0-9a-f]{40}$/;

/** The addresses a ccxt trade list names, lowercase, each once (a malformed entry is skipped). */
export function tradeAddresses(trades: unknown): string[] {
  const found = new Set<string>();
  for (const trade of listOf(trades))
    for (const user of listOf(rowOf(rowOf(trade)['info'])['users'])) {
      const address = text(user).toLowerCase();
      if (addressPattern.test(address)) found.add(address);
    }
  return [...found];
}

/** Creates the reader for one Hyperliquid source (`baseUrl` as for a gateway; omit for production). */
export function createPublicPositionsReader(baseUrl?: string): PublicPositionsReader {
  const profile = venueProfiles.hyperliquid;
  const config = { venue: profile.venue, credentials: null, ...(baseUrl === undefined ? {} : { baseUrl }) };
  const exchange: Exchange = createCcxtClient(profile, config);
  const venueKey = `${profile.venue} ${baseUrl ?? 'production'}`;
  const stops = new Set<() => void>();
  let markets: Promise<readonly MarketInfo[]> | null = null;
  const mapError = (error: unknown): GatewayError => {
    const mapped = mapCcxtError(
      error,
      profile.venue,
      [],
      parseRetryAfter(exchange.last_response_headers?.['retry-after'], Date.now()),
    );
    if (mapped.retryAfterMs !== null) holdVenue(venueKey, mapped.retryAfterMs);
    return mapped;
  };
  const call = <T>(run: () => Promise<T>): Promise<T> =>
    withRetry(async () => {
      await waitForVenue(venueKey);
      return run();
    }, mapError);
  const loadMarkets = (): Promise<readonly MarketInfo[]> => {
    markets ??= (async () => {
      if (usesPlainWs(config)) await exchange.loadHttpProxyAgent();
      const loaded = await call(() => exchange.loadMarkets());
      return Object.values(loaded).flatMap((m) => mapMarket(profile, m) ?? []);
    })();
    markets.catch(() => (markets = null));
    return markets;
  };
  const market = async (symbol: string): Promise<MarketInfo | undefined> =>
    (await loadMarkets()).find((m) => m.symbol === symbol || m.unifiedSymbol === symbol);

  return {
    watchTraders(symbol, onAddresses, onState) {
      let unified = symbol;
      const stop = runStreamLoop({
        prepare: async () => {
          const info = await market(symbol);
          if (info === undefined) throw new GatewayError('exchange', `Hyperliquid lists no perpetual ${symbol}.`);
          unified = info.unifiedSymbol;
        },
        watch: () => exchange.watchTrades(unified),
        onData: (trades) => {
          // ccxt hands over only the trades new since the last call (its `newUpdates` default).
          const addresses = tradeAddresses(trades);
          if (addresses.length > 0) onAddresses(addresses);
        },
        onState,
        // Trades pause in quiet markets: silence is no fault here.
        staleAfterMs: null,
        mapError,
      });
      stops.add(stop);
      return () => {
        stop();
        stops.delete(stop);
      };
    },
    async fetchPositionsOf(address) {
      const listed = await loadMarkets();
      const readAtMs = Date.now();
      const rows = await call(() => exchange.fetchPositions(undefined, { user: address }));
      const positions: MeasuredPosition[] = [];
      for (const row of rows) {
        const info = listed.find((m) => m.unifiedSymbol === positionSymbol(row));
        const one = info === undefined ? null : mapPosition(profile, row, info);
        if (info === undefined || one === null) continue;
        positions.push({
          address: address.toLowerCase(),
          symbol: info.symbol,
          side: one.side,
          size: one.size,
          notionalUsd: one.size * one.markPrice,
          liquidationPrice: one.exchangeLiquidationPrice,
          // 0: the venue sent no leverage setting (the map then files it under 0x).
          leverage: one.leverage ?? 0,
          readAtMs,
        });
      }
      return positions;
    },
    async fetchOpenInterestUsd(symbol) {
      const info = await market(symbol);
      if (info === undefined) return null;
      const answer = rowOf(await call(() => exchange.fetchOpenInterest(info.unifiedSymbol)));
      const raw = rowOf(answer['info']);
      const amount = num(answer['openInterestAmount']),
        mark = num(raw['markPx']);
      return amount === null || mark === null ? null : amount * mark;
    },
    async close() {
      for (const stop of [...stops]) stop();
      stops.clear();
      await exchange.close();
    },
  };
}
