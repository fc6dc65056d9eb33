import { createDemoTestCore } from '../../../test/support/test-core';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../../shared/alerts';
import type { AccountVenue } from '../../../shared/domain/account-venue';
import { demoAccountsOf } from '../../sim/demo-market';
import type { Fault } from '../../sim/server/faults';
import { startSimulator, type Simulator } from '../../sim/simulator';
import { openCaughtUp } from '../../../test/support/open-caught-up';
import { useTempDirs } from '../../../test/support/temp-dir';
import { type Core } from '../create-core';
import { createRecorder, type Recording } from '../recorder/recorder';
import { decodeLine } from '../recorder/recording-format';
import { demoSource } from '../../../shared/domain/market-source';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Every market with a recording folder of the Demo's source under `dataDir`. */
function recordedMarkets(dataDir: string): { venue: AccountVenue; symbol: string }[] {
  const root = join(dataDir, 'recordings', demoSource);
  return readdirSync(root).flatMap((venue) =>
    readdirSync(join(root, venue)).map((symbol) => ({ venue: venue as AccountVenue, symbol })),
  );
}

/** Lines of the recording files under `dataDir` that do not read back as a record. */
function unreadableLines(dataDir: string): string[] {
  const bad: string[] = [];
  for (const { venue, symbol } of recordedMarkets(dataDir)) {
    const folder = join(dataDir, 'recordings', demoSource, venue, symbol);
    for (const file of readdirSync(folder)) {
      // The listing saved beside the day files is one JSON document, written whole (atomically).
      if (file === 'market.json') {
        try {
          JSON.parse(readFileSync(join(folder, file), 'utf8'));
        } catch {
          bad.push(`${venue}/${symbol}/${file}: not JSON`);
        }
        continue;
      }
      const lines = readFileSync(join(folder, file), 'utf8')
        .split('\n')
        .filter((line) => line !== '');
      for (const line of lines)
        if (decodeLine(line) === undefined) bad.push(`${venue}/${symbol}/${file}: ${line.slice(0, 120)}`);
    }
  }
  return bad;
}

