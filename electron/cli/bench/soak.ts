import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants as perfConstants, PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { DemoAccount } from '../../core/accounts/demo-provider';
import type { Core } from '../../core/create-core';
import type { Logger } from '../../core/ports';
import { createGateway } from '../../core/exchange/gateway';
import { createNodeHost } from '../../web/node-host';
import { startSimChild, type SimChild } from './sim-child';
import { untilModelsLoaded } from './settle';
import { round } from './stats';
import { demoSource } from '../../../shared/domain/market-source';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A full garbage collection, so heap figures compare live data rather than garbage. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

/** The core's warnings and errors on stderr, with the time; for a run with LIQLENS_BENCH_LOG set. */
function stderrLogger(): Logger {
  const line =
    (level: string) =>
    (message: string, fields?: Readonly<Record<string, unknown>>): void => {
      process.stderr.write(`${new Date().toISOString()} ${level} ${message} ${JSON.stringify(fields ?? {})}\n`);
    };
  return { info: () => undefined, warn: line('warn'), error: line('error') };
}

/**
 * The runs of consecutive minutes in `missing` (sorted open times, ms), each as its first minute's
 * offset from `startMs` in minutes and its length: where lost bars fall (at the start, in the
 * middle, or at the newest end of the replay).
 */
function runsOf(missing: readonly number[], startMs: number): { fromMinute: number; minutes: number }[] {
  const runs: { fromMinute: number; minutes: number }[] = [];
  for (const openTimeMs of missing) {
    const fromMinute = (openTimeMs - startMs) / 60_000;
    const last = runs.at(-1);
    if (last !== undefined && last.fromMinute + last.minutes === fromMinute) last.minutes += 1;
    else runs.push({ fromMinute, minutes: 1 });
  }
  return runs;
}

/** A core in `dataDir` watching `accounts` as its Demo, silent, on the system clock; not started. */
function benchCore(dataDir: string, accounts: readonly DemoAccount[], pollMs?: number): Core {
  return createNodeHost({
    dataDir,
    ...(process.env['LIQLENS_BENCH_LOG'] ? { logger: stderrLogger() } : {}),
    app: { name: 'LiqLens', version: 'bench' },
    notifier: { notify: () => undefined },
    exchange: {
      createGateway,
      ...(pollMs === undefined ? {} : { pollMs }),
      demo: async () => ({ accounts: [...accounts], stop: async () => undefined }),
    },
  });
}

/**
 * The core with three Demo accounts (Binance, Bybit, OKX) and the cluster model of BTCUSDT running,
 * on a simulator in another process (sim-child.ts) whose time the bench moves.
 */
async function soakCore(): Promise<{ sim: SimChild; core: Core; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'liqlens-soak-'));
  const sim = await startSimChild(Math.floor(Date.now() / 60_000) * 60_000);
  const core = benchCore(dataDir, sim.accounts, 5000);
  await core.start();
  await core.handlers['market:open']({
    market: { venue: 'binance-usdm', source: demoSource, symbol: 'BTCUSDT' },
    timeframe: '1m',
  });
  return { sim, core, dataDir };
}

/**
 * 24 hours of simulated streams replayed fast through the real core (three accounts, alerts, the
 * cluster model of every position's market, one of them charted), measured from when those models
 * have loaded: heap growth after a full GC, closed one-minute bars the venue published that never
 * reached the market view (events lost), and the core's resident memory at the end (`rssMb`; the
 * bench runs it in a process of its own, see soak-probe.ts, and the simulated venues in another, as
 * real venues would be), with what the V8 heap holds (`heapUsedMb`) and what lives outside it
 * (`externalMb`: buffers, sockets' memory), both after a full GC.
 */
