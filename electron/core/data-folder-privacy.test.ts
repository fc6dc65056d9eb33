import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test/support/temp-dir';
import { createTestCore } from '../../test/support/test-core';
import { secureDataFolder } from './data-dir';

/** Every path below `folder` (itself included) with its permission bits in octal. */
function modesUnder(folder: string): Record<string, string> {
  const modes: Record<string, string> = { '.': (statSync(folder).mode & 0o777).toString(8) };
  const walk = (path: string, prefix: string): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      modes[prefix + entry.name] = (statSync(full).mode & 0o777).toString(8);
      if (entry.isDirectory()) walk(full, `${prefix}${entry.name}/`);
    }
  };
  walk(folder, '');
  return modes;
}

describe.skipIf(process.platform === 'win32')('the data folder is private on disk', () => {
  const tempDir = useTempDirs();

  it('is created 0700 and every file the core writes is 0600', async () => {
    const dataDir = join(tempDir(), 'LiqLens');
    const { core } = createTestCore(dataDir);
    await core.start();
    await core.handlers['settings:update']({ patch: { theme: 'light' } });
    await core.handlers['alerts:config-set']({ config: { quietHours: { enabled: true } } });
    await core.stop();
    const modes = modesUnder(dataDir);
    expect(Object.keys(modes)).toEqual(expect.arrayContaining(['.', 'settings.json', 'alerts', 'alerts/config.json']));
    for (const [path, mode] of Object.entries(modes)) expect(`${path} ${mode}`).toMatch(/ (700|600)$/);
    expect(modes['.']).toBe('700');
    expect(modes['settings.json']).toBe('600');
  });

  it('tightens a folder an older version left readable by everyone', () => {
    const dataDir = tempDir();
    chmodSync(dataDir, 0o755);
    mkdirSync(join(dataDir, 'alerts'), { mode: 0o755 });
    writeFileSync(join(dataDir, 'alerts', 'history.jsonl'), '{}\n', { mode: 0o644 });
    writeFileSync(join(dataDir, 'accounts.json'), '{}', { mode: 0o666 });
    chmodSync(join(dataDir, 'accounts.json'), 0o666);
    secureDataFolder(dataDir);
    expect(modesUnder(dataDir)).toEqual({
      '.': '700',
      alerts: '700',
      'alerts/history.jsonl': '600',
      'accounts.json': '600',
    });
  });
});
