import type { SeriesMarker, UTCTimestamp } from 'lightweight-charts';
import { venueFacts, type Venue } from '../../../../shared/domain/venue';
import type { RealizedWire } from '../../../../shared/ipc/views/clusters';
import { seriesTime } from './candles-for-series';
import { formatUsdCompact } from './usd-compact';

/** Marker colours by liquidated side. */
export interface MarkerColors {
  readonly long: string;
  readonly short: string;
}

/** How many of the largest bar × side groups get a marker (more would bury the candles). */
const maxMarkers = 60;
/** How many of those also carry their USD as text. */
const labelled = 6;

/**
 * Realized liquidations as series markers: summed per bar (of `barMs`), liquidated side and venue
 * (across venues each venue keeps its own marker), the largest `maxMarkers` groups kept. A
 * liquidated long is a forced sell (price falling), drawn below the bar; a liquidated short above.
 * Size grows with the USD (1–2.5); the largest few carry text, with the venue's name where one is
 * given ("Bybit $1.2M"). Sorted by time, as lightweight-charts requires. `range` (bar open times,
 * ms) drops the rest.
 */
export function realizedMarkers(
  realized: readonly RealizedWire[],
  barMs: number,
  colors: MarkerColors,
  range?: { readonly fromMs: number; readonly toMs: number },
): SeriesMarker<UTCTimestamp>[] {
  const groups = new Map<string, { timeMs: number; side: 'long' | 'short'; usd: number; venue: Venue | undefined }>();
  for (const item of realized) {
    // Outside the bars shown, the chart would pile markers onto the first or last bar.
    if (!(item.usd > 0) || (range !== undefined && (item.timeMs < range.fromMs || item.timeMs >= range.toMs + barMs)))
      continue;
    const timeMs = Math.floor(item.timeMs / barMs) * barMs;
    const key = `${timeMs}:${item.side}:${item.venue ?? ''}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { timeMs, side: item.side, usd: item.usd, venue: item.venue });
    else group.usd += item.usd;
  }
  const largest = [...groups.values()].sort((a, b) => b.usd - a.usd || a.timeMs - b.timeMs).slice(0, maxMarkers);
  const top = largest[0]?.usd ?? 0;
  const labelFloor = largest[Math.min(labelled, largest.length) - 1]?.usd ?? Infinity;
  return largest
    .sort(
      (a, b) =>
        a.timeMs - b.timeMs ||
        (a.side < b.side ? -1 : a.side > b.side ? 1 : (a.venue ?? '') < (b.venue ?? '') ? -1 : 1),
    )
    .map((group): SeriesMarker<UTCTimestamp> => {
      const marker: SeriesMarker<UTCTimestamp> = {
        time: seriesTime(group.timeMs),
        position: group.side === 'long' ? 'belowBar' : 'aboveBar',
        shape: 'circle',
        color: group.side === 'long' ? colors.long : colors.short,
        size: top > 0 ? 1 + 1.5 * Math.sqrt(group.usd / top) : 1,
        id: `realized-${group.timeMs}-${group.side}${group.venue === undefined ? '' : `-${group.venue}`}`,
      };
      const venue = group.venue === undefined ? '' : `${venueFacts(group.venue).short} `;
      return group.usd >= labelFloor ? { ...marker, text: `${venue}${formatUsdCompact(group.usd)}` } : marker;
    });
}
