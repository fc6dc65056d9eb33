import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SettingsPatchSchema } from '../../../shared/ipc/contract';
import { SettingsSchema, type Settings } from '../../../shared/ipc/views/settings';
import { describeZodError } from '../../../shared/ipc/envelope';
import type { SettingsStore, StoreProblem } from '../ports';
import { defaultSettings, settingsJsonSchema } from './settings-schema';
import { fileMode, saveFailure } from '../storage/disk-io';
import { writeJsonFileAtomic } from '../storage/json-file';
import { quarantineIfCorrupt, removeLeftoverTemporaries } from './settings-file';

/** The part of conf's API the settings store uses; electron-store extends conf, so both fit. */
export interface ConfLike {
  readonly store: Record<string, unknown>;
}

/** The options LiqLens passes to conf or electron-store. */
export interface ConfOptions {
  cwd: string;
  configName: string;
  schema: Record<string, object>;
  clearInvalidConfig: false;
  /** The settings file is the owner's only (conf's default is world-readable 0666 before umask). */
  configFileMode: number;
}

/** Base name of the settings file inside the data folder. */
export const settingsFileName = 'settings';

/**
 * Opens the settings in `dataDir` with the given conf-compatible backend (conf in web mode and
 * tests, electron-store in the desktop app). A damaged file is moved aside first (see
 * `quarantineIfCorrupt`) and reported in `problems`. Writes are atomic and durable; on a full disk
 * `update` throws "Disk full: could not save the settings; nothing changed…" and the settings stay.
 */
export function openSettingsStore(
  dataDir: string,
  nowMs: number,
  createBackend: (options: ConfOptions) => ConfLike,
): SettingsStore {
  const filePath = join(dataDir, `${settingsFileName}.json`);
  const firstStart = !existsSync(filePath);
  removeLeftoverTemporaries(filePath);
  const problem = quarantineIfCorrupt(filePath, nowMs);
  const problems: StoreProblem[] = problem ? [problem] : [];
  const backend = createBackend({
    cwd: dataDir,
    configName: settingsFileName,
    schema: settingsJsonSchema(),
    clearInvalidConfig: false,
    configFileMode: fileMode,
  });
  const read = (): Settings => SettingsSchema.parse({ ...defaultSettings, ...backend.store });
  // Written here, not through conf: one durable writer (0600, flushed) for every file, where a full
  // disk is seen. conf reads the file on every `store` access, so what was written is what it reads,
  // and a failed write leaves the settings as they were.
  const write = (next: Settings): void => writeJsonFileAtomic(filePath, { ...backend.store, ...next });
  // The defaults are written now so the next start is not a first start; on a full disk, next time.
  if (firstStart) {
    try {
      write({ ...defaultSettings });
    } catch {
      // Starting matters more than remembering the first start.
    }
  }
  // Read once here and kept: every write goes through `update` (one LiqLens per data folder), so
  // `get`, which app:info and each settings request call, needs no file read and no validation.
  let current = Object.freeze(read());
  return {
    filePath,
    firstStart,
    problems,
    get: () => current,
    update(patch) {
      const parsed = SettingsPatchSchema.safeParse(patch);
      if (!parsed.success) throw new Error(`Settings not saved: ${describeZodError(parsed.error)}`);
      const next = Object.freeze(SettingsSchema.parse({ ...current, ...parsed.data }));
      try {
        write(next);
      } catch (error) {
        throw saveFailure('the settings', error);
      }
      current = next;
      return next;
    },
  };
}
