import { aggregateHeatmaps, type HeatmapPart } from '../../../shared/clusters';
import { marketKeyId, type MarketKey } from '../../../shared/domain/market-source';
import { venueRegistry, type Venue } from '../../../shared/domain/venue';
import type { AggregateMapWire, ClusterWire, RealizedWire } from '../../../shared/ipc/views/clusters';

/** Most realized liquidations sent across venues, newest kept (as one venue's wire). */
const maxRealized = 500;

/** What the chart draws besides the map now, across venues: the heatmap history and the realized liquidations. */
export type AggregateHistory = Pick<AggregateMapWire, 'heatmap' | 'heatmapVenues' | 'realized' | 'realizedUnavailable'>;

/**
 * The heatmap and realized liquidations of a coin across venues: each taking part venue's estimated
 * heatmap summed onto the charted market's grid at its column times (`aggregateHeatmaps`), and every
 * venue's realized liquidations labelled with the venue (at their own prices: the basis between
 * venues is far below a marker's size). `views` are the markets' chart views (null: no model yet);
 * the first key is the charted market. Venues without a public liquidation stream are named.
 */
export function aggregateHistory(
  keys: readonly MarketKey[],
  views: ReadonlyMap<string, ClusterWire | null>,
): AggregateHistory {
  const reference = keys[0] === undefined ? null : (views.get(marketKeyId(keys[0])) ?? null);
  const parts: HeatmapPart[] = [];
  const realized: RealizedWire[] = [];
  const realizedUnavailable: Venue[] = [];
  for (const key of keys) {
    const view = views.get(marketKeyId(key)) ?? null;
    if (!venueRegistry[key.venue].capabilities.liquidationStream) realizedUnavailable.push(key.venue);
    if (view === null) continue;
    parts.push({ venue: key.venue, binSize: view.binSize, columns: view.heatmap.columns });
    for (const item of view.realized) realized.push({ ...item, venue: key.venue });
  }
  const everyMs = reference?.heatmap.everyMs ?? 3_600_000;
  const summed =
    reference === null
      ? { columns: [], venues: [] }
      : aggregateHeatmaps({ binSize: reference.binSize, reference: reference.heatmap.columns, everyMs, parts });
  return {
    heatmap: { everyMs, columns: summed.columns },
    heatmapVenues: summed.venues,
    realized: realized.sort((a, b) => a.timeMs - b.timeMs).slice(-maxRealized),
    realizedUnavailable,
  };
}
