import { describe, expect, it } from 'vitest';
import { createPriceGrid } from '../../../shared/clusters/index';
import type { SimTruthLevel } from '../../sim/market/types';
import { scorePoint, spearman } from './metrics';

const level = (side: 'long' | 'short', liquidationPrice: number, size: number): SimTruthLevel => ({
  symbol: 'X',
  side,
  liquidationPrice,
  size,
  leverage: 10,
  openedAtMs: 0,
});

describe('scorecard metrics', () => {
  it('spearman: 1 for the same order, −1 reversed, ties averaged, 0 when constant', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    expect(spearman([0, 0, 1, 2], [0, 0, 5, 9])).toBeCloseTo(1, 12);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBe(0);
  });

  it('captures true USD near the top clusters and reads the imbalance sign', () => {
    const grid = createPriceGrid({ kind: 'relative', fraction: 0.001 });
    const mark = 100;
    const long = new Float64Array(200),
      short = new Float64Array(200);
    const firstBin = grid.binOf(90);
    long[grid.binOf(97) - firstBin] = 5; // one long cluster at 97
    short[grid.binOf(104) - firstBin] = 1; // a smaller short one at 104
    const truth = [level('long', 97.1, 3), level('short', 104, 1), level('long', 80, 6)];
    const scores = scorePoint({ grid, firstBin, long, short }, mark, truth);
    const usd = truth.map((l) => l.size * l.liquidationPrice);
    expect(scores.top10Capture).toBeCloseTo(((usd[0] ?? 0) + (usd[1] ?? 0)) / usd.reduce((a, b) => a + b, 0), 12);
    expect(scores.signAgreements).toEqual([true, true]);
    expect(scores.ratioErrors[0]).toBeCloseTo(Math.abs(Math.log(1 / 5) - Math.log(104 / (3 * 97.1))), 4);
  });
});