export async function measureSoak(): Promise<{
  heapGrowthMb: number;
  eventsLost: number;
  /** Of `eventsLost`, the minutes at the newest end (the view had not caught up yet), not holes. */
  eventsLostNewest: number;
  simulatedHours: number;
  rssMb: number;
  heapUsedMb: number;
  externalMb: number;
}> {
  const { sim, core, dataDir } = await soakCore();
  try {
    await untilModelsLoaded(() => core.handlers['positions:list']({}));
    for (let i = 0; i < 30; i += 1) {
      await sim.advance(60_000);
      await sleep(5);
    }
    await sleep(1000);
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    const startMs = await sim.now();
    const minutes = 24 * 60;
    for (let i = 0; i < minutes; i += 1) {
      await sim.advance(60_000);
      await sleep(i % 10 === 0 ? 20 : 3);
    }
    // The replay's last minutes may still be on their way (a fetch the busy venue failed is asked
    // again a few seconds later): read the view once it holds the newest closed minute, or after 30 s.
    const newestClosedMs = Math.floor((await sim.now()) / 60_000) * 60_000 - 60_000;
    const openView = (): ReturnType<Core['handlers']['market:open']> =>
      core.handlers['market:open']({
        market: { venue: 'binance-usdm', source: demoSource, symbol: 'BTCUSDT' },
        timeframe: '1m',
      });
    await sleep(3000);
    let view = await openView();
    for (let waited = 0; waited < 30_000; waited += 500) {
      if (view.candles.some((candle) => candle.openTimeMs === newestClosedMs)) break;
      await sleep(500);
      view = await openView();
    }
    collectGarbage();
    const { heapUsed: after, rss, external } = process.memoryUsage();
    // Every closed minute the venue published in the view's window must be in the view.
    const seen = new Set(view.candles.map((candle) => candle.openTimeMs));
    const firstShown = view.candles[0]?.openTimeMs ?? startMs;
    const published = await sim.barTimes(
      'BTCUSDT',
      'mark',
      Math.max(startMs, firstShown),
      (await sim.now()) - 60_000,
      10_000,
    );
    const missing = published.filter((openTimeMs) => !seen.has(openTimeMs));
    const eventsLost = missing.length;
    // Where they fall tells a bar the core never got (a hole) from one still on its way (the newest end).
    const runs = runsOf(missing, startMs);
    const newest = published.at(-1);
    const tail = runs.at(-1);
    const eventsLostNewest =
      tail !== undefined && newest !== undefined && startMs + (tail.fromMinute + tail.minutes - 1) * 60_000 === newest
        ? tail.minutes
        : 0;
    if (eventsLost > 0)
      process.stderr.write(
        `soak: ${eventsLost} closed minutes missing of ${published.length} (minutes after the replay's start, length): ${JSON.stringify(runs)}; the view ends at minute ${((view.candles.at(-1)?.openTimeMs ?? startMs) - startMs) / 60_000}\n`,
      );
    return {
      heapGrowthMb: round((after - before) / 1024 / 1024, 2),
      eventsLost,
      eventsLostNewest,
      simulatedHours: 24,
      rssMb: round(rss / 1024 / 1024, 1),
      heapUsedMb: round(after / 1024 / 1024, 1),
      externalMb: round(external / 1024 / 1024, 1),
    };
  } finally {
    await core.stop();
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Resolves once V8 has given back the memory the start grew, or after `capMs`, and never before
 * `minMs`: at least `minMs` from the call, then, once its memory reducer has run (its three full
 * collections come in one burst, well under a second apart; two major collections within
 * `burstMs` are taken as it), `quietMs` without another major collection. Returns the ms waited.
 * The reducer runs once after a start, about a minute after the heap stops growing (57 to 73 s
 * after `Core.settled` in four runs, so a fixed minute sometimes holds it and sometimes not).
 */
async function afterMemoryReducer(minMs: number, capMs: number, burstMs = 3_000, quietMs = 15_000): Promise<number> {
  const majors: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if ((entry as { detail?: { kind?: number } }).detail?.kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR)
        majors.push(entry.startTime);
  });
  observer.observe({ entryTypes: ['gc'] });
  const from = performance.now();
  try {
    for (;;) {
      const now = performance.now();
      const burst = majors.some((at, i) => i > 0 && at - (majors[i - 1] ?? -Infinity) <= burstMs);
      const last = majors[majors.length - 1] ?? -Infinity;
      if (now - from >= capMs || (now - from >= minMs && burst && now - last >= quietMs)) return now - from;
      await sleep(1_000);
    }
  } finally {
    observer.disconnect();
  }
}

/**
 * CPU use of the app's process, in percent of one core, while three accounts are watched in real
 * time with the cluster model of every position's market running and one market charted, measured
 * in the steady state a long run spends its time in: once those models have loaded their history
 * and the work the app runs once at start (each market's backfill and first measurement of its map
 * on the recordings, `Core.settled`) has finished, then a minute more and until V8 has given back
 * the memory the start grew: its memory reducer runs three full collections (with their marking on
 * the helper threads), once after a start and not again while the heap stays the size it is; a
 * window that holds them measures the start, not idle (`afterMemoryReducer`, at most three minutes).
 * The window is three whole minutes: the models' work comes once a minute (closed bars, open
 * interest), so a window of part minutes over- or under-counts it; `perMinute` shows each minute's
 * figure, `settlingMinuteCpuPercent` the time before the window (not counted: it holds the memory
 * reducer's collections), `settlingSeconds` its length. The simulated exchanges run in another
 * process in real time (sim-child.ts), as a real venue would, so their work is not counted; the
 * bench runs this in a process of its own too (idle-probe.ts), so the bench's own work is not
 * counted either.
 */
export async function measureIdle(
  minutes = 3,
): Promise<{ cpuPercent: number; perMinute: number[]; settlingMinuteCpuPercent: number; settlingSeconds: number }> {
  const sim = await startSimChild(undefined, 1);
  const dataDir = mkdtempSync(join(tmpdir(), 'liqlens-idle-'));
  const core = benchCore(dataDir, sim.accounts);
  try {
    await core.start();
    await core.handlers['market:open']({
      market: { venue: 'binance-usdm', source: demoSource, symbol: 'BTCUSDT' },
      timeframe: '5m',
    });
    await untilModelsLoaded(() => core.handlers['positions:list']({}));
    await core.settled();
    const settling = process.cpuUsage();
    const settlingMs = await afterMemoryReducer(60_000, 180_000);
    const settled = process.cpuUsage(settling);
    const settlingMinute = round(((settled.user + settled.system) / 1000 / settlingMs) * 100, 2);
    const perMinute: number[] = [];
    let usedMs = 0;
    let elapsedMs = 0;
    for (let minute = 0; minute < minutes; minute += 1) {
      const start = process.cpuUsage();
      const startedAt = performance.now();
      await sleep(60_000);
      const used = process.cpuUsage(start);
      const minuteMs = performance.now() - startedAt;
      perMinute.push(round(((used.user + used.system) / 1000 / minuteMs) * 100, 2));
      usedMs += (used.user + used.system) / 1000;
      elapsedMs += minuteMs;
    }
    if ((await core.handlers['accounts:list']({})).length !== 3)
      throw new Error('the idle bench should watch three accounts');
    return {
      cpuPercent: round((usedMs / elapsedMs) * 100, 2),
      perMinute,
      settlingMinuteCpuPercent: settlingMinute,
      settlingSeconds: round(settlingMs / 1000, 0),
    };
  } finally {
    await core.stop();
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
