import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../../test/support/temp-dir';
import { openElectronSettingsStore } from './settings-store';

// electron-store reads the app's version and userData path and registers one ipcMain listener.
vi.mock('electron', () => ({
  default: {
    app: { getPath: () => '/nonexistent-user-data', getVersion: () => '0.1.0' },
    ipcMain: { on: vi.fn() },
    shell: {},
  },
}));

const nowMs = Date.UTC(2026, 10, 21, 9, 30);

describe('settings store on electron-store', () => {
  const tempDir = useTempDirs();

  it("writes settings.json in the data folder (not electron-store's default config.json) and reads it back", () => {
    const dir = tempDir();
    const store = openElectronSettingsStore(dir, nowMs);
    expect(store.filePath).toBe(join(dir, 'settings.json'));
    store.update({ theme: 'light' });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ theme: 'light' });
    expect(existsSync(join(dir, 'config.json'))).toBe(false);
    expect(openElectronSettingsStore(dir, nowMs).get().theme).toBe('light');
  });

  it('moves a corrupt file aside, restores defaults and says where the backup is', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), '{"theme": "dark",');
    const store = openElectronSettingsStore(dir, nowMs);
    expect(store.get()).toMatchObject({ theme: 'dark', heartbeatMs: 1000 });
    expect(store.problems).toHaveLength(1);
    const backup = store.problems[0]?.backupPath ?? '';
    expect(store.problems[0]?.message).toContain(backup);
    expect(readFileSync(backup, 'utf8')).toBe('{"theme": "dark",');
    expect(readdirSync(dir).filter((name) => name.includes('.corrupt-'))).toHaveLength(1);
  });
});
