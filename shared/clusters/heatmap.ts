import type { HeatmapSnapshot, LedgerView } from './ledger-view';
import { buildProfile, snapshotProfile, type ProfileScratch } from './profile';
import type { PriceGrid } from './price-grid';
import { imbalance, type Imbalance, type ImbalanceWindow } from './imbalance';

/**
 * The current profile within ±`params.snapshotRangeFraction` of the mark, as float32 (USD to about
 * seven significant digits, which a heatmap's colour scale never resolves): one heatmap column.
 * `scratch`: arrays the build may reuse (the snapshot copies out of them).
 */
export function takeSnapshot(view: LedgerView, timeMs: number, scratch?: ProfileScratch): HeatmapSnapshot {
  const range = view.params.snapshotRangeFraction;
  const profile = buildProfile(
    view,
    { fromPrice: view.price * (1 - range), toPrice: view.price * (1 + range) },
    scratch,
  );
  return {
    timeMs,
    price: view.price,
    firstBin: profile.firstBin,
    long: new Float32Array(profile.long),
    short: new Float32Array(profile.short),
  };
}

/** The liquidation heatmap: the grid and the snapshots at the ledger's cadence, oldest first. */
export interface Heatmap {
  readonly grid: PriceGrid;
  /** Cadence, ms. */
  readonly everyMs: number;
  readonly snapshots: readonly HeatmapSnapshot[];
}

/** The heatmap over time held by a ledger (snapshots between `fromMs` and `toMs`, inclusive). */
export function heatmap(view: LedgerView, fromMs = -Infinity, toMs = Infinity): Heatmap {
  return {
    grid: view.grid,
    everyMs: view.params.snapshotEveryMs,
    snapshots: view.snapshots().filter((s) => s.timeMs >= fromMs && s.timeMs <= toMs),
  };
}

/** One point of the imbalance history. */
export interface ImbalancePoint extends Imbalance {
  readonly timeMs: number;
  readonly price: number;
}

/** The imbalance for `window` at every heatmap snapshot, oldest first. */
export function imbalanceHistory(view: LedgerView, window: ImbalanceWindow): ImbalancePoint[] {
  return view.snapshots().map((snapshot) => ({
    timeMs: snapshot.timeMs,
    price: snapshot.price,
    ...imbalance(snapshotProfile(view.grid, snapshot), snapshot.price, window),
  }));
}
