import { describe, expect, it } from 'vitest';
import { sparkPoints, sparkY } from './sparkline';

describe('sparkline points', () => {
  it('spreads the values across the width with the highest at the top and the lowest at the bottom', () => {
    const points = sparkPoints([0, 4, -2, 2], 60, 12);
    expect(points.map((p) => p.x)).toEqual([0, 20, 40, 60]);
    expect(points[1]?.y).toBe(1);
    expect(points[2]?.y).toBe(11);
    expect(points[0]?.y).toBeCloseTo(1 + (4 / 6) * 10, 12);
  });

  it('draws a flat series in the middle and no line from fewer than two values', () => {
    expect(sparkPoints([3, 3, 3], 20, 10).map((p) => p.y)).toEqual([5, 5, 5]);
    expect(sparkPoints([3], 20, 10)).toEqual([]);
    expect(sparkPoints([], 20, 10)).toEqual([]);
  });

  it('places a reference value such as zero on the same scale, or nowhere when it is outside the range', () => {
    expect(sparkY([0, 4, -2, 2], 0, 12)).toBeCloseTo(1 + (4 / 6) * 10, 12);
    expect(sparkY([1, 4], 0, 12)).toBeNull();
  });
});
