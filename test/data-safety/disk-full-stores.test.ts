import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openAccountRegistry, type AccountRecord } from '../../electron/core/accounts/account-registry';
import { openAlertHistory } from '../../electron/core/alerts/alert-history';
import { createSilentLogger } from '../../electron/core/logger';
import { createRecorder } from '../../electron/core/recorder/recorder';
import { createDiskWatch } from '../../electron/core/storage/disk-watch';
import { createSafeStorageSecretStore } from '../../electron/main/secret-store';
import { injectedDiskFull } from '../support/injected-disk-full';
import { useTempDirs } from '../support/temp-dir';
import { eventAt } from './crash-plan';

vi.mock('electron', () => ({}));
vi.mock('../../electron/core/storage/disk-io', async (importOriginal) =>
  (await import('../support/injected-disk-full')).withInjectedDiskFull(await importOriginal()),
);

const record = (id: string): AccountRecord => ({
  id,
  label: id,
  venue: 'binance-usdm',
  kind: 'address',
  address: '0xabc',
  createdAtMs: 1,
});
const fullDisk = /^Disk full: could not save (the account list|the key); nothing changed/;

describe('each store on a full disk (ENOSPC injected at the file layer)', () => {
  const tempDir = useTempDirs();
  afterEach(() => {
    injectedDiskFull.on = false;
  });

  it('the account list: a failed add or remove changes nothing, in memory or after a reopen', () => {
    const dir = tempDir();
    const registry = openAccountRegistry(dir, 1);
    registry.add(record('kept'));
    injectedDiskFull.on = true;
    expect(() => registry.add(record('phantom'))).toThrow(fullDisk);
    expect(() => registry.remove('kept')).toThrow(fullDisk);
    expect(registry.list().map((account) => account.id)).toEqual(['kept']);
    injectedDiskFull.on = false;
    registry.add(record('second'));
    expect(
      openAccountRegistry(dir, 1)
        .list()
        .map((account) => account.id),
    ).toEqual(['kept', 'second']);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('the secret store: a failed save says so and keeps the file as it was', async () => {
    const path = join(tempDir(), 'secrets.json');
    const plain = { isEncryptionAvailable: () => true, encryptString: Buffer.from, decryptString: String };
    const store = createSafeStorageSecretStore(path, plain);
    await store.set('account:a', 'first-secret');
    const before = readFileSync(path, 'utf8');
    injectedDiskFull.on = true;
    await expect(store.set('account:b', 'second-secret')).rejects.toThrow(/ENOSPC/);
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(await store.has('account:b')).toBe(false);
  });

  it('the alert history: shown at once, written when space returns, nothing lost', () => {
    const path = join(tempDir(), 'alerts', 'history.jsonl');
    const history = openAlertHistory(path);
    history.append([eventAt(0, 1)]);
    injectedDiskFull.on = true;
    history.append([eventAt(0, 2)]);
    history.append([eventAt(0, 3)]);
    expect(history.list().map((e) => e.id)).toEqual(['event-3', 'event-2', 'event-1']);
    injectedDiskFull.on = false;
    history.append([]);
    expect(
      openAlertHistory(path)
        .list()
        .map((e) => e.id),
    ).toEqual(['event-3', 'event-2', 'event-1']);
  });

  it('a recording: pauses without throwing, says so once, and resumes on the first append that fits', async () => {
    const dir = tempDir();
    const changes: boolean[] = [];
    const disk = createDiskWatch(createSilentLogger(), dir, (full) => changes.push(full));
    const recorder = createRecorder(dir, 'production', disk);
    const oi = (timeMs: number) => [{ kind: 'oi' as const, point: { timeMs, base: 1, usd: 10 } }];
    recorder.append('binance-usdm', 'BTCUSDT', oi(60_000));
    injectedDiskFull.on = true;
    recorder.append('binance-usdm', 'BTCUSDT', oi(120_000));
    recorder.append('binance-usdm', 'BTCUSDT', oi(180_000));
    expect([disk.full, changes]).toEqual([true, [true]]);
    injectedDiskFull.on = false;
    recorder.append('binance-usdm', 'BTCUSDT', oi(240_000));
    expect([disk.full, changes]).toEqual([false, [true, false]]);
    const read = await recorder.read('binance-usdm', 'BTCUSDT', -Infinity, Infinity);
    expect(read.openInterest.map((point) => point.timeMs)).toEqual([60_000, 240_000]);
  });
});
