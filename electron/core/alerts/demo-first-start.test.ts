import { afterEach, describe, expect, it } from 'vitest';
import { isFiring } from '../../../shared/alerts';
import { startSimulator } from '../../sim/simulator';
import { createSimDemoCore } from '../../../test/support/test-core';
import { useTempDirs } from '../../../test/support/temp-dir';

describe("the Demo's first start, through real ccxt against the simulator", () => {
  const tempDir = useTempDirs();
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('is calm: only the one position the welcome text calls close to liquidation alerts, once per rule, in one notification named by its account', async () => {
    const sim = await startSimulator({ seed: 7, scenario: 'calm', speed: 0 });
    const { core, events, notifications } = createSimDemoCore(tempDir(), sim);
    cleanups.push(async () => {
      await core.stop();
      await sim.stop();
    });
    await core.start();
    // Every Demo account has reported its positions: each snapshot is evaluated as it arrives.
    await expect
      .poll(
        async () => (await core.handlers['positions:list']({})).filter((entry) => entry.positions.length > 0).length,
        {
          timeout: 60_000,
        },
      )
      .toBe(4);
    const fired = events.filter(isFiring);
    expect(new Set(fired.map((event) => `${event.accountLabel} ${event.displaySymbol} ${event.side}`))).toEqual(
      new Set(['Demo · Bybit ETH/USDT long']),
    );
    // First seen past several levels: one alert per rule, at its highest level, not the ladder below it.
    const rules = fired.filter((event) => event.rule === 'marginRatio' || event.rule === 'distance');
    expect(rules.length).toBeGreaterThan(0);
    expect(new Set(rules.map((event) => event.rule)).size).toBe(rules.length);
    for (const event of fired) expect(event.message).toMatch(/^Demo · Bybit · ETH\/USDT long: /);
    // One evaluation, one position: one notification, titled with the account, venue, symbol and side.
    expect(notifications).toHaveLength(1);
    expect(notifications[0]?.title).toMatch(/^(Warning|Danger|Critical): Demo · Bybit · ETH\/USDT long$/);
    const view = await core.handlers['alerts:list']({});
    expect(view.active.map((alert) => `${alert.accountLabel} ${alert.displaySymbol} ${alert.side}`)).toEqual([
      'Demo · Bybit ETH/USDT long',
    ]);
  }, 120_000);
});
