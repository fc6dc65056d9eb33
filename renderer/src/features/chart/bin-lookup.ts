import type { MapBin } from '../../../../shared/clusters';

/**
 * The map bin whose [low, high) holds `price`, or null (bins ascending by price, as
 * `liquidationMap` lists them). Binary search: it runs on every crosshair move.
 */
export function findMapBin(bins: readonly MapBin[], price: number): MapBin | null {
  let lo = 0,
    hi = bins.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const bin = bins[mid];
    if (bin === undefined) return null;
    if (price < bin.low) hi = mid - 1;
    else if (price >= bin.high) lo = mid + 1;
    else return bin;
  }
  return null;
}
