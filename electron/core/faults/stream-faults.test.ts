import { afterEach, describe, expect, it } from 'vitest';
import type { StreamState } from '../../../shared/domain/stream-state';
import { simGateway, startTestSimulator, venueSymbol } from '../exchange/testing/sim-gateway';

/** Resolves when `condition` holds, polling every 50 ms; fails after `maxMs`. */
async function until(condition: () => boolean, maxMs: number): Promise<void> {
  for (const start = Date.now(); Date.now() - start < maxMs; ) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(condition(), `condition not met within ${maxMs} ms`).toBe(true);
}

describe('stream faults: the mark stream reconnects by itself and is never live while silent', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function watching() {
    const sim = await startTestSimulator();
    cleanups.push(() => sim.stop());
    // The market advances 1 s every 100 ms, so the Binance mark stream ticks ten times a second.
    const driver = setInterval(() => sim.market.advance(1000), 100);
    cleanups.push(() => clearInterval(driver));
    const gateway = simGateway(sim, 'binance-usdm');
    cleanups.push(() => gateway.close());
    const states: StreamState[] = [];
    let ticks = 0;
    let lastTickMs = 0;
    const stop = gateway.watchMarkPrice(venueSymbol('binance-usdm', 'BTCUSDT'), () => {
      ticks += 1;
      lastTickMs = Date.now();
    }, (state) => states.push(state));
    cleanups.push(stop);
    await until(() => states.at(-1)?.status === 'live' && ticks > 2, 5000);
    return { sim, states, ticks: () => ticks, lastTickMs: () => lastTickMs };
  }

  it('a dropped socket: reconnecting is reported, then live again with fresh ticks', async () => {
    const { sim, states, ticks } = await watching();
    const before = ticks();
    sim.faults.dropSockets('binance-usdm');
    await until(() => states.some((state) => state.status === 'reconnecting'), 3000);
    await until(() => states.at(-1)?.status === 'live' && ticks() > before + 2, 8000);
  }, 15_000);

  it('a venue down for 1.5 s: reconnecting while down, live again after', async () => {
    const { sim, states, ticks } = await watching();
    sim.faults.inject('binance-usdm', { kind: 'down' }, { durationMs: 1500 });
    await until(() => states.some((state) => state.status === 'reconnecting'), 3000);
    const atDown = ticks();
    await until(() => states.at(-1)?.status === 'live' && ticks() > atDown + 2, 10_000);
  }, 15_000);
});
