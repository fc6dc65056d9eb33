import type { LedgerParams } from '../../../shared/clusters';
import type { MarkTick } from '../../../shared/domain/stream-state';
import { venueName } from '../../../shared/domain/venue';
import { marketKeyId, sourceLabel, type MarketKey } from '../../../shared/domain/market-source';
import type { ChartTimeframe, MarketUpdate, MarketView } from '../../../shared/ipc/views/markets';
import { GatewayError } from '../exchange/gateway-error';
import type { ExchangeGateway, GatewayConfig } from '../exchange/gateway';
import type { Clock, Logger } from '../ports';
import type { Recorder } from '../recorder/recorder';
import { createBackfillGate } from './backfill-gate';
import type { MarketContext } from './market-context';
import { createMarketSession, type MarketSession, type SessionMapPart } from './market-session';
import type { MarketInfo } from '../../../shared/domain/market-info';
import { measuredBookFor, type MeasuredBooks } from './measured-books';
import { defaultRecentHours } from './recent-first';
import type { ResolveSource } from './venue-access';

/** Everything the market service needs. */
export interface MarketServiceDeps {
  readonly createGateway: (config: GatewayConfig) => ExchangeGateway;
  /**
   * Where a market's source is read (the base URL of the accounts reading it) and a key of one of
   * them for what only keys may read; null when no account reads that source.
   */
  readonly resolveSource: ResolveSource;
  /** The recorder of one source (`<dataDir>/recordings/<source>/`): each source keeps its own history. */
  readonly recorderFor: (source: string) => Recorder;
  readonly clock: Clock;
  readonly logger: Logger;
  /** A live change of a market the chart shows (open and not closed); watched-only markets send none. */
  readonly onUpdate: (update: MarketUpdate) => void;
  /** Days asked of the venue on a first open (default 3). */
  readonly historyDays?: number;
  /** Days of local recordings replayed on open, beyond the venue's (default 30). */
  readonly recordedDays?: number;
  /**
   * Hours of the newest history mapped first on a first start, before the rest of `historyDays`
   * (default 6, recent-first.ts; 0 loads the whole window before the first map).
   */
  readonly recentHours?: number;
  /** Fallback poll interval when ticks stop, ms (default 60 000). */
  readonly pollMs?: number;
  readonly params?: LedgerParams;
  /** Measured maps (Hyperliquid): the reader per source and the read budget; defaults in measured-books.ts. */
  readonly measured?: MeasuredBooks;
}

/** How a market is watched. */
export interface WatchOptions {
  /** The chart timeframe the market starts with, should the chart open it later (default 5m). */
  readonly timeframe?: ChartTimeframe;
  /** Every live mark tick of the market while the hold lasts (the alerts evaluate on each). */
  readonly onTick?: (tick: MarkTick) => void;
}

/** Open markets: backfilled history, then live candles, clusters and realized liquidations. */
export interface MarketService {
  /**
   * Opens a market, or switches the timeframe of one already open. Resolves with the whole view as
   * soon as it has a model: at once when an earlier run's recordings rebuild it (the view says
   * `backfill.state = 'running'` while the venue is caught up with, and a `market:update` with
   * `backfill.state = 'done'` follows), on a first start with the map of the newest `recentHours`
   * (`clusters.partialHours` set, the same `running` then `done`), else once the backfill has
   * finished (progress arrives as `market:update` events meanwhile). A failed backfill resolves with `backfill.state = 'failed'`
   * and the reason. Rejects only for a source the service cannot reach at all (no account reads it).
   */
  open(market: MarketKey, timeframe: ChartTimeframe): Promise<MarketView>;
  /**
   * The chart no longer shows the market: its updates stop, and its streams too unless positions
   * still watch it; its recordings stay. A market not open is a no-op.
   */
  close(market: MarketKey): Promise<void>;
  /**
   * Keeps a market's model running for the positions on it, charted or not (backfilled once, then
   * live); returns the release. Holds are counted: the market stops when neither the chart nor any
   * hold needs it.
   */
  watch(market: MarketKey, options?: WatchOptions): () => void;
  /** The cluster model of an open or watched market, for positions and alerts. */
  context(market: MarketKey): MarketContext;
  /** Calls `listener` whenever the cluster model of an open or watched market changes (see `context`); returns the unsubscribe. */
  onModel(listener: (market: MarketKey) => void): () => void;
  /** The maps of an open or watched market now (see `MarketSession.mapPart`); null when it is neither. */
  mapPart(market: MarketKey): SessionMapPart | null;
  /**
   * The linear contracts the venue lists at the source (read once per gateway); rejects when no
   * account reads that source (only production is read without one).
   */
  listings(market: Pick<MarketKey, 'venue' | 'source'>): Promise<readonly MarketInfo[]>;
  /** Venue requests made for an open market so far (diagnostics and tests), or 0. */
  requests(market: MarketKey): number;
  /**
   * Resolves once every market open or watched has done its start-up work (backfill, first
   * measurement on its recordings; see `MarketSession.settled`), markets opened meanwhile included:
   * what runs after it is the steady state (live streams, polls, a closed minute's work).
   */
  settled(): Promise<void>;
  /** Closes every market and gateway. */
  stop(): Promise<void>;
}

