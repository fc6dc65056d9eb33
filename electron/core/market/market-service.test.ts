import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoSource, type MarketKey } from '../../../shared/domain/market-source';
import type { MarketUpdate, MarketView } from '../../../shared/ipc/views/markets';
import type { SimLiquidation } from '../../sim/market/types';
import { startSimulator, type Simulator } from '../../sim/simulator';
import { createSystemClock } from '../clock';
import { createGateway } from '../exchange/gateway';
import { demoSourceAccess, driveUntil } from '../../../test/support/sim-gateway';
import { openServiceCaughtUp } from '../../../test/support/open-caught-up';
import type { Logger } from '../ports';
import { createRecorder } from '../recorder/recorder';
import { aggregateCandles } from './candle-aggregate';
import { createMarketService, type MarketService } from './market-service';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const btc = { venue: 'binance-usdm', source: demoSource, symbol: 'BTCUSDT' } as const;
let sim: Simulator | null = null;
const services: MarketService[] = [];
const dirs: string[] = [];
const emittedAt = new WeakMap<MarketUpdate, number>();

afterEach(async () => {
  for (const service of services.splice(0)) await service.stop();
  await sim?.stop();
  sim = null;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function serviceOn(
  running: Simulator,
  dataDir: string,
  updates: MarketUpdate[],
  onModel?: (market: MarketKey) => void,
): MarketService {
  const service = createMarketService({
    createGateway,
    resolveSource: demoSourceAccess(running),
    recorderFor: (source) => createRecorder(dataDir, source),
    clock: createSystemClock(),
    logger: quiet,
    historyDays: 1,
    pollMs: 60_000,
    onUpdate: (update) => {
      updates.push(update);
      emittedAt.set(update, performance.now());
    },
  });
  if (onModel !== undefined) service.onModel(onModel);
  services.push(service);
  return service;
}

const freshDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'liqlens-market-'));
  dirs.push(dir);
  return dir;
};

