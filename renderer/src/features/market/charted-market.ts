import { MarketKeySchema, type MarketKey } from '../../../../shared/domain/market-source';
import type { ChartTimeframe } from '../../../../shared/ipc/views/markets';
import { readStored, writeStored } from '../../lib/stored';
import type { MarketStore } from './market-store';

/** The timeframe the chart opens on. */
export const firstTimeframe: ChartTimeframe = '5m';

/** Where the market charted last is kept between reloads. */
const storageKey = 'liqlens:charted';

const parseKey = (value: unknown): MarketKey | null => MarketKeySchema.safeParse(value).data ?? null;

/** Remembers `market` as the one charted, for the next page to ask for first. */
export function rememberCharted(market: MarketKey): void {
  writeStored(storageKey, { venue: market.venue, source: market.source, symbol: market.symbol });
}

/**
 * Opens the market charted last (`MarketStore.prefetch`), if one is remembered: its snapshot is on
 * its way before the positions that decide the chart are in. A no-op for a market already held.
 */
export function prefetchCharted(store: MarketStore, timeframe: ChartTimeframe): void {
  const remembered = readStored(storageKey, parseKey);
  if (remembered !== null) store.prefetch(remembered, timeframe);
}
