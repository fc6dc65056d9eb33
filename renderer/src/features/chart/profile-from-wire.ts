import type { BinSize } from '../../../../shared/clusters/params';
import { createPriceGrid, type PriceGrid } from '../../../../shared/clusters/price-grid';
import type { Profile } from '../../../../shared/clusters/profile';
import type { ProfileWire } from '../../../../shared/ipc/views/clusters';

/** The grid of a bin size; one grid per distinct size, because profiles are read every crosshair move. */
const grids = new Map<string, PriceGrid>();

/** The shared/clusters grid a `ClusterWire.binSize` names (cached). */
export function gridFor(binSize: BinSize): PriceGrid {
  const key = binSize.kind === 'relative' ? `r${binSize.fraction}` : `a${binSize.step}`;
  let grid = grids.get(key);
  if (grid === undefined) {
    grid = createPriceGrid(binSize);
    grids.set(key, grid);
  }
  return grid;
}

/**
 * A wire profile (plain arrays, as JSON carries them) as the shared/clusters `Profile` its
 * functions take (typed arrays on the grid). Missing or non-finite entries count as 0; the shorter
 * of the two arrays is padded so both sides line up bin for bin.
 */
export function profileFromWire(wire: ProfileWire, binSize: BinSize): Profile {
  const n = Math.max(wire.long.length, wire.short.length);
  const long = new Float64Array(n),
    short = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const l = wire.long[i] ?? 0,
      s = wire.short[i] ?? 0;
    long[i] = Number.isFinite(l) && l > 0 ? l : 0;
    short[i] = Number.isFinite(s) && s > 0 ? s : 0;
  }
  return { grid: gridFor(binSize), firstBin: wire.firstBin, long, short };
}
