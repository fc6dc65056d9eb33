import type { Side } from '../domain/side';
import type { Profile } from './profile';

/** A cluster: the USD within ±`halfWidthFraction` of a centre bin. */
export interface Cluster {
  /** Centre price (middle of the centre bin), quote units. */
  readonly price: number;
  readonly low: number;
  readonly high: number;
  readonly longUsd: number;
  readonly shortUsd: number;
  readonly usd: number;
  /** The side holding most of it. */
  readonly side: Side;
  /** (cluster − mark) / mark, signed fraction: negative below price. */
  readonly distance: number;
}

/** How clusters are found. */
export interface ClusterOptions {
  /** How many (default 10). */
  readonly count?: number;
  /** Half-width of the window summed around each centre, fraction of the mark (default 0.0025). */
  readonly halfWidthFraction?: number;
  /** Minimum distance between two centres, fraction of the mark (default 0.01: windows never overlap). */
  readonly separationFraction?: number;
}

/**
 * The largest clusters, largest first: every bin is scored by the USD (both sides) within
 * ±halfWidth of it; the best is taken, bins closer than `separationFraction` to a taken centre are
 * skipped, and so on. Non-maximum suppression keeps ten clusters from being ten neighbouring bins
 * of one peak. Empty bins are never centres.
 */
export function topClusters(profile: Profile, markPrice: number, options: ClusterOptions = {}): Cluster[] {
  const count = options.count ?? 10;
  const halfWidth = options.halfWidthFraction ?? 0.0025;
  const separation = options.separationFraction ?? 0.01;
  const n = profile.long.length;
  const grid = profile.grid;
  // Window bounds per bin in bin units, from the grid's own geometry at the mark.
  const binsPer = (fraction: number): number =>
    Math.max(0, Math.round(grid.position(markPrice * (1 + fraction)) - grid.position(markPrice)));
  const h = binsPer(halfWidth);
  const prefixLong = new Float64Array(n + 1),
    prefixShort = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    prefixLong[i + 1] = (prefixLong[i] ?? 0) + (profile.long[i] ?? 0);
    prefixShort[i + 1] = (prefixShort[i] ?? 0) + (profile.short[i] ?? 0);
  }
  const windowOf = (i: number): [number, number] => {
    const a = Math.max(0, i - h),
      b = Math.min(n, i + h + 1);
    return [(prefixLong[b] ?? 0) - (prefixLong[a] ?? 0), (prefixShort[b] ?? 0) - (prefixShort[a] ?? 0)];
  };
  // Candidate centres and their window's USD in typed arrays rather than an object per bin: this
  // runs for every position at every account read, and the garbage is most of its cost.
  const scores = new Float64Array(n);
  const indices = new Int32Array(n);
  let candidates = 0;
  for (let i = 0; i < n; i++) {
    if ((profile.long[i] ?? 0) + (profile.short[i] ?? 0) <= 0) continue;
    const a = Math.max(0, i - h),
      b = Math.min(n, i + h + 1);
    scores[i] = (prefixLong[b] ?? 0) - (prefixLong[a] ?? 0) + ((prefixShort[b] ?? 0) - (prefixShort[a] ?? 0));
    indices[candidates++] = i;
  }
  // Largest first, ties broken by index so the result is deterministic.
  const order = indices.subarray(0, candidates).sort((x, y) => (scores[y] ?? 0) - (scores[x] ?? 0) || x - y);
  const taken: Cluster[] = [];
  for (const index of order) {
    if (taken.length >= count) break;
    const price = grid.mid(profile.firstBin + index);
    if (taken.some((cluster) => Math.abs(cluster.price - price) < separation * markPrice)) continue;
    const [longUsd, shortUsd] = windowOf(index);
    taken.push({
      price,
      low: grid.low(profile.firstBin + Math.max(0, index - h)),
      high: grid.high(profile.firstBin + Math.min(n - 1, index + h)),
      longUsd,
      shortUsd,
      usd: longUsd + shortUsd,
      side: longUsd >= shortUsd ? 'long' : 'short',
      distance: (price - markPrice) / markPrice,
    });
  }
  return taken;
}
