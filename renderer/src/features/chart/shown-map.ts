import type { Profile } from '../../../../shared/clusters';
import type { ClusterWire, MeasuredMapWire } from '../../../../shared/ipc/views/clusters';
import { formatUsdCompact } from './usd-compact';
import type { OverlayColors } from './cluster-renderer';
import { profileFromWire } from './profile-from-wire';

/** Which map the chart draws: the model's estimate, or positions measured on the venue. */
export type MapKind = 'estimated' | 'measured';

/** The map kinds in selector order, with their labels. */
export const mapKinds: readonly MapKind[] = ['measured', 'estimated'];
export const mapKindLabels: Readonly<Record<MapKind, string>> = { measured: 'Measured', estimated: 'Estimated' };

/** What the chart draws for one choice: the cluster wire its overlay, badge and tooltip read. */
export interface ShownMap {
  readonly kind: MapKind;
  readonly clusters: ClusterWire | null;
  readonly profile: Profile | null;
}

/**
 * The map to draw. A market with a measured map (Hyperliquid) shows it unless the user picked the
 * estimate; a market without one shows the estimate whatever was picked. The measured map has no
 * heatmap history; the realized liquidations stay the estimate's (they are the venue's, not the model's).
 */
export function shownMap(
  choice: MapKind | null,
  clusters: ClusterWire | null,
  profile: Profile | null,
  measured: MeasuredMapWire | null,
): ShownMap {
  if (measured === null || choice === 'estimated') return { kind: 'estimated', clusters, profile };
  return {
    kind: 'measured',
    clusters: {
      binSize: measured.binSize,
      timeMs: measured.timeMs,
      price: measured.price,
      map: measured.map,
      profile: measured.profile,
      heatmap: { everyMs: clusters?.heatmap.everyMs ?? 3_600_000, columns: [] },
      realized: clusters?.realized ?? [],
    },
    profile: profileFromWire(measured.profile, measured.binSize),
  };
}

/**
 * "412 addresses, $38M of $120M open interest, 32 % · reads up to 40 s old": the coverage of a
 * measured map, so nobody takes a partial map for the whole market.
 */
export function coverageText(measured: MeasuredMapWire): string {
  const { coverage } = measured;
  const share =
    coverage.openInterestUsd === null
      ? `${formatUsdCompact(coverage.coveredUsd)} (open interest not read yet)`
      : `${formatUsdCompact(coverage.coveredUsd)} of ${formatUsdCompact(coverage.openInterestUsd)} open interest, ${Math.round((coverage.fraction ?? 0) * 100)} %`;
  const age =
    coverage.oldestReadMs === null
      ? 'no positions read yet'
      : `reads up to ${ageText(Math.max(0, measured.timeMs - coverage.oldestReadMs))} old`;
  return `${coverage.addresses.toLocaleString('en-US')} addresses, ${share} · ${age}`;
}

function ageText(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 90) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 90 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
}

/**
 * The overlay's colours for a measured map: its own pair (blue longs, violet shorts), so a
 * measured map never looks like an estimate at a glance. Theme tokens may override them.
 */
export function measuredOverlay(colors: OverlayColors, element: Element | null): OverlayColors {
  const style = element === null ? null : getComputedStyle(element);
  const read = (name: string, fallback: string): string => style?.getPropertyValue(name).trim() || fallback;
  return {
    ...colors,
    long: read('--chart-measured-long', '#4f9dff'),
    short: read('--chart-measured-short', '#c77dff'),
  };
}
