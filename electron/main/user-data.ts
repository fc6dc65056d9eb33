import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { App } from 'electron';

/**
 * Points Electron's `userData` at `LIQLENS_DATA_DIR` when it is set (every test uses a fresh one).
 * Must run before anything reads `userData` (electron-store, the session, the single-instance
 * lock, which lives in that folder). Electron refuses a folder that does not exist, so it is
 * created first. Returns the folder used, or undefined when the platform default stays.
 */
export function applyDataDirOverride(
  app: Pick<App, 'setPath'>,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const override = env['LIQLENS_DATA_DIR']?.trim();
  if (!override) return undefined;
  const dir = resolve(override);
  mkdirSync(dir, { recursive: true });
  app.setPath('userData', dir);
  return dir;
}
