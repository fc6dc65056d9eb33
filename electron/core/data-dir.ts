import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileMode, folderMode } from './storage/disk-io';

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

/**
 * Creates the data folder readable by its owner only (0700) and tightens what an older version left
 * open: every folder inside to 0700, every file to 0600 (positions and alert history are private).
 * Symbolic links are left alone. Errors on single entries are skipped: a folder that cannot be
 * tightened still opens.
 */
export function secureDataFolder(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: folderMode });
  tighten(dataDir, true);
}

function tighten(path: string, isFolder: boolean): void {
  try {
    const mode = lstatSync(path).mode;
    if ((mode & 0o077) !== 0) chmodSync(path, isFolder ? folderMode : fileMode);
  } catch {
    return;
  }
  if (!isFolder) return;
  let entries;
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries)
    if (entry.isDirectory() || entry.isFile()) tighten(join(path, entry.name), entry.isDirectory());
}
