import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/support/temp-dir';
import { pruneRecordings, retentionOf } from './retention';

const nowMs = Date.UTC(2026, 11, 4, 15, 0);
const megabyte = 1024 * 1024;

/** Writes a day file of `bytes` under `<dataDir>/recordings/<folder>/`. */
function dayFile(dataDir: string, folder: string, day: string, bytes: number): string {
  const path = join(dataDir, 'recordings', folder, `${day}.jsonl`);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, Buffer.alloc(bytes, 0x61));
  return path;
}

describe('recording retention', () => {
  const tempDir = useTempDirs();

  it('removes the day files older than the days kept, across sources and markets, never today', () => {
    const dir = tempDir();
    const old = dayFile(dir, 'production/binance-usdm/BTCUSDT', '2026-08-01', 100);
    const oldOther = dayFile(dir, 'demo/bybit-linear/ETHUSDT', '2026-09-01', 100);
    const kept = dayFile(dir, 'production/binance-usdm/BTCUSDT', '2026-11-20', 100);
    const today = dayFile(dir, 'production/binance-usdm/BTCUSDT', '2026-12-04', 100);
    expect(pruneRecordings(dir, { days: 30, megabytes: 1024 }, nowMs).sort()).toEqual([old, oldOther].sort());
    expect([old, oldOther, kept, today].map((path) => existsSync(path))).toEqual([false, false, true, true]);
  });

  it('removes the oldest days until the recordings fit in the megabytes kept', () => {
    const dir = tempDir();
    const days = ['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03'];
    const files = days.map((day, index) => dayFile(dir, index % 2 ? 'a/b/C' : 'x/y/Z', day, megabyte));
    // Six megabytes, ten kept: nothing goes.
    expect(pruneRecordings(dir, { days: 90, megabytes: 10 }, nowMs)).toEqual([]);
    // Four kept: the two oldest days go, whichever market they belong to.
    expect(pruneRecordings(dir, { days: 90, megabytes: 4 }, nowMs)).toEqual(files.slice(0, 2));
    expect(files.map((path) => existsSync(path))).toEqual([false, false, true, true, true, true]);
  });

  it('defaults to 90 days and 1024 MB when the settings name none', () => {
    expect(retentionOf({})).toEqual({ days: 90, megabytes: 1024 });
    expect(retentionOf({ recordingRetentionDays: 7, recordingRetentionMb: 50 })).toEqual({ days: 7, megabytes: 50 });
  });
});
