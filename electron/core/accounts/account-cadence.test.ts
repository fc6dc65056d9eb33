import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../sim/simulator';
import { createManualClock, type ManualClock } from '../../../test/support/manual-clock';
import { useTempDirs } from '../../../test/support/temp-dir';
import { createGateway } from '../exchange/gateway';
import { createSilentLogger } from '../logger';
import { createMemorySecretStore } from '../secrets/memory-secret-store';
import { createAccountsService, type AccountsService } from './accounts-service';

/*
 * How often an account is read: every fast interval while a position is near danger or the
 * positions just changed, every calm interval while all are far from it, and stale after three
 * intervals of the cadence in force. Real ccxt against the simulator; the watcher's clock is moved
 * by the test, so each read happens exactly when the cadence says.
 */

const fastMs = 1_000;
const slowMs = 4_000;

describe('the adaptive account cadence', () => {
  const tempDir = useTempDirs();
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  interface Watched {
    readonly sim: Simulator;
    readonly clock: ManualClock;
    readonly accounts: AccountsService;
    /** Reads of the account the venue was asked for since it was added. */
    readonly reads: { count: number };
    readonly near: { value: boolean };
    /** The simulated account the key reads. */
    readonly simAccountId: string;
    /** Moves the clock one fast interval and waits for any read in flight to land (unless `wait` is false). */
    step(wait?: boolean): Promise<void>;
  }

  async function watched(): Promise<Watched> {
    const sim = await startSimulator({ seed: 11, scenario: 'calm', speed: 0 });
    cleanups.push(() => sim.stop());
    const clock = createManualClock();
    const reads = { count: 0 };
    const pending = new Set<Promise<unknown>>();
    const near = { value: false };
    const accounts = createAccountsService({
      dataDir: tempDir(),
      secrets: createMemorySecretStore(),
      clock,
      logger: createSilentLogger(),
      // The real gateway, with its reads counted and awaited.
      createGateway: (config) => {
        const gateway = createGateway(config);
        return {
          ...gateway,
          fetchAccount: () => {
            reads.count += 1;
            const read = gateway.fetchAccount();
            pending.add(read);
            void read.catch(() => undefined).finally(() => pending.delete(read));
            return read;
          },
        };
      },
      pollMs: fastMs,
      slowPollMs: slowMs,
      urgent: () => near.value,
      onAccountsChanged: () => undefined,
      onPositionsChanged: () => undefined,
      onProblem: () => undefined,
    });
    cleanups.push(() => accounts.stop());
    const key = sim.keys.find(
      (candidate) => candidate.venue === 'binance-usdm' && candidate.apiKey.endsWith('-readonly'),
    );
    if (key === undefined) throw new Error('no read-only Binance key');
    await accounts.add({
      kind: 'api-key',
      venue: 'binance-usdm',
      label: 'Main',
      apiKey: key.apiKey,
      apiSecret: key.secret,
      baseUrl: sim.baseUrl('binance-usdm'),
    });
    reads.count = 0;
    const step = async (wait = true): Promise<void> => {
      clock.advance(fastMs);
      if (!wait) return;
      await Promise.allSettled([...pending]);
      // The watcher's own continuation of the read runs before this one: its snapshot is in.
      await new Promise((resolve) => setImmediate(resolve));
    };
    return { sim, clock, accounts, reads, near, step, simAccountId: key.accountId };
  }

  it('reads a calm account every calm interval and goes back to the fast one when a position nears danger', async () => {
    const { accounts, reads, near, step } = await watched();
    // Every position far from danger from the first read on: the calm cadence.
    await step();
    expect(accounts.list()[0]?.refreshMs).toBe(slowMs);

    // Calm: one read per calm interval, not one per fast interval.
    const before = reads.count;
    for (let i = 0; i < (2 * slowMs) / fastMs; i += 1) await step();
    expect(reads.count - before).toBe(2);
    expect(accounts.list()[0]?.status).toBe('live');

    // A position within its warning levels: read at the next check, then every fast interval.
    near.value = true;
    const nearFrom = reads.count;
    for (let i = 0; i < 3; i += 1) await step();
    expect(reads.count - nearFrom).toBe(3);
    expect(accounts.list()[0]?.refreshMs).toBe(fastMs);
  });

  it('reads fast for a calm interval after a read finds a position closed at the venue', async () => {
    const { sim, accounts, reads, step, simAccountId } = await watched();
    await step();
    expect(accounts.list()[0]?.refreshMs).toBe(slowMs);
    const held = accounts.positions()[0]?.positions ?? [];
    expect(held.length).toBeGreaterThan(1);
    const closed = held[0];
    if (closed === undefined) throw new Error('no position to close');
    expect(sim.market.closePosition(simAccountId, closed.symbol, closed.side)).toBe(true);

    // The next calm read sees it; from then on, one read per fast interval.
    while ((accounts.positions()[0]?.positions.length ?? 0) === held.length) await step();
    expect(accounts.list()[0]?.refreshMs).toBe(fastMs);
    const from = reads.count;
    for (let i = 0; i < slowMs / fastMs - 1; i += 1) await step();
    expect(reads.count - from).toBe(slowMs / fastMs - 1);
    // A calm interval without a change: calm again.
    await step();
    expect(accounts.list()[0]?.refreshMs).toBe(slowMs);
  });

  it('shows a calm account stale at its first read the venue does not answer, and live until then', async () => {
    const { sim, accounts, step } = await watched();
    await step();
    expect(accounts.list()[0]?.refreshMs).toBe(slowMs);
    await sim.stop();
    // Until the next calm read the figures are within their cadence: live.
    while (accounts.list()[0]?.statusMessage === undefined) {
      expect(accounts.list()[0]?.status).toBe('live');
      await step();
    }
    // That read found no venue: the figures are a calm interval old and unconfirmed, so stale at once.
    expect(accounts.list()[0]?.status).toBe('stale');
    const freshness = accounts.list()[0]?.freshness;
    expect(freshness?.state === 'stale' ? freshness.reason : '').toMatch(/^venue not answering/);
    expect(accounts.list()[0]?.refreshMs).toBe(fastMs);
  });
});
