/** The q-th quantile (0..1) of `samples` by the nearest-rank method; NaN for no samples. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** Rounds to `digits` decimals for reporting. */
export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** One benchmark's figures as `npm run bench` reports them: numbers, and per-part series of them. */
export type BenchFigures = Record<string, number | readonly number[]>;
