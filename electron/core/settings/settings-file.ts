import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SettingsSchema } from '../../../shared/ipc/views/settings';
import { describeZodError } from '../../../shared/ipc/envelope';
import type { StoreProblem } from '../ports';
import { removeStaleTemporaries } from '../storage/json-file';

/**
 * Checks the settings file before a store opens it. A file that is not JSON, not an object, or
 * holds a value the schema refuses is renamed to `<name>.corrupt-<time>.json` (kept, never
 * deleted) so the store starts from defaults; the returned problem tells the user where it went.
 * Missing fields are not damage: defaults fill them in.
 */
export function quarantineIfCorrupt(filePath: string, nowMs: number): StoreProblem | undefined {
  if (!existsSync(filePath)) return undefined;
  const reason = findDamage(readFileSync(filePath, 'utf8'));
  if (!reason) return undefined;
  const stamp = new Date(nowMs).toISOString().replace(/[:.]/g, '-');
  const backupPath = filePath.replace(/\.json$/, '') + `.corrupt-${stamp}.json`;
  renameSync(filePath, backupPath);
  return {
    message: `Your settings file could not be read (${reason}). It was kept as ${backupPath} and the default settings were restored.`,
    backupPath,
  };
}

function findDamage(text: string): string | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'it is not valid JSON';
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'it does not hold a settings object';
  const parsed = SettingsSchema.partial().safeParse(data);
  return parsed.success ? undefined : describeZodError(parsed.error);
}

/**
 * Removes the temporary files writers killed before renaming one into place left beside `filePath`:
 * conf's `<name>.tmp-<id>` and the app's own durable writer's `<name>.<pid>.tmp` (settings are
 * written through it, `writeJsonFileAtomic`). None holds anything saved, and one LiqLens runs per
 * data folder, so any found at open is stale; without this every crash during a write left one more
 * behind.
 */
export function removeLeftoverTemporaries(filePath: string): void {
  removeStaleTemporaries(filePath);
  const folder = dirname(filePath);
  const prefix = `${basename(filePath)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(prefix)) rmSync(join(folder, name), { force: true });
}
