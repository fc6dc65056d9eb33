import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccountsService } from '../../core/accounts/accounts-service';
import { createAlertsService } from '../../core/alerts/alerts-service';
import { createGateway } from '../../core/exchange/gateway';
import { createSilentLogger } from '../../core/logger';
import type { Clock } from '../../core/ports';
import { createMemorySecretStore } from '../../core/secrets/memory-secret-store';
import { demoAccountsOf } from '../../sim/demo-market';
import { startSimulator } from '../../sim/simulator';
import { quantile, round } from './stats';

/** The system clock with sub-millisecond resolution (epoch-based), so short latencies do not round to 0. */
function preciseClock(): Clock {
  return {
    now: () => performance.timeOrigin + performance.now(),
    every(intervalMs, callback) {
      const timer = setInterval(callback, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}

/**
 * Mark tick to alert event in the core: the Demo's crash scenario replayed through the simulator,
 * real ccxt streams and the core's accounts and alerts services (the alerts reading marks through
 * their own public streams; in the app the market service's streams deliver the same ticks); for
 * each alert event, the time from the arrival of the tick (or snapshot) that caused it to its emission.
 */
export async function measureAlerts(): Promise<{ tickToEventP50Ms: number; tickToEventP99Ms: number; events: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'liqlens-bench-alerts-'));
  const sim = await startSimulator({ seed: 7, scenario: 'long-squeeze-crash', speed: 0 });
  const clock = preciseClock();
  const logger = createSilentLogger();
  const samples: number[] = [];
  // The first evaluations of a fresh process pay one-off costs (JIT, Intl formatters) on the startup
  // snapshot, which is not a tick: they are left out, and the count of what was measured is reported.
  let measuring = false;
  const alerts = createAlertsService({
    dataDir,
    clock,
    logger,
    createGateway,
    notifier: { notify: () => undefined },
    onEvent: (_event, timing) => {
      if (measuring) samples.push(timing.emittedAtMs - timing.receivedAtMs);
    },
    onChanged: () => undefined,
  });
  const accounts = createAccountsService({
    dataDir,
    clock,
    logger,
    createGateway,
    secrets: createMemorySecretStore(),
    pollMs: 500,
    demo: async () => ({ accounts: demoAccountsOf(sim), stop: async () => undefined }),
    onAccountsChanged: () => undefined,
    onPositionsChanged: (entry) => alerts.onPositions(entry, accounts.sourceOf(entry.accountId)),
    onProblem: () => undefined,
  });
  try {
    await accounts.start();
    await accounts.refreshAll();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    measuring = true;
    for (let step = 0; step < 240; step += 1) {
      sim.market.advance(60_000);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    return {
      tickToEventP50Ms: round(quantile(samples, 0.5), 3),
      tickToEventP99Ms: round(quantile(samples, 0.99), 3),
      events: samples.length,
    };
  } finally {
    await accounts.stop();
    await alerts.stop();
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
