import { aggregateMaps, type MapPart } from '../../../shared/clusters';
import type { MarketInfo } from '../../../shared/domain/market-info';
import { marketKeyId, type MarketKey } from '../../../shared/domain/market-source';
import { accountVenues, venueFacts, type AccountVenue } from '../../../shared/domain/venue';
import type { AggregateMapWire, AggregateMissingWire } from '../../../shared/ipc/views/clusters';
import type { MarketService } from './market-service';
import { aggregateHistory } from './aggregate-history';
import { toAggregateWire } from './aggregate-wire';

/** The map of a coin across venues, for the chart's "all venues" choice. */
export interface AggregateService {
  /**
   * The map of `market`'s coin summed over every venue read at `market`'s source, around
   * `market`'s mark. The first call for a market starts holding the coin's markets on the other
   * venues (backfilled, then live) until `release`; a venue whose market is still loading, has no
   * map, is not listed or not read at that source is in `missing` with the reason. Rejects when
   * `market` itself has no price yet.
   */
  get(market: MarketKey): Promise<AggregateMapWire>;
  /** Stops holding the other venues' markets for `market` (the chart closed it); a no-op otherwise. */
  release(market: MarketKey): void;
  /** Releases every hold. */
  stop(): void;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The venue's contract of `coin`: a linear perpetual settled like the charted one where the venue
 * has it, else in USDT, else in USDC (Hyperliquid's perps); HIP-3 dex markets (isolated-only,
 * someone else's order book) only when nothing else is listed.
 */
export function coinMarket(listings: readonly MarketInfo[], coin: string, settle: string): MarketInfo | null {
  const rank = (info: MarketInfo): number =>
    (info.isolatedOnly ? 10 : 0) +
    (info.settle === settle ? 0 : info.settle === 'USDT' ? 1 : info.settle === 'USDC' ? 2 : 3);
  const found = listings.filter((info) => info.base.toUpperCase() === coin.toUpperCase());
  return found.sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

/**
 * Builds the coin maps from the market service's open markets: each venue's part is its measured
 * map where the venue makes positions public and one has been read (Hyperliquid), else its
 * estimate. Only markets of the charted market's source take part (a Demo map is never summed with
 * production's): a market is (venue, source, symbol).
 */
export function createAggregateService(
  markets: MarketService,
  venues: readonly AccountVenue[] = accountVenues,
): AggregateService {
  const holds = new Map<string, { readonly coin: string; readonly releases: (() => void)[] }>();

  const find = async (
    venue: AccountVenue,
    market: MarketKey,
    coin: string,
    settle: string,
  ): Promise<MarketKey | AggregateMissingWire> => {
    if (venue === market.venue) return market;
    try {
      const info = coinMarket(await markets.listings({ venue, source: market.source }), coin, settle);
      if (info === null)
        return { venue, symbol: null, reason: `${venueFacts(venue).short} lists no ${coin} perpetual` };
      return { venue, source: market.source, symbol: info.symbol };
    } catch (error) {
      // No account reads the venue at this source (a testnet, a simulator): its production is another market.
      return { venue, symbol: null, reason: messageOf(error) };
    }
  };

  const partOf = (key: MarketKey): MapPart | AggregateMissingWire => {
    const missing = (reason: string): AggregateMissingWire => ({ venue: key.venue, symbol: key.symbol, reason });
    const part = markets.mapPart(key);
    if (part === null) return missing('market not open');
    if (part.unavailable !== null) return missing(part.unavailable);
    if (part.price === null || !(part.price > 0)) return missing('no price yet');
    const measured = part.measured !== null && part.measured.bins.length > 0 ? part.measured : null;
    const map = measured ?? part.estimated;
    if (map === null || map.bins.length === 0)
      return missing(part.backfill.state === 'running' ? `map loading: ${part.backfill.message}` : 'no map yet');
    return {
      venue: key.venue,
      symbol: key.symbol,
      kind: measured === null ? 'estimated' : 'measured',
      price: part.price,
      map,
    };
  };

  return {
    async get(market) {
      const reference = markets.mapPart(market);
      if (reference === null || reference.price === null)
        throw new Error('The market has no price yet: the map across venues follows once it has.');
      const own = (await markets.listings(market)).find((info) => info.symbol === market.symbol);
      const coin = own?.base ?? market.symbol.replace(/[-_/:]?(USDT|USDC|USD)(.*)$/i, '');
      const settle = own?.settle ?? 'USDT';
      const found = await Promise.all(venues.map((venue) => find(venue, market, coin, settle)));
      const id = marketKeyId(market);
      let hold = holds.get(id);
      if (hold === undefined || hold.coin !== coin) {
        for (const release of hold?.releases ?? []) release();
        hold = { coin, releases: [] };
        holds.set(id, hold);
        for (const key of found)
          if ('source' in key && key.venue !== market.venue) hold.releases.push(markets.watch(key));
      }
      const parts: MapPart[] = [];
      const missing: AggregateMissingWire[] = [];
      for (const key of found) {
        const part = 'source' in key ? partOf(key) : key;
        if ('map' in part) parts.push(part);
        else missing.push(part);
      }
      const aggregated = aggregateMaps({
        price: reference.price,
        timeMs: Math.max(...parts.map((part) => part.map.timeMs), 0),
        binSize: reference.binSize,
        parts,
      });
      // The heatmap history and realized markers of the venues whose map takes part, the charted market first.
      const taking = [
        market,
        ...found.filter((key): key is MarketKey => 'source' in key && key.venue !== market.venue),
      ];
      const views = new Map(
        taking
          .filter((key) => key.venue === market.venue || parts.some((part) => part.venue === key.venue))
          .map((key) => [marketKeyId(key), markets.mapPart(key)?.clusters() ?? null] as const),
      );
      return toAggregateWire(aggregated, {
        coin,
        source: market.source,
        binSize: reference.binSize,
        missing,
        history: aggregateHistory(
          taking.filter((key) => views.has(marketKeyId(key))),
          views,
        ),
      });
    },
    release(market) {
      const id = marketKeyId(market);
      for (const release of holds.get(id)?.releases ?? []) release();
      holds.delete(id);
    },
    stop() {
      for (const hold of holds.values()) for (const release of hold.releases) release();
      holds.clear();
    },
  };
}
