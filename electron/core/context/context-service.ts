import { marketKeyId, type MarketKey } from '../../../shared/domain/market-source';
import type { Freshness } from '../../../shared/domain/freshness';
import type { ContextFigure, MarketContextView } from '../../../shared/ipc/views/market-context';
import type { ExchangeGateway, GatewayConfig } from '../exchange/gateway';
import type { ResolveSource } from '../market/venue-access';
import type { Clock, Logger } from '../ports';
import { fetchContext, type ContextFigures } from './context-fetch';

/** What the context service needs. */
export interface ContextServiceDeps {
  readonly createGateway: (config: GatewayConfig) => ExchangeGateway;
  /** Where a market's source is read (the accounts' base URL); null when no account reads it. */
  readonly resolveSource: ResolveSource;
  readonly clock: Clock;
  readonly logger: Logger;
  /** A market's context is read again when asked and older than this, ms (default 10 000). */
  readonly refreshMs?: number;
}

/** The market context beside the map: open interest, funding, CVD, long/short ratio and volume. */
export interface ContextService {
  /**
   * The context of a market; a read older than `refreshMs` starts another (only the first call waits
   * for the venue, later ones answer with the figures held meanwhile). Rejects only for a source no account reads; a venue that does not answer gives the
   * last figures marked stale with the reason.
   */
  get(market: MarketKey): Promise<MarketContextView>;
  /** Reads the market's context now (after any read already running) and answers with it. */
  refresh(market: MarketKey): Promise<MarketContextView>;
  /** Closes every gateway. */
  stop(): Promise<void>;
}

interface Entry {
  figures: ContextFigures | null;
  freshness: Freshness;
  readAtMs: number;
  reading: Promise<void> | null;
}

const waiting: ContextFigure<never> = { state: 'absent', reason: 'Not read yet.' };

/** Creates the context service: one public gateway per (venue, source), as the markets use. */
export function createContextService(deps: ContextServiceDeps): ContextService {
  const refreshMs = deps.refreshMs ?? 10_000;
  const gateways = new Map<string, ExchangeGateway>();
  const entries = new Map<string, Entry>();

  const gatewayOf = (market: MarketKey): ExchangeGateway => {
    const access = deps.resolveSource(market);
    if (access === null) throw new Error(`No account reads this market's source (${market.source}).`);
    const id = `${market.venue}|${market.source}`;
    let gateway = gateways.get(id);
    if (gateway === undefined) {
      gateway = deps.createGateway({
        venue: market.venue,
        ...(access.baseUrl === undefined ? {} : { baseUrl: access.baseUrl }),
        credentials: null,
      });
      gateways.set(id, gateway);
    }
    return gateway;
  };

  const read = async (market: MarketKey, entry: Entry): Promise<void> => {
    try {
      entry.figures = await fetchContext(gatewayOf(market), market);
      entry.freshness = { state: 'live', updatedAtMs: deps.clock.now() };
    } catch (error) {
      const reason = `venue not answering: ${error instanceof Error ? error.message : String(error)}`;
      deps.logger.warn('market context not read', { market: marketKeyId(market), reason });
      entry.freshness =
        entry.freshness.state === 'unknown'
          ? { state: 'stale', updatedAtMs: null, reason }
          : { state: 'stale', updatedAtMs: entry.freshness.updatedAtMs, reason };
    }
  };

  const viewOf = (market: MarketKey, entry: Entry): MarketContextView =>
    entry.figures === null
      ? {
          market,
          freshness: entry.freshness,
          asOfMs: null,
          price: waiting,
          openInterest: waiting,
          funding: waiting,
          cvd: waiting,
          longShort: waiting,
          volume: waiting,
          flags: [],
        }
      : { market, freshness: entry.freshness, ...entry.figures };

  const entryOf = (market: MarketKey): Entry => {
    gatewayOf(market);
    const key = marketKeyId(market);
    let entry = entries.get(key);
    if (entry === undefined) {
      entry = { figures: null, freshness: { state: 'unknown', reason: 'reading' }, readAtMs: -Infinity, reading: null };
      entries.set(key, entry);
    }
    return entry;
  };
  const start = (market: MarketKey, entry: Entry): Promise<void> => {
    entry.readAtMs = deps.clock.now();
    const reading = read(market, entry).finally(() => {
      entry.reading = null;
    });
    entry.reading = reading;
    return reading;
  };

  return {
    async get(market) {
      const entry = entryOf(market);
      if (entry.reading === null && deps.clock.now() - entry.readAtMs >= refreshMs) void start(market, entry);
      // Only the first read is waited for; later ones run behind the figures already held.
      if (entry.figures === null) await entry.reading;
      return viewOf(market, entry);
    },
    async refresh(market) {
      const entry = entryOf(market);
      await entry.reading;
      await start(market, entry);
      return viewOf(market, entry);
    },
    async stop() {
      const open = [...gateways.values()];
      gateways.clear();
      entries.clear();
      await Promise.all(open.map((gateway) => gateway.close()));
    },
  };
}
