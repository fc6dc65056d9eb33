import type { HeatmapSnapshot, LedgerView } from './ledger-view';
import { buildProfile, snapshotProfile, type ProfileScratch } from './profile';
import type { PriceGrid } from './price-grid';
import { imbalance, type Imbalance, type ImbalanceWindow } from './imbalance';

/**
 * Hands out float32 copies carved from shared blocks of `blockLength` values: a ledger takes a
 * snapshot every hour, and one allocation per block instead of two per snapshot is most of a
 * snapshot's cost. A block lives as long as any copy in it; snapshots leave oldest first, so blocks
 * are freed in order.
 */
export interface Float32Slab {
  copy(values: Float64Array | Float32Array): Float32Array;
}

/** A slab with blocks of `blockLength` values (a longer array gets a block of its own). */
export function createFloat32Slab(blockLength = 32_768): Float32Slab {
  let block = new Float32Array(0),
    used = 0;
  return {
    copy(values) {
      if (used + values.length > block.length) {
        block = new Float32Array(Math.max(blockLength, values.length));
        used = 0;
      }
      const out = block.subarray(used, used + values.length);
      out.set(values);
      used += values.length;
      return out;
    },
  };
}

/**
 * The current profile within ±`params.snapshotRangeFraction` of the mark, as float32 (USD to about
 * seven significant digits, which a heatmap's colour scale never resolves): one heatmap column.
 * `scratch`: arrays the build may reuse (the snapshot copies out of them); `slab`: where the copies
 * are carved from (fresh arrays without one).
 */
export function takeSnapshot(
  view: LedgerView,
  timeMs: number,
  scratch?: ProfileScratch,
  slab?: Float32Slab,
): HeatmapSnapshot {
  const range = view.params.snapshotRangeFraction;
  const profile = buildProfile(
    view,
    { fromPrice: view.price * (1 - range), toPrice: view.price * (1 + range) },
    scratch,
  );
  const copy = (values: Float64Array | Float32Array): Float32Array => slab?.copy(values) ?? new Float32Array(values);
  return {
    timeMs,
    price: view.price,
    firstBin: profile.firstBin,
    long: copy(profile.long),
    short: copy(profile.short),
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
