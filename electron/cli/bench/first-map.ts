import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoSource, type MarketKey } from '../../../shared/domain/market-source';
import type { MarketView } from '../../../shared/ipc/views/markets';
import { createNodeHost, defaultExchange } from '../../web/node-host';
import { round } from './stats';

/** The market the first-map figures chart: the Demo's Binance BTCUSDT, as the soak and idle benches do. */
const charted: MarketKey = { venue: 'binance-usdm', source: demoSource, symbol: 'BTCUSDT' };
/** Longest a start may take before the bench gives up on it (keeps `npm run bench` bounded). */
const maxStartMs = 180_000;

const hasMap = (view: { readonly clusters?: MarketView['clusters'] }): boolean =>
  (view.clusters?.map.bins.length ?? 0) > 0;

/**
 * One start of the app as a user opens it: the core with the real Demo (its simulator in-process,
 * as the app runs it) in `dataDir`, the charted market asked for as soon as the core takes it.
 * Returns the milliseconds from creating the core to the first map of that market (from
 * `market:open`'s answer or a `market:update`), after which the start runs on until its backfill
 * is done, so the recordings are complete for the next start; then the core stops.
 */
async function startToFirstMap(dataDir: string): Promise<number> {
  const started = performance.now();
  const core = createNodeHost({
    dataDir,
    app: { name: 'LiqLens', version: 'bench' },
    notifier: { notify: () => undefined },
    exchange: defaultExchange(),
  });
  let firstMapMs: number | null = null;
  let done = false;
  const seen = (): void => {
    firstMapMs ??= performance.now() - started;
  };
  const off = core.on('market:update', (update) => {
    if (update.venue !== charted.venue || update.symbol !== charted.symbol) return;
    if (update.clusters !== undefined && hasMap(update)) seen();
    if (update.backfill?.state === 'done' || update.backfill?.state === 'failed') done = true;
  });
  try {
    void core.start();
    const view = await core.handlers['market:open']({ market: charted, timeframe: '5m' });
    if (hasMap(view)) seen();
    if (view.backfill.state !== 'running') done = true;
    for (let waited = 0; !done || firstMapMs === null; waited += 50) {
      if (waited > maxStartMs) throw new Error(`no map of ${charted.symbol} within ${maxStartMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return firstMapMs;
  } finally {
    off();
    await core.stop();
  }
}

/**
 * App open to the charted market's map, in milliseconds, on the simulated Demo:
 * - `firstColdMs`: a first start (a fresh data folder, nothing recorded): history from the venue;
 * - `firstWarmMs`: the next start on the same folder, with the first start's recordings on disk.
 * Both count from creating the core, so they include starting the Demo's simulator and its accounts.
 */
export async function measureFirstMap(): Promise<{ firstColdMs: number; firstWarmMs: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'liqlens-first-map-'));
  try {
    const firstColdMs = await startToFirstMap(dataDir);
    const firstWarmMs = await startToFirstMap(dataDir);
    return { firstColdMs: round(firstColdMs, 0), firstWarmMs: round(firstWarmMs, 0) };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
