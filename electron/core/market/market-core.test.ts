import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { MarketUpdate } from '../../../shared/ipc/contract';
import { simulatorDemo } from '../../sim/demo-market';
import { createSystemClock } from '../clock';
import { createCore, type Core } from '../create-core';
import { createGateway } from '../exchange/gateway';
import { createSilentLogger } from '../logger';
import { createMemorySecretStore } from '../secrets/memory-secret-store';
import { openConfSettingsStore } from '../settings/conf-settings-store';

let core: Core | null = null;
let dir = '';
afterEach(async () => {
  await core?.stop();
  core = null;
  rmSync(dir, { recursive: true, force: true });
});

it('opens a Demo market through the core: the venue is read where the Demo account points, tiers through its key', async () => {
  dir = mkdtempSync(join(tmpdir(), 'liqlens-core-market-'));
  const clock = createSystemClock();
  core = createCore({
    settings: openConfSettingsStore(dir, clock.now()), secrets: createMemorySecretStore(), notifier: { notify: () => undefined },
    clock, logger: createSilentLogger(), app: { name: 'LiqLens', version: '0.0.0-test', mode: 'web', dataDir: dir },
    exchange: { createGateway, demo: simulatorDemo({ speed: 0 }), pollMs: 60_000 },
  });
  const updates: MarketUpdate[] = [];
  core.on('market:update', (update) => updates.push(update));
  await core.start();
  const started = performance.now();
  const view = await core.handlers['market:open']({ market: { venue: 'binance-usdm', symbol: 'BTCUSDT' }, timeframe: '15m' });
  console.log(`Demo backfill (3 days, Binance BTCUSDT): ${(performance.now() - started).toFixed(0)} ms, view ${JSON.stringify(view).length} bytes`);
  expect(view.backfill.state, view.backfill.message).toBe('done');
  expect(view.clusters?.map.bins.length).toBeGreaterThan(10);
  expect(updates.some((u) => u.backfill?.state === 'running')).toBe(true);
  expect(await core.handlers['market:close']({ market: { venue: 'binance-usdm', symbol: 'BTCUSDT' } })).toBeNull();
}, 60_000);
