import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { captureIo } from '../../../../test/support/capture-io';
import { demoSource } from '../../../../shared/domain/market-source';
import { demoSourceAccess } from '../../../../test/support/sim-gateway';
import { createSystemClock } from '../../../core/clock';
import { createGateway } from '../../../core/exchange/gateway';
import { createMarketService, type MarketService } from '../../../core/market/market-service';
import type { Logger } from '../../../core/ports';
import { createRecorder } from '../../../core/recorder/recorder';
import { startSimulator, type Simulator } from '../../../sim/simulator';
import { runScorecardCommand } from '../../commands/scorecard';
import { readRecordedMarkets, recordedBucketSet } from './recorded-sets';
import { recordedEstimatorNames, recordedMinimums, type RecordedScorecardReport } from './run-recorded-scorecard';

const dataDir = mkdtempSync(join(tmpdir(), 'liqlens-recorded-scorecard-'));
const bucketMinutes = 5;
const warnings: string[] = [];
const logger: Logger = {
  info: () => undefined,
  warn: (message, fields) => warnings.push(`${message} ${JSON.stringify(fields ?? {})}`),
  error: (message, fields) => warnings.push(`${message} ${JSON.stringify(fields ?? {})}`),
};
let sim: Simulator | null = null;
let markets: MarketService | null = null;
afterAll(async () => {
  await markets?.stop();
  await sim?.stop();
});

/** Lines of one kind in a market folder's day files, read straight from disk. */
function rawLines(folder: string, kind: string): Record<string, unknown>[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) => readFileSync(join(folder, name), 'utf8').split('\n'))
    .filter((line) => line.includes(`"k":"${kind}"`))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return []; // a line torn by the copy, as the reader skips it
      }
    });
}