describe('market service on the simulated Demo', () => {
  it('backfills with progress, serves every timeframe from the same minutes, and estimates clusters on both sides', async () => {
    sim = await startSimulator({ seed: 7, scenario: 'calm', speed: 0, port: 0, historyDays: 2 });
    const updates: MarketUpdate[] = [];
    const service = serviceOn(sim, freshDir(), updates);
    const started = performance.now();
    const view = await openServiceCaughtUp(service, updates, btc, '5m');
    const backfillMs = performance.now() - started;
    const progress = updates.filter((u) => u.backfill?.state === 'running').map((u) => u.backfill?.progress ?? -1);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(updates.filter((u) => u.backfill !== undefined).at(-1)?.backfill?.state).toBe('done');
    expect(view.backfill.state).toBe('done');
    expect(view.displaySymbol).toBe('BTC/USDT');

    const one = (await service.open(btc, '1m')).candles;
    const five = view.candles;
    expect(one.length).toBeGreaterThan(500);
    // A 5m candle is the five 1m ones: open of the first, extremes, close of the last.
    const sample = five[five.length - 10];
    const parts = one.filter(
      (c) => sample !== undefined && c.openTimeMs >= sample.openTimeMs && c.openTimeMs < sample.openTimeMs + 300_000,
    );
    expect(parts).toHaveLength(5);
    expect(aggregateCandles(parts, 300_000)[0]).toEqual(sample);
    for (const timeframe of ['15m', '1h', '4h'] as const) {
      const candles = (await service.open(btc, timeframe)).candles;
      expect(candles.length, timeframe).toBeGreaterThan(2);
      expect(candles.every((c, i) => i === 0 || c.openTimeMs > (candles[i - 1]?.openTimeMs ?? Infinity))).toBe(true);
    }

    const clusters = view.clusters;
    expect(clusters).not.toBeNull();
    const price = clusters?.price ?? 0;
    const below = clusters?.map.bins.filter((bin) => bin.high <= price && bin.longUsd > 0) ?? [];
    const above = clusters?.map.bins.filter((bin) => bin.low >= price && bin.shortUsd > 0) ?? [];
    expect(below.length).toBeGreaterThan(5);
    expect(above.length).toBeGreaterThan(5);
    expect(clusters?.heatmap.columns.length).toBeGreaterThan(10);
    const sizes = {
      view: JSON.stringify(view).length,
      clusters: JSON.stringify(clusters).length,
      heatmap: JSON.stringify(clusters?.heatmap).length,
      map: JSON.stringify(clusters?.map).length,
    };
    console.log(`backfill ${backfillMs.toFixed(0)} ms, ${service.requests(btc)} requests; payload bytes`, sizes);
    expect(sizes.view).toBeLessThan(300_000);
  }, 60_000);

  it('streams candles, cluster changes and realized liquidations with the liquidated side, then goes stale when the venue stops', async () => {
    const running = await startSimulator({
      seed: 3,
      scenario: 'long-squeeze-crash',
      speed: 0,
      port: 0,
      historyDays: 1,
    });
    sim = running;
    const truth: SimLiquidation[] = [];
    running.market.on('liquidation', (l) => {
      if (l.symbol === 'BTCUSDT') truth.push(l);
    });
    const updates: MarketUpdate[] = [];
    const dataDir = freshDir();
    const service = serviceOn(running, dataDir, updates);
    const first = await service.open(btc, '1m');
    const lastOpen = first.candles.at(-1)?.openTimeMs ?? 0;
    const firstMap = JSON.stringify(first.clusters?.profile);
    updates.length = 0;
    await driveUntil(running, () => updates.filter((u) => u.clusters !== undefined).length >= 3, 2000, 3000);
    expect(updates.some((u) => (u.candle?.openTimeMs ?? 0) > lastOpen && !u.stale)).toBe(true);
    expect(updates.some((u) => u.clusters !== undefined && JSON.stringify(u.clusters.profile) !== firstMap)).toBe(true);
    // Ticks arrive at up to 100/s of real time here; the chart gets at most ~4 updates a second.
    const times = updates.filter((u) => u.backfill === undefined && !u.stale).map((u) => emittedAt.get(u) ?? 0);
    // Five throttled updates span at least a second; one more may be a stream-health change, sent at once.
    for (let i = 5; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 5] ?? 0)).toBeGreaterThanOrEqual(950);
    await driveUntil(running, () => truth.length >= 3, 2000, 3000);
    await driveUntil(
      running,
      () => (updates.filter((u) => u.clusters !== undefined).at(-1)?.clusters?.realized.length ?? 0) >= 3,
      2000,
      300,
    );
    const view: MarketView = await service.open(btc, '1m');
    const realized = view.clusters?.realized ?? [];
    expect(realized.length).toBeGreaterThanOrEqual(3);
    for (const item of realized) {
      const match = truth.find(
        (t) => Math.abs(t.timeMs - item.timeMs) <= 1000 && Math.abs(t.price - item.price) <= 0.5,
      );
      expect(match, JSON.stringify(item)).toBeDefined();
      expect(item.side).toBe(match?.side);
    }
    expect(view.stale).toBe(false);
    const recorded = await createRecorder(dataDir, demoSource).read('binance-usdm', 'BTCUSDT', 0, Infinity);
    expect(recorded.liquidations.length).toBeGreaterThanOrEqual(realized.length);
    expect(recorded.bars.at(-1)?.timeMs).toBeGreaterThan(lastOpen);
    await running.stop();
    sim = null;
    await expect.poll(() => updates.at(-1)?.stale, { timeout: 20_000 }).toBe(true);
  }, 120_000);

  it('records what it saw, and a restart reads the recordings instead of asking the venue again', async () => {
    sim = await startSimulator({ seed: 7, scenario: 'calm', speed: 0, port: 0, historyDays: 2 });
    const dataDir = freshDir();
    const firstUpdates: MarketUpdate[] = [];
    const firstService = serviceOn(sim, dataDir, firstUpdates);
    const first = await openServiceCaughtUp(firstService, firstUpdates, btc, '15m');
    const firstRequests = firstService.requests(btc);
    await firstService.stop();
    const days = readdirSync(join(dataDir, 'recordings', demoSource, 'binance-usdm', 'BTCUSDT'));
    // Day files, and the listing and tiers the model needs to be rebuilt from them at the next start.
    expect(days.filter((name) => /^\d{4}-\d{2}-\d{2}\.jsonl$/.test(name)).length).toBeGreaterThanOrEqual(1);
    expect(days.filter((name) => !/^\d{4}-\d{2}-\d{2}\.jsonl$/.test(name))).toEqual(['market.json']);

    const secondUpdates: MarketUpdate[] = [];
    const secondService = serviceOn(sim, dataDir, secondUpdates);
    // The first answer is the map rebuilt from recordings (warm-start.test.ts); this one follows the catch-up.
    const second = await openServiceCaughtUp(secondService, secondUpdates, btc, '15m');
    expect(secondService.requests(btc)).toBeLessThan(firstRequests / 2);
    expect(second.backfill.message).toMatch(/from local recordings/);
    expect(second.candles.length).toBe(first.candles.length);
    expect(second.clusters?.profile).toEqual(first.clusters?.profile);
  }, 60_000);

  it.each([
    ['bybit-linear', 'BTCUSDT', /Loaded/],
    ['okx-swap', 'BTC-USDT-SWAP', /Loaded/],
    ['hyperliquid', 'BTC', /publishes no open-interest history/],
  ] as const)(
    'backfills %s through the same path',
    async (venue, symbol, message) => {
      sim = await startSimulator({ seed: 7, scenario: 'calm', speed: 0, port: 0, historyDays: 1 });
      const updates: MarketUpdate[] = [];
      const service = serviceOn(sim, freshDir(), updates);
      const view = await openServiceCaughtUp(service, updates, { venue, source: demoSource, symbol }, '15m');
      expect(view.backfill.state, view.backfill.message).toBe('done');
      expect(view.backfill.message).toMatch(message);
      expect(view.candles.length).toBeGreaterThan(50);
      expect(view.clusters).not.toBeNull();
      if (venue !== 'hyperliquid') expect(view.clusters?.map.bins.length).toBeGreaterThan(5);
    },
    60_000,
  );

  it('settles once every watched market, one watched while it waits included, has backfilled and measured its map on the recordings', async () => {
    sim = await startSimulator({ seed: 7, scenario: 'calm', speed: 0, port: 0, historyDays: 1 });
    const service = serviceOn(sim, freshDir(), []);
    const bybit = { venue: 'bybit-linear', source: demoSource, symbol: 'BTCUSDT' } as const;
    service.watch(btc);
    const settling = service.settled();
    service.watch(bybit);
    await settling;
    for (const market of [btc, bybit]) {
      // Read at once: the start-up work is over, nothing of it is still on its way.
      const view = await service.open(market, '15m');
      expect(view.backfill.state, `${market.venue}: ${view.backfill.message}`).toBe('done');
      expect(view.recordedSkill, market.venue).not.toBeNull();
    }
  }, 90_000);

  it('a market watched for positions keeps its model without sending chart updates, until its last hold and the chart let go', async () => {
    sim = await startSimulator({ seed: 3, scenario: 'long-squeeze-crash', speed: 0, port: 0, historyDays: 1 });
    const running = sim;
    const updates: MarketUpdate[] = [];
    const models: MarketKey[] = [];
    const service = serviceOn(running, freshDir(), updates, (market) => models.push(market));
    expect(service.context(btc).state).toBe('loading');
    const releaseA = service.watch(btc);
    const releaseB = service.watch(btc);
    await expect.poll(() => service.context(btc).state, { timeout: 30_000 }).toBe('ready');
    const context = service.context(btc);
    if (context.state !== 'ready') throw new Error('not ready');
    expect(new Set(context.clusters.map((bin) => bin.side))).toEqual(new Set(['long', 'short']));
    expect(context.imbalance.longUsd + context.imbalance.shortUsd).toBeGreaterThan(0);
    expect(models.length).toBeGreaterThanOrEqual(1);
    await driveUntil(running, () => models.length >= 3, 2000, 3000);
    expect(updates, 'a market no chart shows sends no chart updates').toEqual([]);

    await service.open(btc, '1m');
    await driveUntil(running, () => updates.length >= 3, 2000, 3000);
    await service.close(btc);
    releaseA();
    releaseA();
    // One hold is left: the model still runs.
    expect(service.context(btc).state).toBe('ready');
    expect(service.requests(btc)).toBeGreaterThan(0);
    releaseB();
    expect(service.context(btc).state).toBe('loading');
    expect(service.requests(btc)).toBe(0);
  }, 90_000);
});
