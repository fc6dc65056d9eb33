import { createRandom } from '../../../sim/market/prng';
import { spearman } from '../metrics';

/** One scored bucket-side: what an estimator predicted and what was realized, with its UTC day. */
export interface SidePoint {
  /** UTC day index (Unix ms / 86,400,000, floored): the block the bootstrap resamples. */
  readonly day: number;
  readonly side: 'long' | 'short';
  readonly predicted: number;
  readonly realizedUsd: number;
}

/** A figure with its bootstrap interval. */
export interface Interval {
  readonly value: number;
  readonly low: number;
  readonly high: number;
}

/** Spearman's ρ of predicted against realized over the given points (0 when either is constant). */
export function rankCorrelation(points: readonly SidePoint[]): number {
  return spearman(
    points.map((p) => p.predicted),
    points.map((p) => p.realizedUsd),
  );
}

/**
 * Top-decile hit rate in [0, 1]: of the tenth of points with the largest realized USD, the share
 * that are also in the tenth the estimator ranks highest (ceil(n / 10) each; ties broken by the
 * points' order, so a model predicting zero everywhere scores about 0.1, the rate of chance).
 * 0 for no points.
 */
export function topDecileHitRate(points: readonly SidePoint[]): number {
  const count = Math.ceil(points.length / 10);
  if (count === 0) return 0;
  const top = (key: (p: SidePoint) => number): Set<number> =>
    new Set(
      points
        .map((p, index) => ({ value: key(p), index }))
        .sort((a, b) => b.value - a.value || a.index - b.index)
        .slice(0, count)
        .map((item) => item.index),
    );
  const realized = top((p) => p.realizedUsd),
    predicted = top((p) => p.predicted);
  let hits = 0;
  for (const index of predicted) if (realized.has(index)) hits++;
  return hits / count;
}

/** Bootstrap settings: resamples and the two-sided coverage of the interval. */
export interface BootstrapOptions {
  readonly seed: number;
  readonly resamples: number;
  /** e.g. 0.9 for a 5 %–95 % interval. */
  readonly coverage: number;
}

/**
 * Block bootstrap over days: draws as many days as the points span, with replacement (each keeps
 * all its points, so the correlation of buckets within a day stays in the sample), and evaluates
 * `evaluate` on the resampled groups. Returns each figure `evaluate` gives, on the full sample,
 * with its percentile interval. Every group is resampled with the same days, so a figure that is
 * a difference between groups gets a paired interval. Deterministic for its seed.
 */
export function blockBootstrap(
  groups: readonly (readonly SidePoint[])[],
  evaluate: (groups: readonly (readonly SidePoint[])[]) => readonly number[],
  options: BootstrapOptions,
): Interval[] {
  const days = [...new Set(groups.flatMap((points) => points.map((p) => p.day)))].sort((a, b) => a - b);
  const byDay = groups.map((points) => {
    const map = new Map<number, SidePoint[]>();
    for (const p of points) {
      const list = map.get(p.day);
      if (list === undefined) map.set(p.day, [p]);
      else list.push(p);
    }
    return map;
  });
  const random = createRandom(options.seed);
  const full = evaluate(groups);
  const draws: number[][] = full.map(() => []);
  for (let r = 0; r < options.resamples; r++) {
    const picked = Array.from({ length: days.length }, () => days[random.int(days.length)] ?? 0);
    const values = evaluate(byDay.map((map) => picked.flatMap((day) => map.get(day) ?? [])));
    values.forEach((value, i) => draws[i]?.push(value));
  }
  const tail = (1 - options.coverage) / 2;
  return full.map((value, i) => {
    const sorted = [...(draws[i] ?? [])].sort((a, b) => a - b);
    return { value, low: quantile(sorted, tail), high: quantile(sorted, 1 - tail) };
  });
}

/** Linear-interpolated quantile of sorted values; NaN when empty. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const x = q * (sorted.length - 1);
  const i = Math.floor(x);
  const a = sorted[i] ?? Number.NaN,
    b = sorted[Math.min(sorted.length - 1, i + 1)] ?? a;
  return a + (b - a) * (x - i);
}
