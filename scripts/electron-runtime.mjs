// @ts-check
/**
 * Finds a runnable Electron executable without triggering Electron's lazy download: requiring the
 * `electron` package (v42+) downloads the binary from GitHub when `path.txt` or `dist/` is
 * missing, which hangs or fails on machines that cannot reach it. This reads the same files the
 * package reads, and nothing else.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The executable inside a dist folder, per platform (as Electron's install.js lays it out). */
const executableByPlatform = /** @type {Readonly<Record<string, string>>} */ ({
  darwin: 'Electron.app/Contents/MacOS/Electron',
  mas: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
});

/**
 * @typedef {{ ok: true, path: string } | { ok: false, reason: string }} ElectronRuntime
 * @typedef {{
 *   env?: Readonly<Record<string, string | undefined>>,
 *   platform?: string,
 *   packageDir?: string | null,
 * }} FindOptions
 */

/**
 * Where the Electron executable is, or why there is none, in one sentence.
 * Honours `ELECTRON_OVERRIDE_DIST_PATH` (a folder holding an Electron build) first, then the
 * `electron` package's own `path.txt` + `dist/`. Never downloads and never runs anything.
 * `packageDir` is the `electron` package's folder (found from here by default; null = not installed).
 * @param {FindOptions} [options]
 * @returns {ElectronRuntime}
 */
export function findElectronRuntime(options = {}) {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const packageDir = options.packageDir === undefined ? locatePackage() : options.packageDir;
  const recorded = packageDir ? readPathFile(packageDir) : undefined;
  const executable = recorded ?? executableByPlatform[platform] ?? 'electron';

  const override = env['ELECTRON_OVERRIDE_DIST_PATH']?.trim();
  if (override) {
    const path = join(override, executable);
    return isFile(path)
      ? { ok: true, path }
      : {
          ok: false,
          reason: `ELECTRON_OVERRIDE_DIST_PATH is set to ${override}, but there is no Electron executable at ${path}`,
        };
  }
  if (!packageDir) return { ok: false, reason: 'the electron package is not installed (run npm install)' };
  if (!recorded) {
    return {
      ok: false,
      reason:
        'the electron package is installed without its binary (Electron downloads it from GitHub on first use, and that download has not happened)',
    };
  }
  const path = join(packageDir, 'dist', recorded);
  return isFile(path)
    ? { ok: true, path }
    : { ok: false, reason: `the electron package names ${recorded} as its binary, but ${path} does not exist` };
}

/** @returns {string | null} */
function locatePackage() {
  try {
    // Resolving package.json reads no code, so electron's index.js (the downloader) never runs.
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** @param {string} packageDir @returns {string | undefined} */
function readPathFile(packageDir) {
  const file = join(packageDir, 'path.txt');
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8').trim();
  return text || undefined;
}

/** @param {string} path */
function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
