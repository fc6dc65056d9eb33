import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { demoSource } from '../../../shared/domain/market-source';
import type { MarketUpdate } from '../../../shared/ipc/views/markets';
import { startSimulator, type Simulator } from '../../sim/simulator';
import { demoSourceAccess } from '../../../test/support/sim-gateway';
import { openServiceCaughtUp } from '../../../test/support/open-caught-up';
import { createSystemClock } from '../clock';
import { createGateway, type ExchangeGateway, type GatewayConfig } from '../exchange/gateway';
import type { Logger } from '../ports';
import { createRecorder } from '../recorder/recorder';
import { createMarketService, type MarketService } from './market-service';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const btc = { venue: 'binance-usdm', source: demoSource, symbol: 'BTCUSDT' } as const;
let sim: Simulator | null = null;
const services: MarketService[] = [];
let dataDir = '';

afterEach(async () => {
  for (const service of services.splice(0)) await service.stop();
  await sim?.stop();
  sim = null;
  if (dataDir !== '') rmSync(dataDir, { recursive: true, force: true });
  dataDir = '';
});

/**
 * Real ccxt gateways whose requests wait until `release()`: while held, no market data reaches
 * the core, so whatever the view shows came from disk. `answered` counts requests the venue answered.
 */
function heldGateways(): {
  create: (config: GatewayConfig) => ExchangeGateway;
  release: () => void;
  answered: () => number;
} {
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let answered = 0;
  const gated =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await held;
      const result = await call(...args);
      answered++;
      return result;
    };
  const create = (config: GatewayConfig): ExchangeGateway => {
    const real = createGateway(config);
    return {
      venue: real.venue,
      loadMarkets: gated(() => real.loadMarkets()),
      fetchAccount: gated(() => real.fetchAccount()),
      fetchTiers: gated((symbol: string) => real.fetchTiers(symbol)),
      fetchCandles: gated((...args: Parameters<ExchangeGateway['fetchCandles']>) => real.fetchCandles(...args)),
      fetchOpenInterestHistory: gated((...args: Parameters<ExchangeGateway['fetchOpenInterestHistory']>) =>
        real.fetchOpenInterestHistory(...args),
      ),
      fetchTakerVolume: gated((...args: Parameters<ExchangeGateway['fetchTakerVolume']>) =>
        real.fetchTakerVolume(...args),
      ),
      fetchForceCloses: gated((sinceMs: number) => real.fetchForceCloses(sinceMs)),
      fetchFunding: gated((symbol: string) => real.fetchFunding(symbol)),
      fetchLongShortRatio: gated((...args: Parameters<ExchangeGateway['fetchLongShortRatio']>) =>
        real.fetchLongShortRatio(...args),
      ),
      checkPermissions: gated(() => real.checkPermissions()),
      watchMarkPrice: (...args) => real.watchMarkPrice(...args),
      watchLiquidations: (...args) => real.watchLiquidations(...args),
      close: () => real.close(),
    };
  };
  return { create, release, answered: () => answered };
}

function serviceOn(running: Simulator, create: (config: GatewayConfig) => ExchangeGateway, updates: MarketUpdate[]) {
  const service = createMarketService({
    createGateway: create,
    resolveSource: demoSourceAccess(running),
    recorderFor: (source) => createRecorder(dataDir, source),
    clock: createSystemClock(),
    logger: quiet,
    historyDays: 1,
    pollMs: 60_000,
    onUpdate: (update) => updates.push(update),
  });
  services.push(service);
  return service;
}

/** Resolves with the first update that `matches`, among those already heard or still to come. */
async function untilUpdate(updates: MarketUpdate[], matches: (update: MarketUpdate) => boolean): Promise<void> {
  while (!updates.some(matches)) await new Promise((resolve) => setTimeout(resolve, 20));
}

it('a restart shows the map from recordings before the venue has answered anything, then catches up', async () => {
  sim = await startSimulator({ seed: 7, scenario: 'calm', speed: 0, port: 0, historyDays: 2 });
  dataDir = mkdtempSync(join(tmpdir(), 'liqlens-warm-'));
  const firstUpdates: MarketUpdate[] = [];
  const first = await openServiceCaughtUp(serviceOn(sim, createGateway, firstUpdates), firstUpdates, btc, '15m');
  expect(first.backfill.state).toBe('done');
  expect(first.clusters?.map.bins.length).toBeGreaterThan(5);
  await services[0]?.stop();
  // The app was closed for half an hour: the venue has minutes the recordings lack.
  sim.market.advance(30 * 60_000);

  const venue = heldGateways();
  const updates: MarketUpdate[] = [];
  const service = serviceOn(sim, venue.create, updates);
  const restored = await service.open(btc, '15m');
  expect(venue.answered()).toBe(0);
  // The map the app held when it closed, on the recorded candles, and never shown as live.
  expect(restored.backfill.state).toBe('running');
  expect(restored.backfill.message).toMatch(/Map from local recordings up to .* catching up with Binance/);
  expect(restored.clusters?.profile).toEqual(first.clusters?.profile);
  expect(restored.displaySymbol).toBe(first.displaySymbol);
  expect(restored.tickSize).toBe(first.tickSize);
  expect(restored.candles.length).toBeGreaterThan(50);
  expect(restored.candles.at(-1)?.openTimeMs).toBeLessThanOrEqual(first.candles.at(-1)?.openTimeMs ?? 0);
  expect(restored.stale).toBe(true);
  expect(service.context(btc).state).toBe('ready');

  venue.release();
  await untilUpdate(updates, (update) => update.backfill?.state === 'done');
  expect(venue.answered()).toBeGreaterThan(0);
  const caughtUp = await service.open(btc, '15m');
  expect(caughtUp.backfill.state).toBe('done');
  expect(caughtUp.backfill.message).toMatch(/from local recordings/);
  expect(caughtUp.candles.at(-1)?.openTimeMs).toBeGreaterThan(restored.candles.at(-1)?.openTimeMs ?? Infinity);
  expect(caughtUp.clusters?.map.bins.length).toBeGreaterThan(5);
}, 90_000);
