import { createDemoTestCore, positionsStillLoading } from '../../../test/support/test-core';
import { openCaughtUp } from '../../../test/support/open-caught-up';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { MarketUpdate } from '../../../shared/ipc/views/markets';
import type { AccountPositions, PositionView } from '../../../shared/ipc/views/positions';
import { simulatorDemo } from '../../sim/demo-market';
import { type Core } from '../create-core';
import { demoSource } from '../../../shared/domain/market-source';

let core: Core | null = null;
let dir = '';

function demoCore(): Core {
  dir = mkdtempSync(join(tmpdir(), 'liqlens-core-market-'));
  return createDemoTestCore(dir, simulatorDemo({ speed: 0 }), 60_000).core;
}

it('opens a Demo market through the core: the venue is read where the Demo account points, tiers through its key', async () => {
  core = demoCore();
  const updates: MarketUpdate[] = [];
  core.on('market:update', (update) => updates.push(update));
  await core.start();
  const started = performance.now();
  const view = await openCaughtUp(core, { venue: 'binance-usdm', source: demoSource, symbol: 'BTCUSDT' }, '15m');
  console.log(
    `Demo backfill (3 days, Binance BTCUSDT): ${(performance.now() - started).toFixed(0)} ms, view ${JSON.stringify(view).length} bytes`,
  );
  expect(view.backfill.state, view.backfill.message).toBe('done');
  expect(view.clusters?.map.bins.length).toBeGreaterThan(10);
  expect(updates.some((u) => u.backfill?.state === 'running')).toBe(true);
  expect(
    await core.handlers['market:close']({ market: { venue: 'binance-usdm', source: demoSource, symbol: 'BTCUSDT' } }),
  ).toBeNull();
}, 60_000);

it('every Demo position shows the nearest cluster on its liquidation side, the same USD the chart shows there, with no chart open', async () => {
  core = demoCore();
  const running = core;
  const updates: MarketUpdate[] = [];
  const changed: AccountPositions[] = [];
  running.on('market:update', (update) => updates.push(update));
  running.on('positions:changed', (entry) => changed.push(entry));
  await running.start();
  const rows = async (): Promise<PositionView[]> =>
    (await running.handlers['positions:list']({})).flatMap((entry) => entry.positions);
  // The Demo's eight markets load in the background: on a busy machine that takes minutes.
  await expect.poll(() => positionsStillLoading(running), { timeout: 180_000 }).toBe(0);
  expect(updates, 'markets no chart shows send no chart updates').toEqual([]);
  // The panel heard of each model without asking: a positions event carried the clusters.
  expect(changed.some((entry) => entry.positions.some((row) => row.liquidationSideCluster.state === 'found'))).toBe(
    true,
  );

  const found = (await rows()).filter((row) => row.liquidationSideCluster.state === 'found');
  expect(found.length).toBeGreaterThanOrEqual(3);
  for (const row of found) {
    const cluster = row.liquidationSideCluster;
    if (cluster.state !== 'found') continue;
    expect(
      row.side === 'long' ? cluster.price < row.markPrice : cluster.price > row.markPrice,
      `${row.venue} ${row.symbol} ${row.side}`,
    ).toBe(true);
    expect(cluster.distance).toBeCloseTo((cluster.price - row.markPrice) / row.markPrice, 12);
    const liquidation = row.exchangeLiquidationPrice ?? row.computedLiquidationPrice;
    if (liquidation !== null)
      expect(cluster.beforeLiquidation).toBe(
        row.side === 'long' ? cluster.price > liquidation : cluster.price < liquidation,
      );
    // The chart's profile of the same market holds the same USD in the cluster's window.
    const view = await running.handlers['market:open']({
      market: { venue: row.venue, source: row.source, symbol: row.symbol },
      timeframe: '15m',
    });
    const profile = view.clusters?.profile;
    const grid = view.clusters?.binSize;
    expect(profile && grid).toBeTruthy();
    const values = row.side === 'long' ? (profile?.long ?? []) : (profile?.short ?? []);
    const mids = view.clusters?.map.bins ?? [];
    const inWindow = mids.filter((bin) => bin.low >= cluster.low - 1e-9 && bin.high <= cluster.high + 1e-9);
    const chartUsd = inWindow.reduce((sum, bin) => sum + (row.side === 'long' ? bin.longUsd : bin.shortUsd), 0);
    expect(values.length).toBeGreaterThan(0);
    expect(
      Math.abs(chartUsd - cluster.usd),
      `${row.venue} ${row.side}: chart ${chartUsd} vs panel ${cluster.usd}`,
    ).toBeLessThanOrEqual(inWindow.length + 1);
    await running.handlers['market:close']({ market: { venue: row.venue, source: row.source, symbol: row.symbol } });
  }
}, 300_000);
