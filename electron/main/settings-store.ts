import Store from 'electron-store';
import type { SettingsStore } from '../core/ports';
import { openSettingsStore } from '../core/settings/settings-store';

/**
 * The desktop app's settings on electron-store, in `dataDir`, through the core's
 * `openSettingsStore` (so a corrupt file is moved aside exactly as in web mode). electron-store
 * names the file with `name`, not conf's `configName`, which it would overwrite with "config".
 */
export function openElectronSettingsStore(dataDir: string, nowMs: number): SettingsStore {
  return openSettingsStore(
    dataDir,
    nowMs,
    ({ configName, ...options }) => new Store<Record<string, unknown>>({ ...options, name: configName }),
  );
}
