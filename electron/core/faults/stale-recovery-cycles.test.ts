import { afterEach, describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../../shared/alerts';
import { demoAccountsOf } from '../../sim/demo-market';
import { startSimulator } from '../../sim/simulator';
import { createNodeHost } from '../../web/node-host';
import { createManualClock } from '../../../test/support/manual-clock';
import { useTempDirs } from '../../../test/support/temp-dir';
import { createGateway } from '../exchange/gateway';

/** The stale rule's default cooldown: the cycle at which a false "data is flowing again" used to come back. */
const cycleMs = 60_000;
/** Engine time moved per step: the account poll, so every step is one (failed) read of the stopped venue. */
const stepMs = 5_000;

describe('the stale alert over several 60 s cycles of a stopped venue, on the engine clock (simulator, real ccxt)', () => {
  const tempDir = useTempDirs();
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('keeps exactly one stale alert per position and no clear while blind, then exactly one clear once data flows', async () => {
    const sim = await startSimulator({ seed: 7, scenario: 'calm', speed: 0 });
    // The engine's clock, moved by the test: minutes of engine time pass without waiting for them.
    const clock = createManualClock(Date.now());
    const core = createNodeHost({
      dataDir: tempDir(),
      app: { name: 'LiqLens', version: '0.0.0-test' },
      clock,
      notifier: { notify: () => undefined },
      exchange: {
        createGateway,
        pollMs: stepMs,
        demo: async () => ({ accounts: demoAccountsOf(sim), stop: async () => undefined }),
      },
    });
    const events: AlertEvent[] = [];
    core.on('alerts:event', (event) => events.push(event));
    let accountId: string | undefined;
    let reads = 0;
    core.on('accounts:changed', (list) => {
      const binance = list.find((account) => account.venue === 'binance-usdm');
      if (binance === undefined) return;
      accountId = binance.id;
      reads += 1;
    });
    cleanups.push(async () => {
      await core.stop();
      await sim.stop();
    });
    await core.start();
    // Every position counts (the Demo's are not all at risk); the default 15 s and 60 s cooldown stay.
    await core.handlers['alerts:config-set']({ config: { rules: { stale: { minMarginRatio: 0 } } } });
    const positionsOf = async (): Promise<number> =>
      (await core.handlers['positions:list']({})).find((entry) => entry.accountId === accountId)?.positions.length ?? 0;
    await expect.poll(positionsOf, { timeout: 60_000 }).toBeGreaterThan(0);
    const held = await positionsOf();
    const staleOf = (from: number): AlertEvent[] =>
      events.slice(from).filter((event) => event.rule === 'stale' && event.accountId === accountId);
    /** One step of engine time, then the read it started has ended (a state, not a wait). */
    const step = async (): Promise<void> => {
      const before = reads;
      clock.advance(stepMs);
      await expect.poll(() => reads, { timeout: 30_000 }).toBeGreaterThan(before);
    };

    const from = events.length;
    // Far longer than the test: it ends when the test lifts it.
    sim.faults.inject('binance-usdm', { kind: 'down' }, { durationMs: 60 * 60_000 });
    const stoppedAtMs = clock.now();
    // Stale after 15 s of engine time without market data: one alert per position.
    while (staleOf(from).filter((event) => !event.cleared).length < held) {
      expect(clock.now() - stoppedAtMs, 'the stale alerts came within a minute').toBeLessThan(cycleMs);
      await step();
    }
    expect(staleOf(from).every((event) => /no market data for \d+ s/.test(event.message))).toBe(true);
    // Three cooldown cycles more, blind all along: still those alerts only, none cleared, none repeated.
    const firstAlertAtMs = clock.now();
    while (clock.now() - firstAlertAtMs < 3 * cycleMs) await step();
    expect(staleOf(from).map((event) => event.cleared)).toEqual(Array.from({ length: held }, () => false));
    const active = (await core.handlers['alerts:list']({})).active.filter((alert) => alert.accountId === accountId);
    expect(active).toHaveLength(held);
    for (const alert of active) expect(alert.rules.map((rule) => rule.rule)).toContain('stale');

    // The venue is back: data flows again, and then each position clears once.
    sim.faults.clear();
    const liftedAtMs = clock.now();
    // The mark stream reconnects on its own backoff; engine time moves on meanwhile, step by step, and
    // every step without a tick is more blind time that must not clear (or re-raise) anything.
    const cleared = (): number => staleOf(from).filter((event) => event.cleared).length;
    await expect
      .poll(
        async () => {
          // Engine time stops once data flows again (the first clear): stepping on would outrun the ticks.
          if (cleared() === 0) await step();
          return cleared();
        },
        { timeout: 180_000 },
      )
      .toBe(held);
    for (const clear of staleOf(from).filter((event) => event.cleared)) {
      expect(clear.message).toMatch(/data is flowing again/);
      expect(clear.timeMs).toBeGreaterThanOrEqual(liftedAtMs);
    }
    // Exactly one clear per position, and no stale alert raised again on the way back.
    const clears = staleOf(from).filter((event) => event.cleared);
    expect(new Set(clears.map((event) => `${event.symbol}|${event.side}`)).size).toBe(held);
    expect(staleOf(from).filter((event) => !event.cleared)).toHaveLength(held);
  }, 600_000);
});
