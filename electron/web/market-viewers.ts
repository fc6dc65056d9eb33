import { marketKeyId, type MarketKey } from '../../shared/domain/market-source';

/**
 * Which web clients show which market. The core keeps one chart view per market, not one per
 * client: so a client's `market:close` reaches the core only when no other client still shows the
 * market, and a client that goes away without closing (a closed tab, a dropped connection) releases
 * its markets as if it had. The core then stops a market's session unless a position still needs it.
 */
export interface MarketViewers {
  /** `client` now shows `market`. */
  opened(client: symbol, market: MarketKey): void;
  /** `client` no longer shows `market`; true when no client shows it any more (close it in the core). */
  closed(client: symbol, market: MarketKey): boolean;
  /** `client` has gone; the markets no other client shows (close each in the core). */
  left(client: symbol): readonly MarketKey[];
}

/** Creates the viewer count of one web host. */
export function createMarketViewers(): MarketViewers {
  const viewers = new Map<string, { readonly market: MarketKey; readonly clients: Set<symbol> }>();
  const closed = (client: symbol, market: MarketKey): boolean => {
    const id = marketKeyId(market);
    const entry = viewers.get(id);
    if (entry === undefined) return true;
    entry.clients.delete(client);
    if (entry.clients.size > 0) return false;
    viewers.delete(id);
    return true;
  };
  return {
    opened(client, market) {
      const id = marketKeyId(market);
      const entry = viewers.get(id) ?? { market, clients: new Set<symbol>() };
      entry.clients.add(client);
      viewers.set(id, entry);
    },
    closed,
    left(client) {
      const shown = [...viewers.values()].filter((entry) => entry.clients.has(client)).map((entry) => entry.market);
      return shown.filter((market) => closed(client, market));
    },
  };
}
