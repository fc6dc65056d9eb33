import { compactMap } from './cluster-wire';
import type { BinSize, MeasuredMap } from '../../../shared/clusters';
import type { MeasuredMapWire } from '../../../shared/ipc/views/clusters';

const usd = (value: number): number => Math.round(value);

/**
 * The measured map as it crosses to the renderer: USD rounded to whole dollars (as the estimate's
 * wire), the profile trimmed of empty ends so a sparse map stays small.
 */
export function toMeasuredWire(measured: MeasuredMap, binSize: BinSize): MeasuredMapWire {
  const { profile, map } = measured;
  let from = 0,
    to = profile.long.length - 1;
  while (from <= to && !(profile.long[from] ?? 0) && !(profile.short[from] ?? 0)) from++;
  while (to >= from && !(profile.long[to] ?? 0) && !(profile.short[to] ?? 0)) to--;
  return {
    binSize,
    timeMs: map.timeMs,
    price: map.price,
    map: compactMap(map),
    profile: {
      firstBin: profile.firstBin + from,
      long: profile.long.slice(from, to + 1).map(usd),
      short: profile.short.slice(from, to + 1).map(usd),
    },
    coverage: { ...measured.coverage, coveredUsd: usd(measured.coverage.coveredUsd) },
  };
}
