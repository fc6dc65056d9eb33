import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { captureIo } from '../../../../test/support/capture-io';
import { createDemoTestCore, positionsStillLoading } from '../../../../test/support/test-core';
import { simulatorDemo } from '../../../sim/demo-market';
import { runScorecardCommand } from '../../commands/scorecard';
import { readRecordedMarkets, recordedBucketSet } from './recorded-sets';
import { recordedEstimatorNames, recordedMinimums, type RecordedScorecardReport } from './run-recorded-scorecard';

const dataDir = mkdtempSync(join(tmpdir(), 'liqlens-recorded-scorecard-'));
const bucketMinutes = 5;
const { core } = createDemoTestCore(dataDir, simulatorDemo({ speed: 240, scenario: 'long-squeeze-crash' }));
afterAll(() => core.stop());

/** Lines of one kind in a market folder's day files, read straight from disk. */
function rawLines(folder: string, kind: string): Record<string, unknown>[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) => readFileSync(join(folder, name), 'utf8').split('\n'))
    .filter((line) => line.includes(`"k":"${kind}"`))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

it('scores a recorded Demo session: every recorded market with its counts, figures only where the recordings suffice', async () => {
  await core.start();
  await expect.poll(() => positionsStillLoading(core), { timeout: 240_000, interval: 1000 }).toBe(0);
  // Record until one market's liquidation stream covered enough whole buckets for a top decile.
  const enough = Math.ceil(recordedMinimums.topDecileSides / 2) + 2;
  await expect
    .poll(
      async () =>
        Math.max(
          0,
          ...(await readRecordedMarkets(dataDir)).map(
            (market) => recordedBucketSet(market, bucketMinutes * 60_000, 86_400_000).counts.scoredBuckets,
          ),
        ),
      { timeout: 240_000, interval: 1000 },
    )
    .toBeGreaterThanOrEqual(enough);
  await core.stop();

  const { io, out } = captureIo();
  expect(
    await runScorecardCommand(['--recordings', dataDir, '--bucket-minutes', `${bucketMinutes}`, '--json'], io),
  ).toBe(0);
  const report = JSON.parse(out[0] ?? '') as RecordedScorecardReport;
  expect(report.bucketMinutes).toBe(bucketMinutes);

  // One entry per recorded market folder, each counting what its files hold.
  const root = join(dataDir, 'recordings', 'demo');
  const folders = readdirSync(root).flatMap((venue) => readdirSync(join(root, venue)).map((symbol) => [venue, symbol]));
  expect(report.markets.map((m) => `${m.venue}/${m.symbol}`).sort()).toEqual(folders.map((f) => f.join('/')).sort());
  for (const market of report.markets) {
    const folder = join(root, market.venue, market.symbol);
    expect(market.source).toBe('demo');
    expect(market.counts.minutes).toBe(new Set(rawLines(folder, 'bar').map((line) => line['t'])).size);
    expect(market.counts.liquidations).toBe(
      new Set(rawLines(folder, 'liq').map((line) => `${line['t']}|${line['side']}|${line['p']}|${line['q']}`)).size,
    );
    expect(market.bucketSides).toBe(2 * market.counts.scoredBuckets);
    expect(market.counts.scoredBuckets * bucketMinutes).toBeLessThanOrEqual(market.counts.watchedMinutes);
    expect(market.counts.liquidationsScored).toBeLessThanOrEqual(market.counts.liquidations);
    if (market.venue === 'hyperliquid') {
      expect(market.liquidationFeed).toBe('none');
      expect(market.estimators).toBeNull();
    }
  }

  // The best-covered market: every estimator side by side, ranks and deciles shown, no interval from one session.
  const best = [...report.markets].sort((a, b) => b.counts.scoredBuckets - a.counts.scoredBuckets)[0];
  expect(best?.counts.scoredBuckets).toBeGreaterThanOrEqual(enough);
  expect(Object.keys(best?.estimators ?? {})).toEqual([...recordedEstimatorNames]);
  for (const name of recordedEstimatorNames) {
    const row = best?.estimators?.[name];
    expect(row?.pooled?.value).toBeGreaterThanOrEqual(-1);
    expect(row?.pooled?.value).toBeLessThanOrEqual(1);
    expect(row?.pooled?.low).toBeNull();
    expect(row?.topDecile?.value).toBeGreaterThanOrEqual(0);
  }
  expect(best?.days).toBeLessThan(recordedMinimums.intervalDays);
  expect(best?.tooShort.some((reason) => reason.startsWith('intervals:'))).toBe(true);

  // The table says "too short" where a JSON figure is null, and never prints an interval it has not got.
  const table = captureIo();
  expect(await runScorecardCommand(['--recordings', dataDir, '--bucket-minutes', `${bucketMinutes}`], table.io)).toBe(
    0,
  );
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