const keyOf = marketKeyId;

/**
 * Creates the market service. A market is (venue, source, symbol): each source is read where the
 * accounts reading it point, through one public gateway per (venue, source); a key of an account
 * on that very source is used only for the tiers a venue serves only to keys (Binance), through a
 * short-lived gateway, and never leaves the core. Two sources of one venue share nothing.
 */
export function createMarketService(deps: MarketServiceDeps): MarketService {
  const gateways = new Map<string, ExchangeGateway>();
  const measuredBooks = measuredBookFor(deps.measured ?? {}, deps.clock, deps.logger);
  const recorders = new Map<string, Recorder>();
  const sessions = new Map<string, MarketSession>();
  const viewed = new Set<string>();
  const holds = new Map<string, number>();
  const tickListeners = new Map<string, Set<(tick: MarkTick) => void>>();
  const modelListeners = new Set<(market: MarketKey) => void>();
  // Two backfills at a time: the charted market goes to the front of the line.
  const gate = createBackfillGate(2);

  const accessOf = (market: MarketKey) => {
    const access = deps.resolveSource(market);
    if (access === null)
      throw new Error(
        `No account reads ${venueName(market.venue)} at ${sourceLabel(market.source) || market.source} any more.`,
      );
    return access;
  };

  const publicGateway = (market: MarketKey): ExchangeGateway => {
    const { baseUrl } = accessOf(market);
    const id = `${market.venue}|${market.source}`;
    let gateway = gateways.get(id);
    if (gateway === undefined) {
      gateway = deps.createGateway({
        venue: market.venue,
        ...(baseUrl === undefined ? {} : { baseUrl }),
        credentials: null,
      });
      gateways.set(id, gateway);
    }
    return gateway;
  };

  const recorderOf = (source: string): Recorder => {
    let recorder = recorders.get(source);
    if (recorder === undefined) {
      recorder = deps.recorderFor(source);
      recorders.set(source, recorder);
    }
    return recorder;
  };

  const tiersOf = (market: MarketKey, gateway: ExchangeGateway) => async (symbol: string) => {
    const { venue } = market;
    try {
      return await gateway.fetchTiers(symbol);
    } catch (error) {
      if (!(error instanceof GatewayError && error.kind === 'auth')) throw error;
      const access = accessOf(market);
      if (access.credentials === undefined)
        throw new Error(
          `${venueName(venue)} publishes its maintenance tiers only to API keys: connect a read-only key to see clusters.`,
          { cause: error },
        );
      const keyed = deps.createGateway({
        venue,
        ...(access.baseUrl === undefined ? {} : { baseUrl: access.baseUrl }),
        credentials: access.credentials,
      });
      try {
        return await keyed.fetchTiers(symbol);
      } finally {
        await keyed.close();
      }
    }
  };

  const sessionOf = (market: MarketKey, timeframe: ChartTimeframe): MarketSession => {
    const key = keyOf(market);
    let session = sessions.get(key);
    if (session === undefined) {
      const gateway = publicGateway(market);
      const label = sourceLabel(market.source);
      session = createMarketSession({
        market,
        venueLabel: label === '' ? venueName(market.venue) : `${venueName(market.venue)} (${label})`,
        timeframe,
        gateway,
        fetchTiers: tiersOf(market, gateway),
        recorder: recorderOf(market.source),
        clock: deps.clock,
        logger: deps.logger,
        historyDays: deps.historyDays ?? 3,
        recordedDays: deps.recordedDays ?? 30,
        recentHours: deps.recentHours ?? defaultRecentHours,
        pollMs: deps.pollMs ?? 60_000,
        ...(deps.params === undefined ? {} : { params: deps.params }),
        emit: deps.onUpdate,
        viewed: () => viewed.has(key),
        onModel: () => {
          for (const listener of modelListeners) listener(market);
        },
        admit: (isStopped) => gate.enter(key, isStopped),
        ...measuredBooks.of(market, () => accessOf(market).baseUrl),
        onTick: (tick) => {
          for (const listener of tickListeners.get(key) ?? []) listener(tick);
        },
      });
      sessions.set(key, session);
    }
    return session;
  };
  const stopIfUnused = (market: MarketKey): void => {
    const key = keyOf(market);
    if (viewed.has(key) || (holds.get(key) ?? 0) > 0) return;
    sessions.get(key)?.stop();
    sessions.delete(key);
  };

  return {
    async open(market, timeframe) {
      const session = sessionOf(market, timeframe);
      viewed.add(keyOf(market));
      gate.promote(keyOf(market));
      await session.firstView();
      await session.setTimeframe(timeframe);
      return session.view();
    },
    async close(market) {
      viewed.delete(keyOf(market));
      stopIfUnused(market);
    },
    watch(market, options = {}) {
      const key = keyOf(market);
      try {
        sessionOf(market, options.timeframe ?? '5m');
      } catch (error) {
        // The account behind the hold went away meanwhile: nothing to watch, nothing to release.
        deps.logger.warn('market not watched', { venue: market.venue, source: market.source, message: String(error) });
        return () => undefined;
      }
      holds.set(key, (holds.get(key) ?? 0) + 1);
      const { onTick } = options;
      // A listener of its own per hold, so the same function held twice is released once each time.
      const listener = onTick === undefined ? undefined : (tick: MarkTick): void => onTick(tick);
      if (listener !== undefined) {
        const set = tickListeners.get(key) ?? new Set();
        set.add(listener);
        tickListeners.set(key, set);
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (listener !== undefined) tickListeners.get(key)?.delete(listener);
        const left = (holds.get(key) ?? 1) - 1;
        if (left > 0) holds.set(key, left);
        else holds.delete(key);
        stopIfUnused(market);
      };
    },
    context: (market) => sessions.get(keyOf(market))?.context() ?? { state: 'loading' },
    onModel(listener) {
      // A wrapper per subscription, so the same function subscribed twice is removed once each time.
      const own = (market: MarketKey): void => listener(market);
      modelListeners.add(own);
      return () => {
        modelListeners.delete(own);
      };
    },
    requests: (market) => sessions.get(keyOf(market))?.requests() ?? 0,
    async settled() {
      const waited = new Set<MarketSession>();
      for (let next = [...sessions.values()]; next.length > 0;) {
        await Promise.all(next.map((session) => session.settled));
        for (const session of next) waited.add(session);
        next = [...sessions.values()].filter((session) => !waited.has(session));
      }
    },
    mapPart: (market) => sessions.get(keyOf(market))?.mapPart() ?? null,
    listings: async (market) => publicGateway({ ...market, symbol: '' }).loadMarkets(),
    async stop() {
      for (const session of sessions.values()) session.stop();
      sessions.clear();
      viewed.clear();
      holds.clear();
      tickListeners.clear();
      await Promise.all([...gateways.values()].map((gateway) => gateway.close()));
      gateways.clear();
      await measuredBooks.stop();
    },
  };
}
