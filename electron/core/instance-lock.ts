import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Base name of the lock file in the data folder. */
export const lockFileName = 'liqlens.lock';

/** The lock on a data folder, held by this process until `release()`. */
export interface InstanceLock {
  /** Removes the lock file (only if this process still holds it); safe to call twice. */
  release(): void;
}

/** Another LiqLens holds the data folder; `message` names its PID in one line. */
export class DataFolderBusyError extends Error {
  constructor(readonly holderPid: number) {
    super(`LiqLens is already running on this data folder (PID ${holderPid}).`);
    this.name = 'DataFolderBusyError';
  }
}

/** Whether a process with this id runs (EPERM: it runs as another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The PID written in a lock file, or undefined when it cannot be read (a crash mid-write). */
function holderOf(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the data folder for this process, so two LiqLens (web mode, the CLI, the desktop app) never
 * write the same files: the last writer would win and an account added through one would vanish.
 * The lock is a file holding the holder's PID, created exclusively. A lock whose PID no longer runs
 * (the holder was killed) is taken over. Throws `DataFolderBusyError` while a live process holds it,
 * this one included (one core per folder). `isAlive` is injectable for tests.
 */
export function lockDataFolder(
  dataDir: string,
  pid: number = process.pid,
  isAlive: (pid: number) => boolean = processAlive,
): InstanceLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, lockFileName);
  // Two tries: the second after removing a stale lock; a racing taker then wins and we refuse.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = holderOf(path);
      if (holder !== undefined && isAlive(holder)) throw new DataFolderBusyError(holder);
      rmSync(path, { force: true });
      continue;
    }
    try {
      writeSync(fd, `${pid}\n`);
    } finally {
      closeSync(fd);
    }
    let held = true;
    return {
      release() {
        if (!held) return;
        held = false;
        if (holderOf(path) === pid) rmSync(path, { force: true });
      },
    };
  }
  throw new DataFolderBusyError(holderOf(path) ?? 0);
}
