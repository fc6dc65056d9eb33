import type { LedgerParams } from '../../../shared/clusters';
import type { AccountVenue, ChartTimeframe, MarketKey, MarketUpdate, MarketView } from '../../../shared/ipc/contract';
import { GatewayError } from '../exchange/gateway-error';
import type { ExchangeGateway, GatewayConfig } from '../exchange/gateway';
import type { Clock, Logger } from '../ports';
import type { Recorder } from '../recorder/recorder';
import { createMarketSession, type MarketSession } from './market-session';
import type { VenueAccess } from './venue-access';

/** Everything the market service needs. */
export interface MarketServiceDeps {
  readonly createGateway: (config: GatewayConfig) => ExchangeGateway;
  /** Where a venue is read (base URL of the user's accounts there) and a key for what only keys may read. */
  readonly resolveVenue: (venue: AccountVenue) => VenueAccess;
  readonly recorder: Recorder;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly onUpdate: (update: MarketUpdate) => void;
  /** Days asked of the venue on a first open (default 3). */
  readonly historyDays?: number;
  /** Days of local recordings replayed on open, beyond the venue's (default 30). */
  readonly recordedDays?: number;
  /** Fallback poll interval when ticks stop, ms (default 60 000). */
  readonly pollMs?: number;
  readonly params?: LedgerParams;
}

/** Open markets: backfilled history, then live candles, clusters and realized liquidations. */
export interface MarketService {
  /**
   * Opens a market, or switches the timeframe of one already open. Resolves once its backfill has
   * finished (progress arrives as `market:update` events meanwhile) with the whole view; a failed
   * backfill resolves with `backfill.state = 'failed'` and the reason. Rejects only for a venue
   * the service cannot reach at all.
   */
  open(market: MarketKey, timeframe: ChartTimeframe): Promise<MarketView>;
  /** Stops a market's streams; its recordings stay. A market not open is a no-op. */
  close(market: MarketKey): Promise<void>;
  /** Venue requests made for an open market so far (diagnostics and tests), or 0. */
  requests(market: MarketKey): number;
  /** Closes every market and gateway. */
  stop(): Promise<void>;
}

const venueLabels: Readonly<Record<AccountVenue, string>> = { 'binance-usdm': 'Binance USDⓈ-M', 'bybit-linear': 'Bybit', 'okx-swap': 'OKX', hyperliquid: 'Hyperliquid' };
const keyOf = (market: MarketKey): string => `${market.venue}|${market.symbol}`;

/**
 * Creates the market service. Public data goes through one gateway per (venue, base URL); a key is
 * used only for the tiers a venue serves only to keys (Binance), through a short-lived gateway,
 * and never leaves the core.
 */
export function createMarketService(deps: MarketServiceDeps): MarketService {
  const gateways = new Map<string, ExchangeGateway>();
  const sessions = new Map<string, MarketSession>();

  const publicGateway = (venue: AccountVenue): ExchangeGateway => {
    const { baseUrl } = deps.resolveVenue(venue);
    const id = `${venue}|${baseUrl ?? ''}`;
    let gateway = gateways.get(id);
    if (gateway === undefined) {
      gateway = deps.createGateway({ venue, ...(baseUrl === undefined ? {} : { baseUrl }), credentials: null });
      gateways.set(id, gateway);
    }
    return gateway;
  };

  const tiersOf = (venue: AccountVenue, gateway: ExchangeGateway) => async (symbol: string) => {
    try {
      return await gateway.fetchTiers(symbol);
    } catch (error) {
      const access = deps.resolveVenue(venue);
      if (!(error instanceof GatewayError && error.kind === 'auth')) throw error;
      if (access.credentials === undefined) throw new Error(`${venueLabels[venue]} publishes its maintenance tiers only to API keys: connect a read-only key to see clusters.`, { cause: error });
      const keyed = deps.createGateway({ venue, ...(access.baseUrl === undefined ? {} : { baseUrl: access.baseUrl }), credentials: access.credentials });
      try {
        return await keyed.fetchTiers(symbol);
      } finally {
        await keyed.close();
      }
    }
  };

  return {
    async open(market, timeframe) {
      let session = sessions.get(keyOf(market));
      if (session === undefined) {
        const gateway = publicGateway(market.venue);
        session = createMarketSession({
          market, venueLabel: venueLabels[market.venue], timeframe, gateway, fetchTiers: tiersOf(market.venue, gateway),
          recorder: deps.recorder, clock: deps.clock, logger: deps.logger,
          historyDays: deps.historyDays ?? 3, recordedDays: deps.recordedDays ?? 30, pollMs: deps.pollMs ?? 60_000,
          ...(deps.params === undefined ? {} : { params: deps.params }),
          emit: deps.onUpdate,
        });
        sessions.set(keyOf(market), session);
      }
      await session.ready;
      await session.setTimeframe(timeframe);
      return session.view();
    },
    async close(market) {
      const session = sessions.get(keyOf(market));
      sessions.delete(keyOf(market));
      session?.stop();
    },
    requests: (market) => sessions.get(keyOf(market))?.requests() ?? 0,
    async stop() {
      for (const session of sessions.values()) session.stop();
      sessions.clear();
      await Promise.all([...gateways.values()].map((gateway) => gateway.close()));
      gateways.clear();
    },
  };
}
