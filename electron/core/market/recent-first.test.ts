import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { demoSource } from '../../../shared/domain/market-source';
import type { MarketUpdate } from '../../../shared/ipc/views/markets';
import { startSimulator, type Simulator } from '../../sim/simulator';
import { demoSourceAccess } from '../../../test/support/sim-gateway';
import { createSystemClock } from '../clock';
import { createGateway } from '../exchange/gateway';
import type { Logger } from '../ports';
import { createRecorder } from '../recorder/recorder';
import { createMarketService, type MarketService } from './market-service';
import { splitRanges } from './recent-first';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const btc = { venue: 'binance-usdm', source: demoSource, symbol: 'BTCUSDT' } as const;
const hourMs = 3_600_000;
let sim: Simulator | null = null;
const services: MarketService[] = [];
const dataDirs: string[] = [];

afterEach(async () => {
  for (const service of services.splice(0)) await service.stop();
  await sim?.stop();
  sim = null;
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A market service on a fresh data folder (a first start), the Demo source at `running`. */
function firstStart(running: Simulator, recentHours: number | undefined, updates: MarketUpdate[]): MarketService {
  const dataDir = mkdtempSync(join(tmpdir(), 'liqlens-recent-'));
  dataDirs.push(dataDir);
  const service = createMarketService({
    createGateway,
    resolveSource: demoSourceAccess(running),
    recorderFor: (source) => createRecorder(dataDir, source),
    clock: createSystemClock(),
    logger: quiet,
    historyDays: 2,
    ...(recentHours === undefined ? {} : { recentHours }),
    onUpdate: (update) => updates.push(update),
  });
  services.push(service);
  return service;
}

async function untilUpdate(updates: MarketUpdate[], matches: (update: MarketUpdate) => boolean): Promise<void> {
  while (!updates.some(matches)) await new Promise((resolve) => setTimeout(resolve, 20));
}

it('a first start shows the map of the last 6 h, says it is deepening, then replaces it by the map built in one go', async () => {
  // The simulator's clock stands still, so both starts read the same history.
  sim = await startSimulator({ seed: 7, scenario: 'calm', speed: 0, port: 0, historyDays: 2 });
  const updates: MarketUpdate[] = [];
  const service = firstStart(sim, undefined, updates);
  const first = await service.open(btc, '1m');
  expect(first.backfill.state).toBe('running');
  expect(first.backfill.message).toMatch(/^Map built from the last 6 h, deepening to 2 days: /);
  expect(first.clusters?.partialHours).toBe(6);
  expect(first.clusters?.map.bins.length).toBeGreaterThan(0);
  const firstCandles = first.candles.filter((candle) => candle.openTimeMs < (first.candles.at(-1)?.openTimeMs ?? 0));
  expect(firstCandles.length).toBeLessThanOrEqual(6 * 60);
  // Positions and alerts wait for the whole window's map.
  expect(service.context(btc).state).toBe('loading');

  await untilUpdate(updates, (update) => update.backfill?.state === 'done');
  const deepened = await service.open(btc, '1m');
  expect(deepened.backfill.state).toBe('done');
  expect(deepened.clusters?.partialHours).toBeUndefined();
  expect(service.context(btc).state).toBe('ready');
  expect(deepened.candles.length).toBeGreaterThan(firstCandles.length + 6 * 60);

  const oneGo = await firstStart(sim, 0, []).open(btc, '1m');
  expect(oneGo.backfill.state).toBe('done');
  expect(oneGo.clusters?.partialHours).toBeUndefined();
  expect(deepened.clusters).toEqual(oneGo.clusters);
  expect(deepened.candles).toEqual(oneGo.candles);
}, 120_000);

it('splits missing minutes at the start of the newest hours, covering exactly the input', () => {
  const ranges = [
    { fromMs: 0, toMs: 2 * hourMs },
    { fromMs: 3 * hourMs, toMs: 8 * hourMs },
    { fromMs: 9 * hourMs, toMs: 10 * hourMs },
  ];
  expect(splitRanges(ranges, 5 * hourMs)).toEqual({
    older: [
      { fromMs: 0, toMs: 2 * hourMs },
      { fromMs: 3 * hourMs, toMs: 5 * hourMs },
    ],
    recent: [
      { fromMs: 5 * hourMs, toMs: 8 * hourMs },
      { fromMs: 9 * hourMs, toMs: 10 * hourMs },
    ],
  });
  expect(splitRanges(ranges, 0)).toEqual({ older: [], recent: ranges });
});
