import { describe, expect, it } from 'vitest';
import { violations } from './support/lint-probe';

describe('lint boundaries', () => {
  const cases: readonly (readonly [string, string, string, string])[] = [
    [
      'shared/ imports electron',
      'shared/probe.ts',
      "import { app } from 'electron';\nexport const x = app;",
      'no-restricted-imports',
    ],
    [
      'shared/ imports electron types only',
      'shared/probe.ts',
      "import type { App } from 'electron';\nexport type X = App;",
      'no-restricted-imports',
    ],
    [
      'shared/ imports node:fs',
      'shared/probe.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;",
      'no-restricted-imports',
    ],
    [
      'shared/ imports fs by bare name',
      'shared/probe.ts',
      "import fs from 'fs';\nexport const x = fs;",
      'no-restricted-imports',
    ],
    [
      'shared/ imports ccxt',
      'shared/probe.ts',
      "import ccxt from 'ccxt';\nexport const x = ccxt;",
      'no-restricted-imports',
    ],
    [
      'shared/ imports react',
      'shared/probe.ts',
      "import { useState } from 'react';\nexport const x = useState;",
      'no-restricted-imports',
    ],
    ['shared/ uses window', 'shared/probe.ts', 'export const width = window.innerWidth;', 'no-restricted-globals'],
    ['shared/ uses document', 'shared/probe.ts', 'export const title = document.title;', 'no-restricted-globals'],
    ['shared/ uses process', 'shared/probe.ts', "export const env = process.env['X'];", 'no-restricted-globals'],
    ['shared/ uses Buffer', 'shared/probe.ts', "export const b = Buffer.from('x');", 'no-restricted-globals'],
    [
      'shared/ imports from electron/',
      'shared/probe.ts',
      "import { createSystemClock } from '../electron/core/clock';\nexport const c = createSystemClock;",
      'layers/layer-map',
    ],
    [
      'renderer/ imports node:path',
      'renderer/src/probe.ts',
      "import { join } from 'node:path';\nexport const j = join;",
      'no-restricted-imports',
    ],
    [
      'renderer/ imports electron',
      'renderer/src/probe.ts',
      "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;",
      'no-restricted-imports',
    ],
    [
      'renderer/ imports ccxt',
      'renderer/src/probe.ts',
      "import ccxt from 'ccxt';\nexport const x = ccxt;",
      'no-restricted-imports',
    ],
    [
      'renderer/ imports the core',
      'renderer/src/probe.ts',
      "import { createCore } from '../../electron/core/create-core';\nexport const c = createCore;",
      'layers/layer-map',
    ],
    [
      'core imports electron',
      'electron/core/probe.ts',
      "import { app } from 'electron';\nexport const a = app;",
      'no-restricted-imports',
    ],
    [
      'web host imports electron',
      'electron/web/probe.ts',
      "import { BrowserWindow } from 'electron';\nexport const b = BrowserWindow;",
      'no-restricted-imports',
    ],
    [
      'simulator imports electron',
      'electron/sim/probe.ts',
      "import { app } from 'electron';\nexport const a = app;",
      'no-restricted-imports',
    ],
    [
      'CLI imports electron',
      'electron/cli/probe.ts',
      "import { app } from 'electron';\nexport const a = app;",
      'no-restricted-imports',
    ],
    [
      'core outside exchange/ imports ccxt',
      'electron/core/market/probe.ts',
      "import ccxt from 'ccxt';\nexport const x = ccxt;",
      'no-restricted-imports',
    ],
    [
      'main outside ipc/ imports ipcMain',
      'electron/main/window.ts',
      "import { ipcMain } from 'electron';\nexport const i = ipcMain;",
      'no-restricted-imports',
    ],
    [
      'core imports the renderer',
      'electron/core/probe.ts',
      "import { App } from '../../renderer/src/app/App';\nexport const a = App;",
      'layers/layer-map',
    ],
    [
      'main imports ccxt',
      'electron/main/probe.ts',
      "import ccxt from 'ccxt';\nexport const x = ccxt;",
      'no-restricted-imports',
    ],
    [
      'main outside ipc/ reaches electron.ipcMain',
      'electron/main/tray.ts',
      "import electron from 'electron';\nexport const i = electron.ipcMain;",
      'no-restricted-properties',
    ],
  ];

  it.each(cases)('refuses: %s', async (_name, filePath, code, ruleId) => {
    expect(await violations(filePath, code)).toContain(ruleId);
  });

  const allowed: readonly (readonly [string, string, string])[] = [
    ['shared/ imports zod', 'shared/probe.ts', "import { z } from 'zod';\nexport const s = z.string();"],
    ['shared/ imports its own url.ts', 'shared/probe.ts', "import { x } from './url';\nexport const y = x;"],
    [
      'renderer/ imports shared/',
      'renderer/src/probe.ts',
      "import type { AppInfo } from '../../shared/ipc/views/app';\nexport type A = AppInfo;",
    ],
    [
      'main/ipc imports ipcMain',
      'electron/main/ipc/probe.ts',
      "import { ipcMain } from 'electron';\nexport const i = ipcMain;",
    ],
    [
      'preload imports ipcRenderer',
      'electron/preload/probe.ts',
      "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;",
    ],
    [
      'main imports BrowserWindow',
      'electron/main/window.ts',
      "import { BrowserWindow } from 'electron';\nexport const b = BrowserWindow;",
    ],
    ['exchange/ imports ccxt', 'electron/core/exchange/probe.ts', "import ccxt from 'ccxt';\nexport const x = ccxt;"],
    [
      'a simulator test drives real ccxt',
      'electron/sim/venues/binance/probe.test.ts',
      "import ccxt from 'ccxt';\nexport const x = ccxt;",
    ],
    [
      'core imports shared/',
      'electron/core/probe.ts',
      "import { requests } from '../../shared/ipc/contract';\nexport const r = requests;",
    ],
    [
      'renderer imports its own sibling folder',
      'renderer/src/app/probe.ts',
      "import { App } from '../app/App';\nexport const a = App;",
    ],
  ];

  it.each(allowed)('allows: %s', async (_name, filePath, code) => {
    expect(await violations(filePath, code)).toEqual([]);
  });
});
