import { statfsSync } from 'node:fs';
import type { Logger } from '../ports';
import { isDiskFull } from './disk-io';

/** The text of the one notice a full disk raises. */
export const diskFullNotice =
  'Disk full: recording paused, alerts still running. Free some space; recording resumes by itself.';

/**
 * Whether the data folder's disk is full, as the writers found it. A full disk is a state, not a
 * crash: writers report what failed, recording pauses, and the first write that succeeds again
 * (a recording or an alert history line) ends the state.
 */
export interface DiskWatch {
  /** True from a write that failed for want of space until one succeeds again. */
  readonly full: boolean;
  /** A write of `what` failed: a full disk starts the state (once); any other error is logged. */
  failed(what: string, error: unknown): void;
  /** A write succeeded: ends the full-disk state if it was on. */
  succeeded(): void;
  /**
   * Whether the disk has room again (`resumeBytes` free), so a paused writer may try: without it a
   * writer would fill the last free bytes with half lines and the notice would come and go.
   */
  hasRoom(): boolean;
}

/** Free bytes the data folder's disk needs before paused recording tries again. */
export const resumeBytes = 1024 * 1024;

/** Creates the watch; `onChange(full)` runs once per change of state, never twice in a row with the same value. */
export function createDiskWatch(logger: Logger, dataDir: string, onChange: (full: boolean) => void): DiskWatch {
  let full = false;
  return {
    get full() {
      return full;
    },
    failed(what, error) {
      if (!isDiskFull(error)) {
        logger.error('write failed', { what, error: String(error) });
        return;
      }
      if (full) return;
      full = true;
      logger.warn('disk full: recording paused', { what });
      onChange(true);
    },
    succeeded() {
      if (!full) return;
      full = false;
      logger.info('disk space back: recording resumed');
      onChange(false);
    },
    hasRoom() {
      try {
        const stats = statfsSync(dataDir);
        return stats.bavail * stats.bsize >= resumeBytes;
      } catch {
        // No free-space figure here: let the write itself tell.
        return true;
      }
    },
  };
}
