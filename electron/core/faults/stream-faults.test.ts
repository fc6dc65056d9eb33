import { afterEach, describe, expect, it } from 'vitest';
import type { MarkTick, StreamState } from '../../../shared/domain/stream-state';
import { simGateway, startTestSimulator, venueSymbol } from '../../../test/support/sim-gateway';
import { venueProfiles } from '../exchange/venues';

/** Resolves when `condition` holds, polling every 50 ms; fails after `maxMs`, an upper bound generous enough for a busy machine. */
async function until(condition: () => boolean, maxMs: number): Promise<void> {
  for (const start = Date.now(); Date.now() - start < maxMs;) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(condition(), `condition not met within ${maxMs} ms`).toBe(true);
}

/** Something the stream reported, with when it reached the test (local ms). */
interface Seen<T> {
  readonly atMs: number;
  readonly value: T;
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
    const states: Seen<StreamState>[] = [];
    const ticks: Seen<MarkTick>[] = [];
    const stop = gateway.watchMarkPrice(
      venueSymbol('binance-usdm', 'BTCUSDT'),
      (tick) => ticks.push({ atMs: Date.now(), value: tick }),
      (state) => states.push({ atMs: Date.now(), value: state }),
    );
    cleanups.push(stop);
    await until(() => states.at(-1)?.value.status === 'live' && ticks.length > 2, 60_000);
    return { sim, states, ticks, status: () => states.at(-1)?.value.status };
  }

  it('a dropped socket: reconnecting is reported, then live again with fresh ticks', async () => {
    const { sim, states, ticks, status } = await watching();
    const before = ticks.length;
    sim.faults.dropSockets('binance-usdm');
    await until(() => states.some((state) => state.value.status === 'reconnecting'), 30_000);
    await until(() => status() === 'live' && ticks.length > before + 2, 60_000);
  }, 180_000);

  it('a venue down for 1.5 s: reconnecting while down, live again after', async () => {
    const { sim, states, ticks, status } = await watching();
    sim.faults.inject('binance-usdm', { kind: 'down' }, { durationMs: 1500 });
    await until(() => states.some((state) => state.value.status === 'reconnecting'), 30_000);
    const atDown = ticks.length;
    await until(() => status() === 'live' && ticks.length > atDown + 2, 60_000);
  }, 180_000);

  it('a half-open connection (silent, never closed): stale within the stated silence limit, never live while silent, live with fresh ticks after', async () => {
    const silenceLimitMs = venueProfiles['binance-usdm'].markStream.staleAfterMs;
    expect(silenceLimitMs).toBeGreaterThan(0);
    const { sim, states, ticks, status } = await watching();
    // Long enough for the stream to notice the silence on a busy machine, well before the fault ends by itself.
    const faultMs = silenceLimitMs + 8000;
    const statesBefore = states.length;
    const injectedAtMs = Date.now();
    sim.faults.inject('binance-usdm', { kind: 'half-open' }, { durationMs: faultMs });
    const faultEndMs = injectedAtMs + faultMs;

    await until(() => states.length > statesBefore, silenceLimitMs + 6000);
    const noticed = states[statesBefore];
    // No close arrives: only the silence itself can tell, and the user is told the data is old.
    expect(noticed?.value.status).toBe('stale');
    expect(noticed?.value.status === 'stale' ? noticed.value.reason : '').toMatch(/no update for \d+ s/);
    const lastTickBefore = ticks.filter((tick) => tick.atMs <= injectedAtMs).at(-1);
    // The stream checks once a second: allow that, plus a busy machine's timer lag.
    expect((noticed?.atMs ?? Infinity) - (lastTickBefore?.atMs ?? 0)).toBeLessThanOrEqual(silenceLimitMs + 1000 + 3000);

    await until(() => Date.now() > faultEndMs, faultMs + 1000);
    const during = (atMs: number): boolean => atMs > injectedAtMs && atMs < faultEndMs;
    // A frame already on the wire when the fault began may still land; nothing after that.
    expect(ticks.filter((tick) => during(tick.atMs) && tick.atMs > injectedAtMs + 500)).toEqual([]);
    expect(states.filter((state) => during(state.atMs) && state.value.status === 'live')).toEqual([]);

    const atEnd = ticks.length;
    await until(() => status() === 'live' && ticks.length > atEnd + 2, 60_000);
    // Fresh: market time moved on from the last tick before the fault.
    expect(ticks.at(-1)?.value.timeMs ?? 0).toBeGreaterThan(lastTickBefore?.value.timeMs ?? Infinity);
  }, 180_000);
});
