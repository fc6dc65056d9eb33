import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoSource } from '../../../shared/domain/market-source';
import { startSimulator, type Simulator } from '../../sim/simulator';
import { demoSourceAccess, driveUntil } from '../../../test/support/sim-gateway';
import { createSystemClock } from '../clock';
import { createGateway } from '../exchange/gateway';
import type { Logger } from '../ports';
import { createRecorder } from '../recorder/recorder';
import { createMarketService, type MarketService } from './market-service';

/*
 * Closed minutes are fetched when a mark tick crosses into a new minute. When that fetch fails and
 * no tick follows (the venue's stream stopped, or a replay ended), the minutes must still arrive:
 * before, they waited for the fallback poll (here an hour away) and the chart showed a hole at its
 * newest end.
 */

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const btc = { venue: 'binance-usdm', source: demoSource, symbol: 'BTCUSDT' } as const;
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function running(): Promise<{ sim: Simulator; service: MarketService }> {
  const sim = await startSimulator({ seed: 3, scenario: 'calm', speed: 0, port: 0, historyDays: 1 });
  cleanups.push(() => sim.stop());
  const dataDir = mkdtempSync(join(tmpdir(), 'liqlens-catch-up-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const service = createMarketService({
    createGateway,
    resolveSource: demoSourceAccess(sim),
    recorderFor: (source) => createRecorder(dataDir, source),
    clock: createSystemClock(),
    logger: quiet,
    historyDays: 1,
    // The fallback poll never comes within the test: only the catch-up can fill the minutes in.
    pollMs: 3_600_000,
    onUpdate: () => undefined,
  });
  cleanups.push(() => service.stop());
  return { sim, service };
}

describe('live minutes after a failed fetch', () => {
  it('arrive without a further tick once the venue answers again', async () => {
    const { sim, service } = await running();
    const first = await service.open(btc, '1m');
    const shownBefore = first.candles.at(-1)?.openTimeMs ?? 0;
    // Every candle request of the next two polls fails (three attempts each), then the venue answers.
    sim.faults.inject('binance-usdm', { kind: 'server-error', status: 503 }, { count: 6, path: 'klines' });
    // The market moves a second at a time until a tick crossing a minute asks for candles and fails;
    // then it stands still: no tick crosses a minute again.
    const failed = (): number => sim.faults.requests('binance-usdm').filter((request) => request.fault !== null).length;
    await driveUntil(sim, () => failed() > 0, 1000, 3000);
    const newestClosedMs = Math.floor(sim.market.now() / 60_000) * 60_000 - 60_000;
    expect(newestClosedMs).toBeGreaterThanOrEqual(shownBefore);
    await expect
      .poll(
        async () => {
          const times = new Set((await service.open(btc, '1m')).candles.map((candle) => candle.openTimeMs));
          const missing: number[] = [];
          for (let t = shownBefore; t <= newestClosedMs; t += 60_000) if (!times.has(t)) missing.push(t);
          return missing;
        },
        { timeout: 60_000, interval: 500 },
      )
      .toEqual([]);
  }, 120_000);
});
