import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGateway } from '../../core/exchange/gateway';
import type { Clock } from '../../core/ports';
import { demoAccountsOf } from '../../sim/demo-market';
import { startSimulator } from '../../sim/simulator';
import { createNodeHost } from '../../web/node-host';
import { measureConfigSet } from './alerts-config';
import { untilModelsLoaded } from './settle';
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
 * Mark tick to alert event in the core, as the app runs it: the Demo's crash scenario replayed
 * through the simulator and real ccxt streams into the whole core, whose alerts evaluate on the
 * ticks of the market service's mark streams; for each alert event, the time from the arrival of
 * the tick (or snapshot) that caused it to its emission. Then, on the same running core, the time
 * to save alert configurations of 1,000 overrides (`configSetMs`, see `measureConfigSet`).
 */
export async function measureAlerts(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'liqlens-bench-alerts-'));
  const sim = await startSimulator({
    seed: 7,
    scenario: 'long-squeeze-crash',
    speed: 0,
    startTimeMs: Math.floor(Date.now() / 60_000) * 60_000,
  });
  const samples: number[] = [];
  // Start-up (backfills, the first snapshots, one-off JIT costs) is not a tick: it is left out, and
  // the count of what was measured is reported.
  let measuring = false;
  const core = createNodeHost({
    dataDir,
    app: { name: 'LiqLens', version: 'bench' },
    clock: preciseClock(),
    notifier: { notify: () => undefined },
    exchange: {
      createGateway,
      pollMs: 500,
      demo: async () => ({ accounts: demoAccountsOf(sim), stop: async () => undefined }),
    },
    onAlertTiming: (timing) => {
      if (measuring) samples.push(timing.emittedAtMs - timing.receivedAtMs);
    },
  });
  try {
    await core.start();
    await untilModelsLoaded(() => core.handlers['positions:list']({}));
    measuring = true;
    for (let step = 0; step < 240; step += 1) {
      sim.market.advance(60_000);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    measuring = false;
    const accountIds = (await core.handlers['accounts:list']({})).map((account) => account.id);
    const saving = await measureConfigSet((config) => core.handlers['alerts:config-set']({ config }), accountIds);
    return {
      tickToEventP50Ms: round(quantile(samples, 0.5), 3),
      tickToEventP99Ms: round(quantile(samples, 0.99), 3),
      events: samples.length,
      ...saving,
    };
  } finally {
    await core.stop();
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
