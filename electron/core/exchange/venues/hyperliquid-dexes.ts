import type { MarketInfo } from '../../../../shared/domain/market-info';
import { rowOf, text, type Row } from '../raw';
import type { PositionBooks } from './venue-profile';

/**
 * Hyperliquid's HIP-3 (builder-deployed) perp dexes (docs/research/venue-payloads.md §5): each dex keeps
 * its own clearinghouse, so its positions are read with `clearinghouseState` and `dex`, one dex per
 * call (ccxt's `fetchPositions` `dex` param). ccxt names a dex's coins `<dex>:<coin>` (`xyz:BTC`), and
 * its unified symbols `XYZ-BTC/USDC:USDC`.
 */

/** The dex a venue symbol trades on: `xyz` for `xyz:BTC`; null for the main dex. */
export function dexOf(symbol: string): string | null {
  const cut = symbol.indexOf(':');
  return cut > 0 ? symbol.slice(0, cut) : null;
}

/**
 * The info request of `meta` for the dex of `symbol` (its margin tables); the main dex's when the
 * symbol names none.
 */
export function metaParams(symbol: string): Readonly<Record<string, unknown>> {
  const dex = dexOf(symbol);
  return dex === null ? { type: 'meta' } : { type: 'meta', dex };
}

/**
 * Whether a ccxt market is isolated-only: its `meta` row says `onlyIsolated`, or a `marginMode` of
 * `strictIsolated` / `noCross`. trade.xyz's markets are all isolated-only, and their margin cannot be
 * removed (docs/research/account-modes.md §6).
 */
export function isolatedOnlyMarket(market: Row): boolean {
  const info = rowOf(market['info']);
  const mode = text(info['marginMode']);
  return info['onlyIsolated'] === true || mode === 'strictIsolated' || mode === 'noCross';
}

/** The HIP-3 dexes, as the markets ccxt loaded from the venue's `perpDexs` list name them. */
export const hyperliquidDexBooks: PositionBooks = {
  names: (markets: readonly MarketInfo[]) => [...new Set(markets.flatMap((market) => dexOf(market.symbol) ?? []))],
  params: (dex: string) => ({ dex }),
};
