import type { MarketKey } from '../../../shared/domain/market-source';
import type { Venue } from '../../../shared/domain/venue';
import type { PublicPositionsReader } from '../exchange/public-positions';
import type { Clock, Logger } from '../ports';
import { createMeasuredBook, type MeasuredBook } from './measured-book';

/** Venues whose positions are public by address, so their map can be measured (docs/research/liquidation-maps.md §1.5). */
const measuredVenues: ReadonlySet<Venue> = new Set<Venue>(['hyperliquid']);

/** How the market service reads measured maps. */
export interface MeasuredBooks {
  /** The reader of one source (`baseUrl` undefined: production); default: ccxt, loaded on first use. */
  readonly createReader?: (baseUrl: string | undefined) => Promise<PublicPositionsReader>;
  /** Address reads a minute per source (default: measured-book.ts `defaultReadsPerMinute`). */
  readonly readsPerMinute?: number;
}

/** One measured book per (venue, source), made when a market of a measured venue first opens. */
export interface MeasuredBookRegistry {
  /** `{ measured }` for a market of a measured venue, else nothing (spread into the session's deps). */
  of(market: MarketKey, baseUrlOf: () => string | undefined): { measured?: MeasuredBook };
  stop(): Promise<void>;
}

/** Creates the registry; books read within their budget and stop with the service. */
export function measuredBookFor(options: MeasuredBooks, clock: Clock, logger: Logger): MeasuredBookRegistry {
  const books = new Map<string, MeasuredBook>();
  const createReader =
    options.createReader ??
    (async (baseUrl: string | undefined) =>
      (await import('../exchange/public-positions')).createPublicPositionsReader(baseUrl));
  return {
    of(market, baseUrlOf) {
      if (!measuredVenues.has(market.venue)) return {};
      const id = `${market.venue}|${market.source}`;
      let book = books.get(id);
      if (book === undefined) {
        const baseUrl = baseUrlOf();
        book = createMeasuredBook({
          reader: () => createReader(baseUrl),
          now: () => clock.now(),
          logger,
          ...(options.readsPerMinute === undefined ? {} : { readsPerMinute: options.readsPerMinute }),
        });
        books.set(id, book);
      }
      return { measured: book };
    },
    async stop() {
      await Promise.all([...books.values()].map((book) => book.stop()));
      books.clear();
    },
  };
}
