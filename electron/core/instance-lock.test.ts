import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test/support/temp-dir';
import { DataFolderBusyError, lockDataFolder, lockFileName } from './instance-lock';

const alive = (pids: readonly number[]) => (pid: number) => pids.includes(pid);

describe('the data folder lock', () => {
  const tempDir = useTempDirs();

  it('refuses a second holder while the first runs, naming its PID', () => {
    const dir = tempDir();
    lockDataFolder(dir, 1234, alive([1234, 5678]));
    expect(() => lockDataFolder(dir, 5678, alive([1234, 5678]))).toThrow(
      'LiqLens is already running on this data folder (PID 1234).',
    );
    expect(() => lockDataFolder(dir, 5678, alive([1234, 5678]))).toThrow(DataFolderBusyError);
  });

  it('takes over a lock whose holder is gone (killed, never released)', () => {
    const dir = tempDir();
    lockDataFolder(dir, 1234, alive([1234]));
    const lock = lockDataFolder(dir, 5678, alive([5678]));
    expect(readFileSync(join(dir, lockFileName), 'utf8').trim()).toBe('5678');
    lock.release();
    expect(existsSync(join(dir, lockFileName))).toBe(false);
  });

  it('takes over a lock file a crash left empty', () => {
    const dir = tempDir();
    writeFileSync(join(dir, lockFileName), '');
    expect(() => lockDataFolder(dir, 5678, alive([5678]))).not.toThrow();
  });

  it('is free again once released, and a late release never removes the next holder', () => {
    const dir = tempDir();
    const first = lockDataFolder(dir, 1234, alive([1234, 5678]));
    first.release();
    const second = lockDataFolder(dir, 5678, alive([1234, 5678]));
    first.release();
    expect(readFileSync(join(dir, lockFileName), 'utf8').trim()).toBe('5678');
    second.release();
  });

  it('counts a live process of another user as running', () => {
    const dir = tempDir();
    // PID 1 (init) runs on every Unix machine; signalling it from a normal user is refused (EPERM).
    writeFileSync(join(dir, lockFileName), '1\n');
    expect(() => lockDataFolder(dir)).toThrow('(PID 1)');
  });
});
