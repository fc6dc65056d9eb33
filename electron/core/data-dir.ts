import { homedir } from 'node:os';
import { join } from 'node:path';

/** The folder name under the platform's user-data location (matches Electron's `userData`). */
export const appFolderName = 'LiqLens';

/**
 * Where LiqLens keeps settings, history and recordings: `LIQLENS_DATA_DIR` when set (every test
 * sets a fresh one), otherwise the platform's user-data folder, the same one Electron's
 * `app.getPath('userData')` returns for this app.
 */
export function resolveDataDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env['LIQLENS_DATA_DIR'];
  if (override && override.trim()) return override;
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), appFolderName);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', appFolderName);
  return join(env['XDG_CONFIG_HOME'] ?? join(home, '.config'), appFolderName);
}
