import { afterEach, describe, expect, it } from 'vitest';
import type { MarkTick, StreamState } from '../../../shared/domain/stream-state';
import type { AccountSummary } from '../../../shared/ipc/views/accounts';
import type { SimVenue } from '../../sim/market/types';
import type { Fault } from '../../sim/server/faults';
import { startSimulator, type Simulator } from '../../sim/simulator';
import { useTempDirs } from '../../../test/support/temp-dir';
import { createAccountsService, type AccountsService } from '../accounts/accounts-service';
import { createSystemClock } from '../clock';
import { createGateway } from '../exchange/gateway';
import { accountInput } from '../../../test/support/sim-gateway';
import { venueProfiles } from '../exchange/venues';
import { createSilentLogger } from '../logger';
import { createMemorySecretStore } from '../secrets/memory-secret-store';

/**
 * Account poll interval per venue in these tests. ccxt spaces Hyperliquid's `/info` reads about a
 * second apart (its weight limit), so one account read there takes about two seconds.
 */
const venues: readonly { readonly venue: SimVenue; readonly pollMs: number }[] = [
  { venue: 'binance-usdm', pollMs: 400 },
  { venue: 'bybit-linear', pollMs: 400 },
  { venue: 'okx-swap', pollMs: 400 },
  { venue: 'hyperliquid', pollMs: 1500 },
];

/** Per-request timeout: generous, so a busy machine does not turn slow answers into faults of its own. */
const timeoutMs = 2000;

/** Resolves when `condition` holds, polling every 50 ms; fails after `maxMs`. */
async function until(condition: () => boolean, maxMs: number, what: string): Promise<void> {
  for (const start = Date.now(); Date.now() - start < maxMs;) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(condition(), `${what}: not within ${maxMs} ms`).toBe(true);
}

