import { describe, expect, it } from 'vitest';
import { createPriceGrid, nearestCluster, type Profile } from './index';

const grid = createPriceGrid({ kind: 'absolute', step: 100 });
const markPrice = 60_050;
/** A profile over 50,000–70,000 with USD placed at the given prices. */
function profileWith(long: Record<number, number>, short: Record<number, number>): Profile {
  const firstBin = grid.binOf(50_000);
  const size = grid.binOf(70_000) - firstBin + 1;
  const out = { long: new Float64Array(size), short: new Float64Array(size) };
  for (const [values, target] of [
    [long, out.long],
    [short, out.short],
  ] as const) {
    for (const [price, usd] of Object.entries(values)) target[grid.binOf(Number(price)) - firstBin] = usd;
  }
  return { grid, firstBin, ...out };
}

describe('the nearest cluster on a position liquidation side', () => {
  const profile = profileWith(
    { 58_050: 4e6, 55_050: 9e6, 62_050: 7e6 /* a long level above the mark: not on a long's way down */ },
    { 61_550: 3e6, 65_050: 8e6, 57_050: 6e6 /* a short level below the mark: not on a short's way up */ },
  );

  it('a long: the nearest of the long clusters below the mark, not the largest, not one above', () => {
    const cluster = nearestCluster(profile, markPrice, 'long');
    expect(cluster?.price).toBe(58_050);
    expect(cluster?.longUsd).toBe(4e6);
    expect(cluster?.distance).toBeCloseTo((58_050 - markPrice) / markPrice, 12);
  });

  it('a short: the nearest of the short clusters above the mark', () => {
    const cluster = nearestCluster(profile, markPrice, 'short');
    expect(cluster?.price).toBe(61_550);
    expect(cluster?.shortUsd).toBe(3e6);
    expect(cluster?.distance).toBeGreaterThan(0);
  });

  it('a crumb next to the mark does not hide the walls behind it when only the largest count', () => {
    const crumbs = profileWith({ 59_950: 1_000, 58_050: 4e6, 55_050: 9e6 }, {});
    expect(nearestCluster(crumbs, markPrice, 'long', { count: 2 })?.price).toBe(58_050);
    expect(nearestCluster(crumbs, markPrice, 'long', { count: 3 })?.price).toBe(59_950);
  });

  it('null when nothing of the side lies on the way', () => {
    expect(nearestCluster(profileWith({ 62_050: 7e6 }, {}), markPrice, 'long')).toBeNull();
    expect(nearestCluster(profileWith({}, { 57_050: 6e6 }), markPrice, 'short')).toBeNull();
  });
});