describe('history survives faults and a restart: alerts and market recordings written before are all still there', () => {
  const tempDir = useTempDirs();
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A core on `dataDir` whose Demo accounts read the simulator, with every alert event it emits. */
  async function startCore(
    sim: Simulator,
    dataDir: string,
  ): Promise<{ core: Core; events: AlertEvent[]; stop: () => Promise<void> }> {
    const { core } = createDemoTestCore(dataDir, async () => ({
      accounts: demoAccountsOf(sim),
      stop: async () => undefined,
    }));
    const events: AlertEvent[] = [];
    core.on('alerts:event', (event) => events.push(event));
    let stopping: Promise<void> | undefined;
    const stop = (): Promise<void> => (stopping ??= core.stop());
    cleanups.push(stop);
    await core.start();
    return { core, events, stop };
  }

  /** Advances the market a minute at a time, `steps` times, letting the core keep up. */
  async function drive(sim: Simulator, steps: number): Promise<void> {
    for (let step = 0; step < steps; step += 1) {
      sim.market.advance(60_000);
      await sleep(40);
    }
  }

  it('after malformed payloads, the venues down and a restart on the same folder, nothing written before is lost or damaged', async () => {
    const dataDir = tempDir();
    // The crash scenario walks Demo positions towards liquidation, so alerts fire.
    const sim = await startSimulator({
      seed: 7,
      scenario: 'long-squeeze-crash',
      speed: 0,
      startTimeMs: Math.floor(Date.now() / 60_000) * 60_000,
    });
    cleanups.push(() => sim.stop());

    const first = await startCore(sim, dataDir);
    await expect
      .poll(
        async () => (await first.core.handlers['positions:list']({})).every((entry) => entry.positions.length > 0),
        { timeout: 30_000 },
      )
      .toBe(true);
    // The user opens the chart of a position on each venue: its history is fetched and recorded.
    const charted = (await first.core.handlers['positions:list']({})).flatMap((entry) =>
      entry.positions
        .slice(0, 1)
        .map((position) => ({ venue: position.venue, source: position.source, symbol: position.symbol })),
    );
    expect(new Set(charted.map((market) => market.venue)).size).toBe(4);
    const opened = await Promise.all(charted.map((market) => openCaughtUp(first.core, market, '1m')));
    expect(opened.map((view) => view.backfill.state)).toEqual(charted.map(() => 'done'));
    // Enough of the crash for alerts to fire, and for the live markets to record minutes after their backfill.
    await drive(sim, 15);
    for (let round = 0; round < 20 && first.events.length === 0; round += 1) await drive(sim, 15);
    expect(first.events.length).toBeGreaterThan(0);
    // The alert history lists every event emitted so far once it is written.
    await expect
      .poll(async () => (await first.core.handlers['alerts:list']({})).history.length, { timeout: 60_000 })
      .toBeGreaterThanOrEqual(first.events.length);
    const historyBefore = (await first.core.handlers['alerts:list']({})).history;
    const recorder = createRecorder(dataDir, demoSource);
    const readRecordings = async (): Promise<Map<string, Recording>> => {
      const recordings = new Map<string, Recording>();
      for (const market of recordedMarkets(dataDir))
        recordings.set(
          `${market.venue}|${market.symbol}`,
          await recorder.read(market.venue, market.symbol, -Infinity, Infinity),
        );
      return recordings;
    };
    /** Whether each charted market's recording holds a minute from after its backfill. */
    const recordedLive = (recordings: Map<string, Recording>): boolean[] =>
      charted.map((market, index) =>
        (recordings.get(`${market.venue}|${market.symbol}`)?.bars ?? []).some(
          (bar) => bar.timeMs >= (opened[index]?.candles.at(-1)?.openTimeMs ?? Infinity),
        ),
      );
    // The live minutes reach the recordings once written: the market moves on until they have.
    for (let round = 0; round < 120 && !recordedLive(await readRecordings()).every(Boolean); round += 1)
      await drive(sim, 1);
    const recordingsBefore = await readRecordings();
    expect(recordedLive(recordingsBefore), 'every charted market recorded live').toEqual(charted.map(() => true));

    // Broken answers on every venue while the market moves on: positions, candles and open interest alike.
    const since = Date.now();
    const broken: readonly Fault[] = [
      { kind: 'malformed-json' },
      { kind: 'truncated' },
      { kind: 'wrong-type' },
      { kind: 'wrong-type', field: 'sumOpenInterest' },
    ];
    const faultedSince = (startMs: number) =>
      sim.faults.requests('binance-usdm', startMs).filter((request) => request.fault !== null);
    const reachedRecordings = (startMs: number) => {
      const paths = faultedSince(startMs).map((request) => request.path);
      return paths.some((path) => /klines/i.test(path)) && paths.some((path) => path.includes('openInterestHist'));
    };
    for (const fault of broken) {
      // Each fault stays until the core's polls have met it on what feeds the recordings (a busy
      // machine polls late), with an upper bound; the market keeps moving meanwhile.
      const faultStartMs = Date.now();
      sim.faults.inject('all', fault, { durationMs: 600_000 });
      await drive(sim, 30);
      for (let round = 0; round < 120 && !reachedRecordings(faultStartMs); round += 1) await drive(sim, 5);
      sim.faults.clear();
    }
    // The broken answers reached what feeds the recordings: Binance's candles and open interest.
    const faulted = faultedSince(since);
    expect(faulted.some((request) => /klines/i.test(request.path))).toBe(true);
    expect(faulted.some((request) => request.path.includes('openInterestHist'))).toBe(true);
    // Then every venue goes down, and the app is closed while they are still unreachable.
    const downSince = Date.now();
    sim.faults.inject('all', { kind: 'down' }, { durationMs: 600_000 });
    await drive(sim, 20);
    // The core has met the outage on every venue before it is closed.
    const venuesDown = (): boolean =>
      charted.every((market) => sim.faults.requests(market.venue, downSince).some((request) => request.fault !== null));
    for (let round = 0; round < 120 && !venuesDown(); round += 1) await drive(sim, 5);
    expect(venuesDown()).toBe(true);
    const eventsOfFirstRun = [...first.events];
    await first.stop();
    sim.faults.clear();

    const second = await startCore(sim, dataDir);
    const historyAfter = (await second.core.handlers['alerts:list']({})).history;
    // Every alert the first run emitted (before and during the faults) is listed again, unchanged and in order.
    expect(eventsOfFirstRun.length).toBeLessThanOrEqual(500);
    const firstRun = new Set(eventsOfFirstRun.map((event) => event.id));
    expect(historyAfter.filter((event) => firstRun.has(event.id))).toEqual([...eventsOfFirstRun].reverse());
    expect(historyAfter).toEqual(expect.arrayContaining([...historyBefore]));

    for (const [key, before] of recordingsBefore) {
      const [venue = '', symbol = ''] = key.split('|');
      const after = await recorder.read(venue as AccountVenue, symbol, -Infinity, Infinity);
      const barsAfter = new Set(after.bars.map((bar) => JSON.stringify(bar)));
      const oiAfter = new Set(after.openInterest.map((point) => JSON.stringify(point)));
      const liquidationsAfter = new Set(after.liquidations.map((liquidation) => JSON.stringify(liquidation)));
      expect(
        before.bars.filter((bar) => !barsAfter.has(JSON.stringify(bar))),
        `${key}: minutes lost or changed`,
      ).toEqual([]);
      expect(
        before.openInterest.filter((point) => !oiAfter.has(JSON.stringify(point))),
        `${key}: open interest lost or changed`,
      ).toEqual([]);
      expect(
        before.liquidations.filter((liquidation) => !liquidationsAfter.has(JSON.stringify(liquidation))),
        `${key}: liquidations lost or changed`,
      ).toEqual([]);
    }
    expect(unreadableLines(dataDir)).toEqual([]);

    // What the user sees: each chart opens from its local recordings again (at once, then caught up).
    const reopened = await Promise.all(charted.map((market) => openCaughtUp(second.core, market, '1m')));
    for (const [index, market] of charted.entries()) {
      const view = reopened[index];
      expect(view?.backfill.state).toBe('done');
      const fromRecordings = Number(/(\d+) minutes from local recordings/.exec(view?.backfill.message ?? '')?.[1] ?? 0);
      expect(fromRecordings, `${market.venue} ${market.symbol}`).toBeGreaterThanOrEqual(
        recordingsBefore.get(`${market.venue}|${market.symbol}`)?.bars.length ?? Infinity,
      );
    }
    await second.stop();
    // About two minutes on a quiet machine; every wait above is for a state, bounded by rounds. The
    // limit is for a machine whose cores are busy elsewhere, where the core's polls run late.
  }, 1_200_000);
});
