import type { AccountPositions } from '../../../shared/ipc/views/positions';

/**
 * Waits (at most `maxMs`) until the app has started: accounts report positions and every
 * position's market has loaded its cluster model. Benchmarks of a running app measure after this,
 * so start-up work is not counted as steady state.
 */
export async function untilModelsLoaded(
  listPositions: () => Promise<readonly AccountPositions[]>,
  maxMs = 180_000,
): Promise<void> {
  for (let waited = 0; waited < maxMs; waited += 500) {
    const rows = (await listPositions()).flatMap((entry) => entry.positions);
    if (rows.length > 0 && rows.every((row) => row.liquidationSideCluster.state !== 'loading')) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
