import type { Profile } from './profile';

/** One point of a cumulative curve. */
export interface CurvePoint {
  /** The far edge of the bin reached (lower edge going down, upper edge going up), quote units. */
  readonly price: number;
  /** USD of the side's levels between the mark and `price`, inclusive. */
  readonly usd: number;
}

/** Long liquidations below the mark, accumulated downward; short above, accumulated upward. */
export interface CumulativeCurves {
  readonly long: readonly CurvePoint[];
  readonly short: readonly CurvePoint[];
}

/**
 * Cumulative curves from the mark outward, one point per bin. Levels of a side on the "wrong" side
 * of the mark (not yet consumed inside their bin) are counted in the first point, so each curve
 * ends at its side's total.
 */
export function cumulativeCurves(profile: Profile, markPrice: number): CumulativeCurves {
  const { grid, firstBin } = profile;
  const n = profile.long.length;
  const markIndex = Math.min(n - 1, Math.max(0, grid.binOf(markPrice) - firstBin));
  const long: CurvePoint[] = [],
    short: CurvePoint[] = [];
  if (n === 0) return { long, short };
  let sum = 0;
  for (let i = n - 1; i > markIndex; i--) sum += profile.long[i] ?? 0;
  for (let i = markIndex; i >= 0; i--) {
    sum += profile.long[i] ?? 0;
    long.push({ price: grid.low(firstBin + i), usd: sum });
  }
  sum = 0;
  for (let i = 0; i < markIndex; i++) sum += profile.short[i] ?? 0;
  for (let i = markIndex; i < n; i++) {
    sum += profile.short[i] ?? 0;
    short.push({ price: grid.high(firstBin + i), usd: sum });
  }
  return { long, short };
}
