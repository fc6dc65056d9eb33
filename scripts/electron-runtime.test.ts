import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test/support/temp-dir';
import { findElectronRuntime } from './electron-runtime.mjs';

/** An `electron` package folder as npm leaves it: optionally with path.txt and the dist binary. */
function electronPackage(dir: string, options: { pathTxt?: string; binary?: boolean }): string {
  const packageDir = join(dir, 'node_modules', 'electron');
  mkdirSync(packageDir, { recursive: true });
  writeFileSync(join(packageDir, 'index.js'), 'throw new Error("the downloader must not run")');
  if (options.pathTxt !== undefined) writeFileSync(join(packageDir, 'path.txt'), options.pathTxt);
  if (options.binary && options.pathTxt) {
    const binary = join(packageDir, 'dist', options.pathTxt);
    mkdirSync(join(binary, '..'), { recursive: true });
    writeFileSync(binary, '');
    chmodSync(binary, 0o755);
  }
  return packageDir;
}

describe('findElectronRuntime()', () => {
  const tempDir = useTempDirs();

  it('finds the binary the electron package recorded in path.txt', () => {
    const packageDir = electronPackage(tempDir(), { pathTxt: 'electron', binary: true });
    expect(findElectronRuntime({ env: {}, platform: 'linux', packageDir })).toEqual({
      ok: true,
      path: join(packageDir, 'dist', 'electron'),
    });
  });

  it('says the binary was never downloaded when path.txt is missing', () => {
    const packageDir = electronPackage(tempDir(), {});
    const runtime = findElectronRuntime({ env: {}, platform: 'linux', packageDir });
    expect(runtime.ok).toBe(false);
    if (!runtime.ok) expect(runtime.reason).toMatch(/installed without its binary/);
  });

  it('says which file is missing when path.txt names a binary that is not there', () => {
    const packageDir = electronPackage(tempDir(), { pathTxt: 'electron' });
    const runtime = findElectronRuntime({ env: {}, platform: 'linux', packageDir });
    expect(runtime.ok).toBe(false);
    if (!runtime.ok) expect(runtime.reason).toContain(join(packageDir, 'dist', 'electron'));
  });

  it('prefers ELECTRON_OVERRIDE_DIST_PATH, with the platform executable name', () => {
    const dist = tempDir();
    writeFileSync(join(dist, 'electron.exe'), '');
    const packageDir = electronPackage(tempDir(), {});
    expect(findElectronRuntime({ env: { ELECTRON_OVERRIDE_DIST_PATH: dist }, platform: 'win32', packageDir })).toEqual({
      ok: true,
      path: join(dist, 'electron.exe'),
    });
  });

  it('reports an override that points at nothing', () => {
    const runtime = findElectronRuntime({
      env: { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent/electron-dist' },
      platform: 'linux',
      packageDir: null,
    });
    expect(runtime.ok).toBe(false);
    if (!runtime.ok)
      expect(runtime.reason).toMatch(/ELECTRON_OVERRIDE_DIST_PATH .*\/nonexistent\/electron-dist\/electron$/);
  });

  it('says so when the electron package is not installed', () => {
    const runtime = findElectronRuntime({ env: {}, platform: 'linux', packageDir: null });
    expect(runtime.ok).toBe(false);
    if (!runtime.ok) expect(runtime.reason).toMatch(/not installed/);
  });

  it("answers for this machine without running electron's downloader", () => {
    const runtime = findElectronRuntime();
    expect(typeof runtime.ok).toBe('boolean');
    expect(runtime.ok ? runtime.path : runtime.reason).toBeTruthy();
  });
});
