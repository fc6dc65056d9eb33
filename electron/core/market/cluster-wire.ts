import { buildProfile, heatmap, liquidationMap, type LedgerView, type LiquidationMap } from '../../../shared/clusters';
import type { RealizedLiquidation } from '../../../shared/domain/liquidation';
import type { ClusterWire, HeatmapColumnWire, RealizedWire } from '../../../shared/ipc/views/clusters';

/** How much of the ledger goes on the wire. */
export interface ClusterWireOptions {
  /** Price range of the map, the profile and each heatmap column, fraction each side of the mark (default 0.15). */
  readonly rangeFraction?: number;
  /** Heatmap columns back from the ledger's time, ms (default 3 days: the chart's window). */
  readonly heatmapWindowMs?: number;
  /** Most realized liquidations sent, newest kept (default 500). */
  readonly maxRealized?: number;
}

// Model USD: whole dollars are far finer than the estimate; rounding keeps the payload small.
const usd = (value: number): number => Math.round(value);
const usdArray = (values: ArrayLike<number>): number[] => Array.from(values, usd);

/** Trims empty bins at both ends of a column so a sparse heatmap stays small. */
function trimColumn(
  firstBin: number,
  long: number[],
  short: number[],
): { firstBin: number; long: number[]; short: number[] } {
  let from = 0,
    to = long.length - 1;
  while (from <= to && long[from] === 0 && short[from] === 0) from++;
  while (to >= from && long[to] === 0 && short[to] === 0) to--;
  return { firstBin: firstBin + from, long: long.slice(from, to + 1), short: short.slice(from, to + 1) };
}

/**
 * A liquidation map as it crosses to the renderer: every USD figure rounded to whole dollars (the
 * estimate's, the measured map's and the map across venues alike).
 */
export function compactMap<M extends LiquidationMap>(map: M): M {
  return {
    ...map,
    longUsd: usd(map.longUsd),
    shortUsd: usd(map.shortUsd),
    bins: map.bins.map((bin) => ({
      ...bin,
      longUsd: usd(bin.longUsd),
      shortUsd: usd(bin.shortUsd),
      longByLeverage: usdArray(bin.longByLeverage),
      shortByLeverage: usdArray(bin.shortByLeverage),
      byVenue: bin.byVenue.map((venue) => ({ ...venue, longUsd: usd(venue.longUsd), shortUsd: usd(venue.shortUsd) })),
      provenance: bin.provenance.map((item) => ({
        ...item,
        usd: usd(item.usd),
        meanBirthMs: Math.round(item.meanBirthMs),
      })),
      ...(bin.nearPrice === undefined
        ? {}
        : { nearPrice: { longUsd: usd(bin.nearPrice.longUsd), shortUsd: usd(bin.nearPrice.shortUsd) } }),
    })),
  };
}

/**
 * The chart's view of a ledger: the map within ± range (with provenance), the same profile as
 * arrays, the heatmap columns of the last `heatmapWindowMs` cropped to ± range around each
 * column's own mark, and the newest realized liquidations. Returns null before the ledger has a
 * price (no bar yet). USD figures are rounded to whole dollars.
 */
export function toClusterWire(
  ledger: LedgerView,
  realized: readonly RealizedLiquidation[],
  options: ClusterWireOptions = {},
): ClusterWire | null {
  if (!(ledger.price > 0)) return null;
  const range = options.rangeFraction ?? 0.15;
  const price = ledger.price;
  const profile = buildProfile(ledger, { fromPrice: price * (1 - range), toPrice: price * (1 + range) });
  const map = heatmap(ledger, ledger.timeMs - (options.heatmapWindowMs ?? 3 * 86_400_000));
  const columns: HeatmapColumnWire[] = map.snapshots.map((snapshot) => {
    const from = ledger.grid.binOf(snapshot.price * (1 - range)) - snapshot.firstBin;
    const to = ledger.grid.binOf(snapshot.price * (1 + range)) - snapshot.firstBin + 1;
    const lo = Math.max(0, from),
      hi = Math.min(snapshot.long.length, to);
    const trimmed = trimColumn(
      snapshot.firstBin + lo,
      usdArray(snapshot.long.subarray(lo, hi)),
      usdArray(snapshot.short.subarray(lo, hi)),
    );
    return { timeMs: snapshot.timeMs, price: snapshot.price, ...trimmed };
  });
  const wireRealized: RealizedWire[] = realized
    .slice(-(options.maxRealized ?? 500))
    .map((item) => ({ timeMs: item.timeMs, price: item.price, side: item.side, usd: usd(item.notionalUsd) }));
  return {
    binSize: ledger.params.binSize,
    timeMs: ledger.timeMs,
    price,
    map: compactMap(liquidationMap(ledger, range)),
    profile: { firstBin: profile.firstBin, long: usdArray(profile.long), short: usdArray(profile.short) },
    heatmap: { everyMs: map.everyMs, columns },
    realized: wireRealized,
  };
}
