import { describe, expect, it } from 'vitest';
import { cascadePath } from '../../../../shared/clusters/cascade-path';
import { createPriceGrid } from '../../../../shared/clusters/price-grid';
import type { Profile } from '../../../../shared/clusters/profile';
import { ClusterPrimitive } from './cluster-primitive';

const colors = { long: '#0a0', short: '#a00', danger: '#f00', ghost: '#888', text: '#fff', labelBackground: '#000' };

/** A profile of 0.1 % bins around 60,000 with long USD in every bin below the price. */
function profile(): Profile {
  const grid = createPriceGrid({ kind: 'relative', fraction: 0.001 });
  const firstBin = grid.binOf(55_000),
    length = grid.binOf(65_000) - firstBin + 1;
  const long = new Float64Array(length).map((_, i) => 1_000_000 + 10_000 * i);
  return { grid, firstBin, long, short: new Float64Array(length) };
}

describe('the chart overlay and the what-if read one cascade path', () => {
  it("the chart's 'between price and your liquidation' follows the mark across its bin's middle, as the what-if's exact path does", () => {
    const map = profile();
    const overlay = new ClusterPrimitive(colors, ['#000']);
    overlay.setClusters(map, null);
    overlay.setTargets(58_000, null);
    const bin = map.grid.binOf(60_000);
    const [low, mid, high] = [map.grid.low(bin), map.grid.mid(bin), map.grid.high(bin)];
    // Below the middle, on it, above it, and back: one bin, and the mark's own bin counts only from its middle up.
    const marks = [low + (mid - low) / 4, mid, mid + (high - mid) / 2, low + (mid - low) / 2];
    const seen = new Set<number>();
    for (const mark of marks) {
      overlay.setMark(mark);
      const exact = cascadePath(map, mark, 58_000).totalUsd;
      seen.add(exact);
      expect(overlay.state().cascadeUsd).toBe(exact);
    }
    // The walk did cross the middle: the exact path differs between its ends.
    expect(seen.size).toBe(2);
  });
});
