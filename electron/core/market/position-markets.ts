import { marketKeyId, marketKeyOf } from '../../../shared/domain/market-source';
import type { AccountPositions } from '../../../shared/ipc/views/positions';
import { liquidationSideCluster } from './market-context';
import type { MarketService } from './market-service';

/** The cluster model of every position's market, kept running whether or not the chart shows it. */
export interface PositionMarkets {
  /** An account's new positions: watches their markets (releasing those left) and returns them with their clusters. */
  update(entry: AccountPositions): AccountPositions;
  /** The entry with each position's nearest liquidation-side cluster as the model stands now. */
  decorate(entry: AccountPositions): AccountPositions;
  /** An account was removed: its markets are released. */
  remove(accountId: string): void;
  stop(): void;
}

const keyOf = marketKeyId;

/**
 * Watches the market of every open position (venue, the account's own source, symbol: a position
 * never reads another source's map) through the market service and reads each position's
 * nearest cluster on its liquidation side from that market's model. When a model changes (a bar
 * was fed, once a minute per market: the market service's `onModel`), every account with a position there is sent again through
 * `onChanged`, so the positions panel follows the map without polling.
 */
export function createPositionMarkets(
  markets: MarketService,
  onChanged: (entry: AccountPositions) => void,
): PositionMarkets {
  const latest = new Map<string, AccountPositions>();
  const releases = new Map<string, Map<string, () => void>>();

  const decorate = (entry: AccountPositions): AccountPositions => ({
    ...entry,
    positions: entry.positions.map((position) => ({
      ...position,
      liquidationSideCluster: liquidationSideCluster(markets.context(marketKeyOf(position)), position),
    })),
  });

  // A market's model changed: the accounts with a position there are sent again.
  const stopModels = markets.onModel((market) => {
    const key = keyOf(market);
    for (const entry of latest.values()) {
      if (entry.positions.some((position) => keyOf(position) === key)) onChanged(decorate(entry));
    }
  });

  const release = (accountId: string, keep: ReadonlySet<string>): void => {
    const held = releases.get(accountId);
    if (held === undefined) return;
    for (const [key, releaseMarket] of held) {
      if (keep.has(key)) continue;
      releaseMarket();
      held.delete(key);
    }
    if (held.size === 0) releases.delete(accountId);
  };

  return {
    update(entry) {
      latest.set(entry.accountId, entry);
      const wanted = new Map(entry.positions.map((position) => [keyOf(position), marketKeyOf(position)] as const));
      release(entry.accountId, new Set(wanted.keys()));
      const held = releases.get(entry.accountId) ?? new Map<string, () => void>();
      for (const [key, market] of wanted) if (!held.has(key)) held.set(key, markets.watch(market));
      if (held.size > 0) releases.set(entry.accountId, held);
      return decorate(entry);
    },
    decorate,
    remove(accountId) {
      latest.delete(accountId);
      release(accountId, new Set());
    },
    stop() {
      stopModels();
      for (const accountId of [...releases.keys()]) release(accountId, new Set());
      latest.clear();
    },
  };
}
