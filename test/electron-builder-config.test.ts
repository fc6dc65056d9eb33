import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

// A deep import (not public API): electron-builder's own schema check, which runs offline,
// unlike a real build, which downloads Electron.
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const configPath = join(root, 'electron-builder.yml');

/** Loads electron-builder.yml the way electron-builder does (it normalises `files` to filters), with `overrides` merged on top. */
async function loadConfig(overrides: Record<string, unknown> = {}) {
  return getConfig(root, configPath, overrides);
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's schema", async () => {
    await expect(validateConfiguration(await loadConfig(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and targets AppImage, deb, dmg and nsis, shipping only the build output', async () => {
    const config = await loadConfig();
    expect(config).toMatchObject({
      appId: 'app.liqlens.desktop',
      productName: 'LiqLens',
      directories: { output: 'dist' },
      files: [
        { filter: ['out/main/**/*', 'out/preload/**/*', 'out/renderer/**/*', 'package.json', 'assets/icon.png'] },
      ],
    });
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
  });

  it('points every platform at an icon that exists and is a large enough PNG', async () => {
    const config = await loadConfig();
    for (const icon of [config.linux?.icon, config.mac?.icon, config.win?.icon]) {
      expect(icon).toBe('assets/icon.png');
      const png = readFileSync(join(root, String(icon)));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      // Width and height sit at bytes 16-23 of the IHDR chunk; mac needs 512, electron-builder prefers 1024.
      expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
      expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
    }
  });

  it.each([
    ['an unknown option', { notAnOption: true }, /notAnOption/],
    ['a wrongly typed linux section', { linux: 'AppImage-please' }, /linux/],
    ['a misspelt field inside nsis', { nsis: { oneClik: false } }, /configuration\.nsis/],
  ])('rejects %s', async (_name, overrides, message) => {
    await expect(validateConfiguration(await loadConfig(overrides), new DebugLogger(false))).rejects.toThrow(message);
  });
});