it('scores a recorded Demo session (Bybit and OKX BTC): every recorded market with its counts, figures only where the recordings suffice', async () => {
  // The Demo's Bybit and OKX BTC markets, read through ccxt from the simulator on 127.0.0.1 running
  // 120 times faster than real time, recorded into the data folder as the app records them.
  const running = await startSimulator({
    seed: 7,
    scenario: 'long-squeeze-crash',
    speed: 120,
    port: 0,
    historyDays: 1,
  });
  sim = running;
  const service = createMarketService({
    createGateway,
    resolveSource: demoSourceAccess(running),
    recorderFor: (source) => createRecorder(dataDir, source),
    clock: createSystemClock(),
    logger,
    historyDays: 1,
    pollMs: 1000,
    onUpdate: () => undefined,
  });
  markets = service;
  await service.open({ venue: 'bybit-linear', source: demoSource, symbol: 'BTCUSDT' }, '5m');
  await service.open({ venue: 'okx-swap', source: demoSource, symbol: 'BTC-USDT-SWAP' }, '5m');
  // Record until one market's liquidation stream covered enough whole buckets for a rank.
  const enough = Math.ceil(recordedMinimums.rankSides / 2) + 1;
  await expect
    .poll(
      async () =>
        Math.max(
          0,
          ...(await readRecordedMarkets(dataDir)).map((market) => {
            const { counts } = recordedBucketSet(market, bucketMinutes * 60_000, 86_400_000);
            // A rank needs some realized liquidation inside the scored buckets.
            return counts.liquidationsScored > 0 ? counts.scoredBuckets : 0;
          }),
        ),
      { timeout: 420_000, interval: 1000, message: `warnings: ${warnings.slice(-5).join('; ')}` },
    )
    .toBeGreaterThanOrEqual(enough);
  await service.stop();
  // Scored and counted on a copy: a poll still in flight at the stop may yet append to the original.
  const scored = mkdtempSync(join(tmpdir(), 'liqlens-recorded-copy-'));
  cpSync(join(dataDir, 'recordings'), join(scored, 'recordings'), { recursive: true });

  const { io, out } = captureIo();
  expect(
    await runScorecardCommand(['--recordings', scored, '--bucket-minutes', `${bucketMinutes}`, '--json'], io),
  ).toBe(0);
  const report = JSON.parse(out[0] ?? '') as RecordedScorecardReport;
  expect(report.bucketMinutes).toBe(bucketMinutes);

  // One entry per recorded market folder, each counting what its files hold.
  const root = join(scored, 'recordings', 'demo');
  const folders = readdirSync(root).flatMap((venue) => readdirSync(join(root, venue)).map((symbol) => [venue, symbol]));
  expect(report.markets.map((m) => `${m.venue}/${m.symbol}`).sort()).toEqual(folders.map((f) => f.join('/')).sort());
  for (const market of report.markets) {
    const folder = join(root, market.venue, market.symbol);
    expect(market.source).toBe('demo');
    expect(market.counts.minutes).toBe(new Set(rawLines(folder, 'bar').map((line) => line['t'])).size);
    expect(market.counts.liquidations).toBe(
      new Set(rawLines(folder, 'liq').map((line) => JSON.stringify([line['t'], line['side'], line['p'], line['q']])))
        .size,
    );
    expect(market.bucketSides).toBe(2 * market.counts.scoredBuckets);
    expect(market.counts.scoredBuckets * bucketMinutes).toBeLessThanOrEqual(market.counts.watchedMinutes);
    expect(market.counts.liquidationsScored).toBeLessThanOrEqual(market.counts.liquidations);
    if (market.venue === 'hyperliquid') {
      expect(market.liquidationFeed).toBe('none');
      expect(market.estimators).toBeNull();
    }
  }

  // The best-covered market: every estimator side by side, ranks shown, a top decile only from enough
  // bucket-sides, no interval from one session.
  const best = report.markets
    .filter((market) => market.counts.liquidationsScored > 0)
    .sort((a, b) => b.counts.scoredBuckets - a.counts.scoredBuckets)[0];
  expect(best?.counts.scoredBuckets).toBeGreaterThanOrEqual(enough);
  expect(Object.keys(best?.estimators ?? {})).toEqual([...recordedEstimatorNames]);
  for (const name of recordedEstimatorNames) {
    const row = best?.estimators?.[name];
    expect(row?.pooled?.value).toBeGreaterThanOrEqual(-1);
    expect(row?.pooled?.value).toBeLessThanOrEqual(1);
    expect(row?.pooled?.low).toBeNull();
    if ((best?.bucketSides ?? 0) >= recordedMinimums.topDecileSides)
      expect(row?.topDecile?.value).toBeGreaterThanOrEqual(0);
    else expect(row?.topDecile).toBeNull();
  }
  expect(best?.days).toBeLessThan(recordedMinimums.intervalDays);
  expect(best?.tooShort.some((reason) => reason.startsWith('intervals:'))).toBe(true);

  // The table says "too short" where a JSON figure is null, and never prints an interval it has not got.
  const table = captureIo();
  expect(await runScorecardCommand(['--recordings', scored, '--bucket-minutes', `${bucketMinutes}`], table.io)).toBe(0);
  const text = table.out.join('\n');
  for (const market of report.markets) expect(text).toContain(`demo · ${market.venue} · ${market.symbol}`);
  expect(text).toContain(`scored: ${best?.counts.scoredBuckets} buckets (${best?.bucketSides} bucket-sides)`);
  expect(text).toMatch(/model \(shipped\)\s+-?\d\.\d{3} \[no interval\]/);
  expect(text).toMatch(/too short: intervals: \d+ UTC day\(s\) recorded/);
}, 600_000);

it('refuses a folder that does not exist and a bucket length out of range', async () => {
  const { io, err } = captureIo();
  expect(await runScorecardCommand(['--recordings', join(dataDir, 'nowhere')], io)).toBe(1);
  expect(await runScorecardCommand(['--recordings', dataDir, '--bucket-minutes', '2'], io)).toBe(1);
  expect(await runScorecardCommand([dataDir], io)).toBe(1);
  expect(err).toHaveLength(3);
});