describe.each(venues)(
  '$venue through faults: the account and its price stream recover by themselves and never pass old data off as live',
  ({ venue, pollMs }) => {
    const tempDir = useTempDirs();
    const cleanups: (() => Promise<void> | void)[] = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });
    /** Data older than three polls must be shown stale (account-watcher.ts). */
    const staleAfterMs = 3 * pollMs;
    /** The mark stream's own silence limit (venues/<venue>.ts). */
    const streamSilenceMs = venueProfiles[venue].markStream.staleAfterMs;
    /** Long enough for the last snapshot to age past three polls, with room for the gateway's own retries on a busy machine. */
    const faultMs = staleAfterMs + 4000;

    interface Watched {
      readonly sim: Simulator;
      readonly accounts: AccountsService;
      /** Every summary the UI received, oldest first. */
      readonly summaries: AccountSummary[];
      readonly ticks: { readonly atMs: number; readonly tick: MarkTick }[];
      readonly streamStatus: () => StreamState['status'] | undefined;
      readonly streamStates: StreamState[];
      /** Anything the user was shown as live while its data was old. */
      readonly violations: string[];
      readonly startedAtMs: number;
    }

    async function watched(): Promise<Watched> {
      const startedAtMs = Date.now();
      const sim = await startSimulator({ seed: 5, scenario: 'calm', speed: 0 });
      cleanups.push(() => sim.stop());
      // One market second every 100 ms: every venue's mark stream ticks several times a second.
      const driver = setInterval(() => sim.market.advance(1000), 100);
      cleanups.push(() => clearInterval(driver));
      const summaries: AccountSummary[] = [];
      const violations: string[] = [];
      const accounts = createAccountsService({
        dataDir: tempDir(),
        secrets: createMemorySecretStore(),
        clock: createSystemClock(),
        logger: createSilentLogger(),
        createGateway: (config) => createGateway({ ...config, timeoutMs }),
        pollMs,
        onAccountsChanged: (list) => {
          for (const summary of list) {
            summaries.push(summary);
            const ageMs = Date.now() - (summary.updatedAtMs ?? 0);
            if (summary.status === 'live' && ageMs > staleAfterMs + 150)
              violations.push(`account reported live with data ${ageMs} ms old`);
          }
        },
        onPositionsChanged: () => undefined,
        onProblem: () => undefined,
      });
      cleanups.push(() => accounts.stop());
      const added = await accounts.add(accountInput(sim, venue));
      expect(added.status).toBe('live');
      const symbol = accounts.positions()[0]?.positions[0]?.symbol;
      if (symbol === undefined) throw new Error(`the simulated ${venue} account holds no position`);

      // The position's price, streamed through a public gateway as the alerts and the chart watch it.
      const stream = createGateway({ venue, baseUrl: sim.baseUrl(venue), credentials: null, timeoutMs });
      cleanups.push(() => stream.close());
      const ticks: Watched['ticks'] = [];
      const streamStates: StreamState[] = [];
      const stop = stream.watchMarkPrice(
        symbol,
        (tick) => ticks.push({ atMs: Date.now(), tick }),
        (state) => streamStates.push(state),
      );
      cleanups.push(stop);
      const streamStatus = (): StreamState['status'] | undefined => streamStates.at(-1)?.status;
      await until(() => streamStatus() === 'live' && ticks.length > 2, 10_000, 'price stream live');

      // What the user would read at any moment: live positions are fresh, a live price is recent.
      const monitor = setInterval(() => {
        const now = Date.now();
        for (const position of accounts.positions().flatMap((entry) => entry.positions)) {
          if (!position.stale && now - position.updatedAtMs > staleAfterMs + 150)
            violations.push(`${position.symbol} shown fresh with data ${now - position.updatedAtMs} ms old`);
        }
        const silentMs = now - (ticks.at(-1)?.atMs ?? now);
        // The stream checks its silence once a second; allow that and a busy machine's timer lag.
        if (streamStatus() === 'live' && silentMs > streamSilenceMs + 1000 + 3000)
          violations.push(`price stream live after ${silentMs} ms without a tick`);
      }, 100);
      cleanups.push(() => clearInterval(monitor));
      return { sim, accounts, summaries, ticks, streamStatus, streamStates, violations, startedAtMs };
    }

    /** The account turns stale with a reason while the fault lasts, keeping its last numbers, and is live again afterwards. */
    async function survives(run: Watched, fault: Fault): Promise<void> {
      const { sim, accounts, summaries } = run;
      const injectedAtMs = Date.now();
      sim.faults.inject(venue, fault, { durationMs: faultMs });
      await until(() => accounts.list()[0]?.status === 'stale', faultMs, 'account shown stale during the fault');
      expect(Date.now() - injectedAtMs).toBeLessThan(faultMs);
      const stale = accounts.list()[0];
      expect(stale?.statusMessage).toMatch(/could not be reached|did not answer|unreadable|no fresh data/i);
      // The last good numbers stay on screen, flagged: those the account showed live when that snapshot arrived.
      const lastGood = summaries.find(
        (summary) => summary.status === 'live' && summary.updatedAtMs === stale?.updatedAtMs,
      );
      expect(lastGood).toBeDefined();
      expect(stale?.equity).toBe(lastGood?.equity);
      expect(accounts.positions()[0]?.positions.every((position) => position.stale)).toBe(true);

      await until(
        () => accounts.list()[0]?.status === 'live' && accounts.list()[0]?.statusMessage === undefined,
        faultMs + 20_000,
        'account live again',
      );
      expect(Date.now() - injectedAtMs).toBeGreaterThanOrEqual(faultMs - 100);
      expect(accounts.positions()[0]?.positions.every((position) => !position.stale)).toBe(true);
      expect(sim.faults.active(venue)).toEqual([]);
    }

    /** The price stream reports a non-live state now, then live again with ticks newer than any before. */
    async function streamRecovers(
      run: Watched,
      fromState: number,
      lastBefore: MarkTick | undefined,
      maxMs: number,
    ): Promise<void> {
      await until(
        () => run.streamStates.slice(fromState).some((state) => state.status !== 'live'),
        5000,
        'price stream shown not live',
      );
      const count = run.ticks.length;
      await until(
        () => run.streamStatus() === 'live' && run.ticks.length > count + 2,
        maxMs,
        'price stream live again',
      );
      expect(run.ticks.at(-1)?.tick.timeMs ?? 0).toBeGreaterThan(lastBefore?.timeMs ?? Infinity);
    }

    function withinLimit(run: Watched): void {
      const limit = run.sim.faults.limit(venue);
      expect(
        run.sim.faults.peakWeight(venue, limit.windowMs, run.startedAtMs),
        `peak request weight against ${limit.source}`,
      ).toBeLessThanOrEqual(limit.weight);
      expect(run.violations).toEqual([]);
    }

    it('a burst of 5xx answers: stale with a reason, last numbers kept, live again by itself, within the venue’s request limit', async () => {
      const run = await watched();
      await survives(run, { kind: 'server-error', status: 503 });
      // The burst really met the account's reads (the weight check below then says they were not hammered).
      expect(run.sim.faults.requests(venue, run.startedAtMs).some((request) => request.fault === 'server-error')).toBe(
        true,
      );
      withinLimit(run);
    }, 90_000);

    it('a dropped stream: reconnecting, then live with fresh prices, while the account stays readable', async () => {
      const run = await watched();
      const fromState = run.streamStates.length;
      const lastBefore = run.ticks.at(-1)?.tick;
      run.sim.faults.dropSockets(venue);
      await streamRecovers(run, fromState, lastBefore, 20_000);
      await until(() => run.accounts.list()[0]?.status === 'live', 10_000, 'account live');
      withinLimit(run);
    }, 60_000);

    it('the venue down (REST and stream): both shown not live while it lasts, both back by themselves after', async () => {
      const run = await watched();
      const fromState = run.streamStates.length;
      const lastBefore = run.ticks.at(-1)?.tick;
      await Promise.all([
        survives(run, { kind: 'down' }),
        streamRecovers(run, fromState, lastBefore, faultMs + 30_000),
      ]);
      withinLimit(run);
    }, 120_000);
  },
);
