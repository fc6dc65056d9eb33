import type { MapBin } from '../../../../shared/clusters';
import { venueFacts, type Venue } from '../../../../shared/domain/venue';
import type { AggregateMapWire } from '../../../../shared/ipc/views/clusters';
import { profileFromWire } from './profile-from-wire';
import type { ShownMap } from './shown-map';
import { formatUsdCompact } from './usd-compact';

/** Which market's map the chart draws: the charted venue's own, or the coin's across every venue read at its source. */
export type MapScope = 'venue' | 'coin';

/** The scopes in switch order, with their labels. */
export const mapScopes: readonly MapScope[] = ['venue', 'coin'];
export const mapScopeLabels: Readonly<Record<MapScope, string>> = { venue: 'This venue', coin: 'All venues' };

/**
 * The aggregated map as the chart draws it: the core's sums across venues for the overlay, badge,
 * cascade band and tooltip, the heatmap history (each venue's summed on the charted grid) and the
 * realized markers (every venue's, each with its venue).
 */
export function shownAggregate(aggregate: AggregateMapWire): ShownMap {
  return {
    kind: 'estimated',
    clusters: {
      binSize: aggregate.binSize,
      timeMs: aggregate.timeMs,
      price: aggregate.price,
      map: aggregate.map,
      profile: aggregate.profile,
      heatmap: aggregate.heatmap,
      realized: aggregate.realized,
    },
    profile: profileFromWire(aggregate.profile, aggregate.binSize),
  };
}

/**
 * "Binance $12M · Bybit $8.1M · OKX $5M · Hyperliquid $2M measured": each venue's USD in the map
 * (long plus short), in the core's order.
 */
export function aggregatePartsText(aggregate: AggregateMapWire): string {
  if (aggregate.parts.length === 0) return 'no venue has a map yet';
  return aggregate.parts
    .map(
      (part) =>
        `${venueFacts(part.venue).short} ${formatUsdCompact(part.longUsd + part.shortUsd)}${part.kind === 'measured' ? ' measured' : ''}`,
    )
    .join(' · ');
}

/** "Missing: OKX (map loading: …)": every venue left out, with the core's reason; empty when none is. */
export function aggregateMissingText(aggregate: AggregateMapWire): string {
  if (aggregate.missing.length === 0) return '';
  return `Missing: ${aggregate.missing.map((entry) => `${venueFacts(entry.venue).short} (${entry.reason})`).join('; ')}`;
}

/**
 * "Longs by venue: Binance 42 %, Bybit 31 %, OKX 17 %, Hyperliquid 10 %": each venue's share of a
 * bin's side, largest first, one line per side that holds USD (larger side first, as the bin lines).
 */
export function venueShareLines(bin: MapBin): string[] {
  const sides = [
    { name: 'Longs', usd: bin.longUsd, of: (entry: MapBin['byVenue'][number]) => entry.longUsd },
    { name: 'Shorts', usd: bin.shortUsd, of: (entry: MapBin['byVenue'][number]) => entry.shortUsd },
  ]
    .filter((side) => side.usd > 0)
    .sort((a, b) => b.usd - a.usd);
  return sides.map((side) => {
    const shares = bin.byVenue
      .map((entry) => ({ venue: entry.venue, usd: side.of(entry) }))
      .filter((entry) => entry.usd > 0)
      .sort((a, b) => b.usd - a.usd)
      .map((entry) => `${venueFacts(entry.venue).short} ${Math.round((entry.usd / side.usd) * 100)} %`);
    return `${side.name} by venue: ${shares.join(', ')}`;
  });
}

const venueList = (venues: readonly Venue[]): string => venues.map((venue) => venueFacts(venue).short).join(', ');

/**
 * What the heatmap and the realized markers hold across venues, and what they cannot: "Heatmap:
 * Binance, Bybit, OKX (Hyperliquid: no history yet) · Realized: Binance, Bybit, OKX (Hyperliquid
 * publishes none)".
 */
export function aggregateHistoryText(aggregate: AggregateMapWire): string {
  const lacking = aggregate.parts.map((part) => part.venue).filter((venue) => !aggregate.heatmapVenues.includes(venue));
  const heat =
    aggregate.heatmapVenues.length === 0
      ? 'no history yet'
      : `${venueList(aggregate.heatmapVenues)}${lacking.length === 0 ? '' : ` (${venueList(lacking)}: no history yet)`}`;
  const taking = aggregate.parts
    .map((part) => part.venue)
    .filter((venue) => !aggregate.realizedUnavailable.includes(venue));
  const none =
    aggregate.realizedUnavailable.length === 0
      ? ''
      : ` (${venueList(aggregate.realizedUnavailable)} ${aggregate.realizedUnavailable.length === 1 ? 'publishes' : 'publish'} none)`;
  return `Heatmap: ${heat} · Realized: ${taking.length === 0 ? 'none' : venueList(taking)}${none}`;
}
