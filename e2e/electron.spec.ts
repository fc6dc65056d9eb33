import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronRuntime } from '../scripts/electron-runtime.mjs';
import { AppPage } from './pages/app-page';

// Checked without requiring the `electron` package, whose index.js would try to download the
// binary (and hang or fail where GitHub is unreachable).
const runtime = findElectronRuntime();
const projectRoot = join(import.meta.dirname, '..');

test.describe('desktop app (Electron)', () => {
  test.skip(!runtime.ok, runtime.ok ? '' : `No Electron runtime on this machine: ${runtime.reason}.`);

  test('opens the window, exposes only window.liqlens, and shows the core clock ticking', async () => {
    if (!runtime.ok) return;
    const dataDir = mkdtempSync(join(tmpdir(), 'liqlens-electron-'));
    // Chromium refuses to run as root with its OS sandbox on (CI containers); the page sandbox
    // (`sandbox: true` in webPreferences) is unaffected.
    const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    const app = await electron.launch({
      executablePath: runtime.path,
      // The project folder: Electron reads package.json ("main": "out/main/index.js", built by global-setup).
      args: [...rootArgs, projectRoot],
      env: { ...process.env, LIQLENS_DATA_DIR: dataDir, ELECTRON_RENDERER_URL: '' },
    });
    try {
      const page = await app.firstWindow();
      const shell = new AppPage(page);
      await shell.waitReady();
      await expect(page).toHaveTitle('LiqLens');
      await expect(shell.mode).toHaveText('Desktop');
      await expect(shell.dataDir).toContainText(dataDir);

      const bridge = await page.evaluate(() => {
        const api = (window as unknown as Record<string, unknown>)['liqlens'];
        return {
          exists: typeof api === 'object' && api !== null,
          members: api ? Object.keys(api).sort() : [],
          hasIpcRenderer: 'ipcRenderer' in window || (typeof api === 'object' && api !== null && 'ipcRenderer' in api),
          hasRequire: 'require' in window,
        };
      });
      expect(bridge.exists).toBe(true);
      expect(bridge.members).toContain('getAppInfo');
      expect(bridge.hasIpcRenderer).toBe(false);
      expect(bridge.hasRequire).toBe(false);

      const first = await shell.heartbeatSeq();
      await expect.poll(() => shell.heartbeatSeq(), { timeout: 10_000 }).toBeGreaterThan(first);
      const shown = await shell.coreClock.textContent();
      await expect(shell.coreClock).not.toHaveText(shown ?? '', { timeout: 10_000 });
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
