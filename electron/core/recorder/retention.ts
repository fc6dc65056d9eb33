import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from '../../../shared/ipc/views/settings';
import { dayFileOf } from './recorder';

/** How much recording LiqLens keeps: whole UTC days, and megabytes over every source and market. */
export interface RecordingRetention {
  /** Day files older than this many days (before today, UTC) are removed. */
  readonly days: number;
  /** The oldest day files are removed until all recordings together fit in this many MB (2^20 bytes). */
  readonly megabytes: number;
}

/** Defaults: about a quarter of a year, within 1 GB (a watched market records ~0.3 MB a day). */
export const defaultRecordingRetention: RecordingRetention = { days: 90, megabytes: 1024 };

/** The retention the settings ask for, defaults filled in. */
export function retentionOf(
  settings: Pick<Settings, 'recordingRetentionDays' | 'recordingRetentionMb'>,
): RecordingRetention {
  return {
    days: settings.recordingRetentionDays ?? defaultRecordingRetention.days,
    megabytes: settings.recordingRetentionMb ?? defaultRecordingRetention.megabytes,
  };
}

interface DayFile {
  readonly path: string;
  readonly day: string;
  readonly bytes: number;
}

/**
 * Removes the oldest day files under `<dataDir>/recordings/` (every source, venue and symbol):
 * first those more than `days` days old, then, oldest day first, until the rest fit in `megabytes`.
 * Today's files are never removed (they are being written). Returns the paths removed; a file that
 * cannot be removed is skipped.
 */
export function pruneRecordings(dataDir: string, retention: RecordingRetention, nowMs: number): string[] {
  const today = dayFileOf(nowMs);
  const oldestKept = dayFileOf(nowMs - retention.days * 86_400_000);
  const files = dayFilesUnder(join(dataDir, 'recordings')).sort((a, b) => a.day.localeCompare(b.day));
  let total = files.reduce((sum, file) => sum + file.bytes, 0);
  const limit = retention.megabytes * 1024 * 1024;
  const removed: string[] = [];
  for (const file of files) {
    if (file.day >= today) break;
    if (file.day >= oldestKept && total <= limit) break;
    try {
      rmSync(file.path);
    } catch {
      continue;
    }
    total -= file.bytes;
    removed.push(file.path);
  }
  return removed;
}

/** Every `<yyyy-mm-dd>.jsonl` below `folder`, at any depth. */
function dayFilesUnder(folder: string): DayFile[] {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  const found: DayFile[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...dayFilesUnder(path));
    else if (entry.isFile() && /^\d{4}-\d{2}-\d{2}\.jsonl$/.test(entry.name)) {
      try {
        found.push({ path, day: entry.name, bytes: statSync(path).size });
      } catch {
        // Removed meanwhile: nothing to prune.
      }
    }
  }
  return found;
}
