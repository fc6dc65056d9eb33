import type { MarketInfo } from '../../../shared/domain/market-info';
import type { PositionBooks } from './venues/venue-profile';

/**
 * Every extra book is read at least this often, ms; between, only the books that held a position at
 * the last read. A venue's request budget is shared by all of them (Hyperliquid: about one info
 * request a second through ccxt), so a dozen empty dexes read on every refresh would slow it tenfold,
 * while a position opened on a new dex still shows within a minute.
 */
export const bookRescanMs = 60_000;

/** Reads the positions of the main book and of the extra books worth reading now. */
export interface BookReader {
  /** ccxt's position rows of every book read, the main book's first. */
  read(markets: readonly MarketInfo[]): Promise<unknown[]>;
}

/**
 * A reader of a venue's position books: the main one on every call (`fetchBook({})`), the extra
 * ones (`books`, e.g. Hyperliquid's HIP-3 dexes) all at the first call and every `bookRescanMs`, and
 * in between only those that held a position. `nowMs` is the clock (Unix ms).
 */
export function createBookReader(
  books: PositionBooks | null,
  fetchBook: (params: Readonly<Record<string, unknown>>) => Promise<readonly unknown[]>,
  nowMs: () => number = Date.now,
): BookReader {
  let scannedAtMs: number | null = null;
  let held = new Set<string>();
  return {
    async read(markets) {
      const rows = [...(await fetchBook({}))];
      if (books === null) return rows;
      const all = books.names(markets);
      const rescan = scannedAtMs === null || nowMs() - scannedAtMs >= bookRescanMs;
      const wanted = rescan ? all : all.filter((name) => held.has(name));
      const holding = new Set<string>();
      for (const name of wanted) {
        const found = await fetchBook(books.params(name));
        if (found.length > 0) holding.add(name);
        rows.push(...found);
      }
      if (rescan) scannedAtMs = nowMs();
      held = holding;
      return rows;
    },
  };
}
