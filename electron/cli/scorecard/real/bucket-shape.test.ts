import { expect, it } from 'vitest';
import { bucketShape } from './bucket-shape';
import type { Bucket } from './real-data';

const bucket = (over: Partial<Bucket>): Bucket => ({
  startMs: 0,
  open: 100,
  high: 101,
  low: 98,
  close: 100,
  openInterestUsd: 1_000_000,
  longUsd: 0,
  shortUsd: 0,
  ...over,
});

it('counts the bucket-sides with liquidations and takes the medians of their size against OI and against move × OI', () => {
  const shape = bucketShape([
    // Longs: a 2 % fall liquidating 200 USD of 1 M OI (2 bp, 0.01 of move × OI); shorts: nothing.
    bucket({ longUsd: 200 }),
    // Longs: 100 USD over a 2 % fall (1 bp, 0.005); shorts: 300 USD over a 1 % rise (3 bp, 0.03).
    bucket({ longUsd: 100, shortUsd: 300 }),
  ]);
  expect(shape.shareWithLiquidations).toBe(0.75);
  expect(shape.liquidatedOfOiBp).toBe(2);
  expect(shape.liquidatedPerMoveOi).toBe(0.01);
});

it('leaves a side without a move out of the size per move, and gives zeros for no buckets', () => {
  const flat = bucketShape([bucket({ low: 100, longUsd: 500 })]);
  expect(flat.shareWithLiquidations).toBe(0.5);
  expect(flat.liquidatedOfOiBp).toBe(5);
  expect(flat.liquidatedPerMoveOi).toBe(0);
  expect(bucketShape([])).toEqual({ shareWithLiquidations: 0, liquidatedOfOiBp: 0, liquidatedPerMoveOi: 0 });
});
