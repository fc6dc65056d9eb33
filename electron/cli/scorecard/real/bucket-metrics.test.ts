import { describe, expect, it } from 'vitest';
import { createPriceGrid, defaultLedgerParams, type Profile } from '../../../../shared/clusters/index';
import { massBetween } from '../../../core/skill/bucket-mass';
import { blockBootstrap, quantile, rankCorrelation, topDecileHitRate, type SidePoint } from './bucket-metrics';

const points = (pairs: readonly (readonly [predicted: number, realized: number])[], perDay = 10): SidePoint[] =>
  pairs.map(([predicted, realizedUsd], i) => ({ day: Math.floor(i / perDay), side: 'long', predicted, realizedUsd }));

describe('bucket metrics', () => {
  it('rank correlation: 1 for the same order, −1 reversed, 0 for a constant prediction', () => {
    const realized = [5, 1, 9, 3, 7];
    expect(rankCorrelation(points(realized.map((r) => [r * 2 + 1, r])))).toBeCloseTo(1, 12);
    expect(rankCorrelation(points(realized.map((r) => [-r, r])))).toBeCloseTo(-1, 12);
    expect(rankCorrelation(points(realized.map((r) => [0, r])))).toBe(0);
  });

  it('top-decile hit rate: 1 when the largest predictions are the largest realized, 0 when they are the smallest', () => {
    const realized = Array.from({ length: 50 }, (_, i) => i);
    expect(topDecileHitRate(points(realized.map((r) => [r, r])))).toBe(1);
    expect(topDecileHitRate(points(realized.map((r) => [-r, r])))).toBe(0);
    expect(topDecileHitRate([])).toBe(0);
  });

  it('the block bootstrap is deterministic for its seed, brackets the full-sample value, and pairs groups', () => {
    const realized = Array.from({ length: 200 }, (_, i) => (i * 7919) % 101);
    const good = points(realized.map((r, i) => [r + ((i * 31) % 40), r]));
    const noise = points(realized.map((r, i) => [(i * 53) % 97, r]));
    const options = { seed: 7, resamples: 200, coverage: 0.9 };
    const run = () =>
      blockBootstrap(
        [good, noise],
        ([a = [], b = []]) => [rankCorrelation(a), rankCorrelation(a) - rankCorrelation(b)],
        options,
      );
    const [rank, difference] = run();
    expect(run()).toEqual([rank, difference]);
    expect(rank?.low).toBeLessThanOrEqual(rank?.value ?? Number.NaN);
    expect(rank?.high).toBeGreaterThanOrEqual(rank?.value ?? Number.NaN);
    expect(rank?.high).toBeGreaterThan(rank?.low ?? Infinity);
    expect(difference?.low).toBeGreaterThan(0);
    const [other] = blockBootstrap([good], ([a = []]) => [rankCorrelation(a)], { ...options, seed: 8 });
    expect(other?.value).toBe(rank?.value);
    expect(other?.low).not.toBe(rank?.low);
  });

  it('quantile interpolates between sorted values', () => {
    expect(quantile([0, 10], 0.25)).toBe(2.5);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('map mass counts the share of each bin inside the range', () => {
    const grid = createPriceGrid(defaultLedgerParams.binSize);
    const first = grid.binOf(100);
    const profile: Profile = {
      grid,
      firstBin: first,
      long: new Float64Array([10, 20, 30]),
      short: new Float64Array(3),
    };
    expect(massBetween(profile, 'long', grid.low(first), grid.high(first + 2))).toBeCloseTo(60, 9);
    expect(massBetween(profile, 'long', grid.priceAt(first + 0.5), grid.priceAt(first + 1.5))).toBeCloseTo(15, 9);
    expect(massBetween(profile, 'long', 100, 100)).toBe(0);
    expect(massBetween(profile, 'short', grid.low(first), grid.high(first + 2))).toBe(0);
  });
});
