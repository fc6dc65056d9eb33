import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../../shared/alerts';
import { startSimulator, type Simulator } from '../../sim/simulator';
import { useTempDirs } from '../../../test/support/temp-dir';
import { createSimDemoCore } from '../../../test/support/test-core';
import type { Core } from '../create-core';

/**
 * A position that leaves the account while the venue's force-close records cannot be read waits for
 * its verdict; the app stops meanwhile. Through real ccxt against the simulator: the waiting position
 * is saved with the alert state, and after the restart, with the records readable again, it is
 * judged (here: closed by the user) and its alerts end, instead of hanging forever.
 */
const account = {
  id: 'restart-judgement',
  venue: 'binance-usdm',
  walletBalance: 5_000,
  positions: [{ symbol: 'BTCUSDT', side: 'long', size: 0.2, leverage: 50, marginMode: 'isolated' }],
} as const;

const tempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function pendingIn(dataDir: string): number | null {
  const path = join(dataDir, 'alerts', 'pending-liquidations.json');
  if (!existsSync(path)) return null;
  return (JSON.parse(readFileSync(path, 'utf8')) as { pending: unknown[] }).pending.length;
}

async function startCore(dataDir: string, sim: Simulator): Promise<{ core: Core; events: AlertEvent[] }> {
  const { core, events } = createSimDemoCore(dataDir, sim);
  await core.start();
  return { core, events };
}

describe('a pending liquidation judgement across a restart', () => {
  it('is saved while the records cannot be read, and resolved after the restart', async () => {
    const sim = await startSimulator({ seed: 7, scenario: 'calm', speed: 0, accounts: [account] });
    cleanups.push(() => sim.stop());
    const dataDir = tempDir();
    const first = await startCore(dataDir, sim);
    let firstStopped = false;
    cleanups.push(async () => {
      if (!firstStopped) await first.core.stop();
    });
    const long = (events: readonly AlertEvent[]): AlertEvent[] =>
      events.filter((event) => event.symbol === 'BTCUSDT' && event.side === 'long');
    // The 50x long sits close enough to its liquidation price to hold alerts.
    await expect.poll(() => long(first.events).length, { timeout: 120_000 }).toBeGreaterThan(0);

    // The venue's forced-order list answers 503 from now on: no verdict without it for a minute.
    sim.faults.inject('binance-usdm', { kind: 'server-error', status: 503 }, { path: '/fapi/v1/forceOrders' });
    expect(sim.market.closePosition(account.id, 'BTCUSDT', 'long')).toBe(true);
    await expect.poll(() => pendingIn(dataDir), { timeout: 120_000 }).toBe(1);
    expect(long(first.events).filter((event) => event.cleared || event.rule === 'liquidated')).toEqual([]);
    await first.core.stop();
    firstStopped = true;

    sim.faults.clear();
    const second = await startCore(dataDir, sim);
    cleanups.push(() => second.core.stop());
    // Each poll moves the market a second, so the mark is fresh when the position is judged.
    await expect
      .poll(
        () => {
          sim.market.advance(1_000);
          return long(second.events).filter((event) => event.cleared).length;
        },
        { timeout: 120_000 },
      )
      .toBeGreaterThan(0);
    for (const event of long(second.events)) {
      expect(event.rule).not.toBe('liquidated');
      if (event.cleared) expect(event.message).toMatch(/position closed/);
    }
    await expect.poll(() => pendingIn(dataDir), { timeout: 60_000 }).toBe(0);
    expect((await second.core.handlers['alerts:list']({})).active).toEqual([]);
  }, 360_000);
});
