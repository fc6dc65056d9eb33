import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoSource } from '../../../shared/domain/market-source';
import type { MarketUpdate } from '../../../shared/ipc/views/markets';
import { startSimulator, type Simulator } from '../../sim/simulator';
import { createSystemClock } from '../clock';
import { createGateway } from '../exchange/gateway';
import { driveUntil } from '../../../test/support/sim-gateway';
import type { Logger } from '../ports';
import { createRecorder } from '../recorder/recorder';
import { createMarketService, type MarketService } from './market-service';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const eth = { venue: 'hyperliquid', source: demoSource, symbol: 'ETH' } as const;
let sim: Simulator | null = null;
const services: MarketService[] = [];
let dir: string | null = null;

afterEach(async () => {
  for (const service of services.splice(0)) await service.stop();
  await sim?.stop();
  sim = null;
  if (dir !== null) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

function serviceOn(running: Simulator, dataDir: string, updates: MarketUpdate[]): MarketService {
  const service = createMarketService({
    createGateway,
    resolveSource: ({ source }) => (source === demoSource ? { baseUrl: running.baseUrl('hyperliquid') } : null),
    recorderFor: (source) => createRecorder(dataDir, source),
    clock: createSystemClock(),
    logger: quiet,
    historyDays: 1,
    pollMs: 60_000,
    onUpdate: (update) => updates.push(update),
    // The simulator is local: no need to spread the reads out as the venue's limits require.
    measured: { readsPerMinute: 6000 },
  });
  services.push(service);
  return service;
}

describe('Hyperliquid on the simulated Demo', () => {
  it('shows the measured map with its coverage at once, builds the estimate from sampled open interest, and replays that record on the next open', async () => {
    // Hyperliquid's ticks carry no time, so the host clock dates them: the simulated market starts a
    // little before now, and the test moves it past now before the live feed polls.
    const running = await startSimulator({
      seed: 5,
      scenario: 'chop',
      speed: 0,
      port: 0,
      historyDays: 1,
      startTimeMs: Date.now() - 5 * 60_000,
    });
    sim = running;
    dir = mkdtempSync(join(tmpdir(), 'liqlens-hl-'));
    const updates: MarketUpdate[] = [];
    const service = serviceOn(running, dir, updates);
    const view = await service.open(eth, '5m');
    // The venue keeps no open-interest history: a fresh start has no estimate yet.
    expect(view.clusters?.map.bins.length ?? 0).toBe(0);

    const measured = () => updates.findLast((u) => u.measured !== undefined)?.measured;
    await driveUntil(running, () => (measured()?.coverage.addresses ?? 0) >= 20, 500);
    const first = measured();
    expect(first?.coverage.fraction).toBeGreaterThan(0);
    expect(first?.coverage.openInterestUsd).toBeGreaterThan(first?.coverage.coveredUsd ?? Infinity);
    expect(first?.map.bins.length).toBeGreaterThan(0);
    // Longs liquidate below the mark, shorts above.
    for (const bin of first?.map.bins ?? []) {
      if (bin.longUsd > 0) expect(bin.high).toBeLessThanOrEqual((first?.price ?? 0) * 1.001);
      if (bin.shortUsd > 0) expect(bin.low).toBeGreaterThanOrEqual((first?.price ?? 0) * 0.999);
    }

    // Past now in one step: the first tick then closes the minutes since the open, with a second sample.
    running.market.advance(Math.max(0, Date.now() + 60_000 - running.market.now()));
    const estimated = () => updates.findLast((u) => u.clusters !== undefined)?.clusters;
    // Ticks keep flowing (their host-clock minutes close the bars); at most one real minute passes.
    await driveUntil(running, () => (estimated()?.map.bins.length ?? 0) > 3, 100, 20_000);

    // The next start replays the recorded samples: the estimate is there as soon as the market opens.
    for (const one of services.splice(0)) await one.stop();
    const reopened = await serviceOn(running, dir, []).open(eth, '5m');
    expect(reopened.clusters?.map.bins.length ?? 0).toBeGreaterThan(3);
  }, 240_000);
});
