import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SettingsPatchSchema } from '../../../shared/ipc/contract';
import { SettingsSchema, type Settings } from '../../../shared/ipc/views/settings';
import { describeZodError } from '../../../shared/ipc/envelope';
import type { SettingsStore, StoreProblem } from '../ports';
import { defaultSettings, settingsJsonSchema } from './settings-schema';
import { quarantineIfCorrupt, removeLeftoverTemporaries } from './settings-file';

/** The part of conf's API the settings store uses; electron-store extends conf, so both fit. */
export interface ConfLike {
  readonly store: Record<string, unknown>;
  set(object: Record<string, unknown>): void;
}

/** The options LiqLens passes to conf or electron-store. */
export interface ConfOptions {
  cwd: string;
  configName: string;
  schema: Record<string, object>;
  defaults: Settings;
  clearInvalidConfig: false;
}

/** Base name of the settings file inside the data folder. */
export const settingsFileName = 'settings';

/**
 * Opens the settings in `dataDir` with the given conf-compatible backend (conf in web mode and
 * tests, electron-store in the desktop app). A damaged file is moved aside first (see
 * `quarantineIfCorrupt`) and reported in `problems`. Writes go through conf, which writes atomically.
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
    defaults: defaultSettings,
    clearInvalidConfig: false,
  });
  const read = (): Settings => SettingsSchema.parse({ ...defaultSettings, ...backend.store });
  // conf writes the file only on the first change; write the defaults now so the next start is not a first start.
  if (firstStart) backend.set({ ...defaultSettings });
  return {
    filePath,
    firstStart,
    problems,
    get: read,
    update(patch) {
      const parsed = SettingsPatchSchema.safeParse(patch);
      if (!parsed.success) throw new Error(`Settings not saved: ${describeZodError(parsed.error)}`);
      const next = SettingsSchema.parse({ ...read(), ...parsed.data });
      backend.set(next);
      return next;
    },
  };
}
