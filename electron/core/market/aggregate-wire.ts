import { compactMap } from './cluster-wire';
import type { AggregatedMap, BinSize } from '../../../shared/clusters';
import type { AggregateMapWire, AggregateMissingWire } from '../../../shared/ipc/views/clusters';
import type { AggregateHistory } from './aggregate-history';

// Model USD: whole dollars, as the single venue's wire.
const usd = (value: number): number => Math.round(value);

/**
 * The aggregated map as it crosses to the renderer: USD rounded to whole dollars. Each venue's
 * share is rounded on its own, so a bin's shares may differ from its rounded total by a dollar
 * per venue.
 */
export function toAggregateWire(
  aggregated: AggregatedMap,
  about: {
    readonly coin: string;
    readonly source: string;
    readonly binSize: BinSize;
    readonly missing: readonly AggregateMissingWire[];
    /** The heatmap history and realized liquidations across venues (already whole dollars). */
    readonly history: AggregateHistory;
  },
): AggregateMapWire {
  const { map, profile } = aggregated;
  return {
    coin: about.coin,
    source: about.source,
    binSize: about.binSize,
    timeMs: map.timeMs,
    price: map.price,
    map: compactMap(map),
    profile: { firstBin: profile.firstBin, long: profile.long.map(usd), short: profile.short.map(usd) },
    parts: aggregated.parts.map((part) => ({ ...part, longUsd: usd(part.longUsd), shortUsd: usd(part.shortUsd) })),
    missing: about.missing,
    ...about.history,
  };
}
