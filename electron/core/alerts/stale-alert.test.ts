import { afterEach, describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../../shared/alerts';
import type { AccountSummary } from '../../../shared/ipc/views/accounts';
import { startSimulator } from '../../sim/simulator';
import { createSimDemoCore } from '../../../test/support/test-core';
import { useTempDirs } from '../../../test/support/temp-dir';

describe('the stale alert through a stopped venue, on the simulated Demo through real ccxt', () => {
  const tempDir = useTempDirs();
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('stays active as long as the data is stale, across many refresh cycles, and clears once only after fresh data arrived', async () => {
    const sim = await startSimulator({ seed: 7, scenario: 'calm', speed: 0 });
    const { core, events } = createSimDemoCore(tempDir(), sim);
    cleanups.push(async () => {
      await core.stop();
      await sim.stop();
    });
    // Every summary of the Binance Demo account, each one the end of a refresh (a read that succeeded or failed).
    const summaries: { readonly atMs: number; readonly summary: AccountSummary }[] = [];
    let accountId: string | undefined;
    core.on('accounts:changed', (list) => {
      const summary = list.find((account) => account.venue === 'binance-usdm');
      if (summary === undefined) return;
      accountId = summary.id;
      summaries.push({ atMs: Date.now(), summary });
    });
    await core.start();
    // Quick to go stale, every position counts, and a cooldown short enough that a false clear would fire again at once.
    await core.handlers['alerts:config-set']({
      config: { rules: { stale: { afterMs: 2_000, minMarginRatio: 0, cooldownMs: 300 } } },
    });
    const positionsOf = async (): Promise<number> =>
      (await core.handlers['positions:list']({})).find((entry) => entry.accountId === accountId)?.positions.length ?? 0;
    await expect.poll(positionsOf, { timeout: 30_000 }).toBeGreaterThan(0);
    const held = await positionsOf();
    const staleOf = (from: number): AlertEvent[] =>
      events.slice(from).filter((event) => event.rule === 'stale' && event.accountId === accountId);

    const from = events.length;
    sim.faults.inject('binance-usdm', { kind: 'down' }, { durationMs: 10 * 60_000 });
    // One stale alert per position, each saying how old the data is.
    await expect.poll(() => staleOf(from).filter((event) => !event.cleared).length, { timeout: 30_000 }).toBe(held);
    const account = (): AccountSummary | undefined => summaries.at(-1)?.summary;
    // The account says why: the venue's own failure once a read has failed.
    const reason = (): string | undefined => {
      const freshness = account()?.freshness;
      return freshness?.state === 'stale' ? freshness.reason : undefined;
    };
    await expect.poll(reason, { timeout: 30_000 }).toMatch(/^venue not answering: /);
    // Many refresh cycles later (each one a failed read of the stopped venue), still exactly those alerts, none cleared.
    const cycles = summaries.length;
    await expect.poll(() => summaries.length - cycles, { timeout: 60_000 }).toBeGreaterThanOrEqual(12);
    expect(staleOf(from).map((event) => event.cleared)).toEqual(Array.from({ length: held }, () => false));
    const active = (await core.handlers['alerts:list']({})).active.filter((alert) => alert.accountId === accountId);
    expect(active.length).toBe(held);
    for (const alert of active) expect(alert.rules.map((rule) => rule.rule)).toContain('stale');

    // The venue is back: one clear per position, and only once fresh data has really arrived.
    sim.faults.clear();
    await expect.poll(() => staleOf(from).filter((event) => event.cleared).length, { timeout: 30_000 }).toBe(held);
    const firstLive = summaries.find(({ summary }, index) => index >= cycles && summary.freshness.state === 'live');
    expect(firstLive).toBeDefined();
    for (const clear of staleOf(from).filter((event) => event.cleared)) {
      expect(clear.message).toMatch(/data is flowing again/);
      expect(clear.timeMs).toBeGreaterThanOrEqual(
        firstLive?.summary.freshness.state === 'live' ? firstLive.summary.freshness.updatedAtMs : Infinity,
      );
    }
    expect(staleOf(from).filter((event) => !event.cleared).length).toBe(held);
  }, 180_000);
});
