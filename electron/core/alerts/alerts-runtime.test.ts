import { createSimDemoCore, positionsStillLoading } from '../../../test/support/test-core';
import { afterEach, describe, expect, it } from 'vitest';
import { isFiring, type AlertEvent } from '../../../shared/alerts';
import { scenarioDurationMs } from '../../sim/market';
import { startSimulator, type Simulator } from '../../sim/simulator';
import { useTempDirs } from '../../../test/support/temp-dir';
import { type Core } from '../create-core';
import type { NotificationRequest } from '../ports';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('alerts in the running core, on the simulated Demo through real ccxt', () => {
  const tempDir = useTempDirs();
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function demoCore(
    scenario: 'long-squeeze-crash' | 'calm',
    dataDir = tempDir(),
  ): Promise<{ sim: Simulator; core: Core; events: AlertEvent[]; notifications: NotificationRequest[] }> {
    const sim = await startSimulator({ seed: 7, scenario, speed: 0 });
    const { core, events, notifications } = createSimDemoCore(dataDir, sim);
    cleanups.push(async () => {
      await core.stop();
      await sim.stop();
    });
    await core.start();
    return { sim, core, events, notifications };
  }

  it('a crash takes an at-risk position up to critical, each rule one step up at a time, and never rings for a safe one', async () => {
    const { sim, core, events, notifications } = await demoCore('long-squeeze-crash');
    // The crash only means something once the core holds the positions it takes down.
    await expect.poll(() => positionsStillLoading(core), { timeout: 180_000 }).toBe(0);
    const stepMs = 60_000;
    for (let t = 0; t < scenarioDurationMs('long-squeeze-crash') / 2; t += stepMs) {
      sim.market.advance(stepMs);
      await sleep(25); // pacing only: a busy machine sees fewer steps, and a jump is one alert at its level
    }
    const critical = (): boolean => events.some((event) => !event.cleared && event.level === 'critical');
    await expect.poll(critical, { timeout: 60_000 }).toBe(true);
    // Each level of each rule fires at most once per episode: never twice without a clear between.
    const open = new Map<string, boolean>();
    for (const event of events) {
      const key = `${event.accountId}|${event.symbol}|${event.side}|${event.rule}|${event.level}`;
      // An ADL-front alert ends rather than clears: an end closes the episode as a clear does.
      if (isFiring(event)) expect(open.get(key), `${key} fired twice without clearing`).not.toBe(true);
      open.set(key, isFiring(event));
    }
    // Some position reached critical on margin ratio or distance; until a clear, each fire of a rule is
    // above the last (a jump past several levels is one alert at the highest, never the ladder below it).
    const held = new Map<string, number>();
    const rank = { warning: 1, danger: 2, critical: 3 } as const;
    for (const event of events) {
      if (event.rule !== 'marginRatio' && event.rule !== 'distance') continue;
      const key = `${event.accountId}|${event.symbol}|${event.side}|${event.rule}`;
      if (event.cleared) held.set(key, 0);
      else {
        expect(rank[event.level], `${key} fired ${event.level} again`).toBeGreaterThan(held.get(key) ?? 0);
        held.set(key, rank[event.level]);
      }
    }
    expect(events.some((event) => !event.cleared && event.level === 'critical')).toBe(true);
    // The Bybit BTC long at 3x is far from liquidation: nothing about it, ever.
    const safe = sim.market.accounts().find((account) => account.venue === 'bybit-linear');
    expect(safe).toBeDefined();
    expect(
      events.filter((event) => event.symbol === 'BTCUSDT' && event.side === 'long' && event.venue === 'bybit-linear'),
    ).toEqual([]);
    // Notifications: one per position per batch, never for a clear.
    expect(notifications.length).toBeGreaterThan(0);
    expect(notifications.length).toBeLessThanOrEqual(events.filter(isFiring).length);
    const view = await core.handlers['alerts:list']({});
    expect(view.history.length).toBe(Math.min(events.length, 500));
    expect(view.history[0]?.id).toBe(events.at(-1)?.id);
  }, 300_000);

  it("the markets' cluster model reaches the alerts: once loaded, a crash raises a cluster, cascade or imbalance alert with the value behind it", async () => {
    const { sim, core, events } = await demoCore('long-squeeze-crash');
    // The Demo's eight markets load in the background: on a busy machine that takes minutes.
    await expect.poll(() => positionsStillLoading(core), { timeout: 180_000 }).toBe(0);
    for (let t = 0; t < scenarioDurationMs('long-squeeze-crash') / 2; t += 60_000) {
      sim.market.advance(60_000);
      await sleep(25);
    }
    const contextAlerts = (): AlertEvent[] =>
      events.filter(
        (event) =>
          !event.cleared && (event.rule === 'cluster' || event.rule === 'cascade' || event.rule === 'imbalance'),
      );
    // The market stands still after the crash, so the core's next evaluations raise the alert.
    await expect.poll(() => contextAlerts().length, { timeout: 120_000 }).toBeGreaterThan(0);
    const context = contextAlerts();
    for (const event of context) {
      if (event.rule === 'imbalance' || event.value === null || event.threshold === null) continue;
      expect(event.value, `${event.rule} ${event.venue} ${event.symbol}`).toBeGreaterThanOrEqual(event.threshold);
    }
  }, 360_000);

  it('warns that data is stale within the stated 15 s once the exchange goes silent while a position is at risk', async () => {
    const { sim, core, events } = await demoCore('calm');
    // Every Demo account has reported its positions (Hyperliquid's rate limit makes it the slowest).
    await expect
      .poll(async () => (await core.handlers['positions:list']({})).every((entry) => entry.positions.length > 0), {
        timeout: 20_000,
      })
      .toBe(true);
    // The Demo's one position close to liquidation is close by distance, its margin ratio under the
    // stale rule's default 50 %: the rule is set to watch every position here.
    await core.handlers['alerts:config-set']({ config: { rules: { stale: { minMarginRatio: 0 } } } });
    const before = events.length;
    const silentAtMs = Date.now();
    await sim.stop();
    await expect
      .poll(() => events.slice(before).find((event) => event.rule === 'stale' && !event.cleared), {
        timeout: 25_000,
        interval: 500,
      })
      .toBeDefined();
    const stale = events.slice(before).find((event) => event.rule === 'stale');
    expect((stale?.timeMs ?? 0) - silentAtMs).toBeLessThan(15_000 + 3_000);
    expect(stale?.message).toMatch(/no market data for \d+ s/);
  }, 60_000);

  it('keeps the history across a restart and sends a test notification on request', async () => {
    const dataDir = tempDir();
    const first = await demoCore('long-squeeze-crash', dataDir);
    for (let i = 0; i < 60; i += 1) {
      first.sim.market.advance(60_000);
      await sleep(20);
    }
    await sleep(500);
    const seen = (await first.core.handlers['alerts:list']({})).history.length;
    expect(seen).toBeGreaterThan(0);
    await first.core.stop();
    const second = await demoCore('calm', dataDir);
    expect((await second.core.handlers['alerts:list']({})).history.length).toBeGreaterThanOrEqual(seen);
    await second.core.handlers['alerts:test']({});
    expect(second.notifications.at(-1)?.title).toMatch(/test notification/i);
  }, 120_000);
});
