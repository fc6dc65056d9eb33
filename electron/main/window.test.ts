import type { BrowserWindowConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSilentLogger } from '../core/logger';
import { builtPaths } from './app-paths';
import { createMainWindow, mainWindowOptions } from './window';

const created = vi.hoisted(
  () => [] as { options: unknown; loaded: string[]; shown: number; emit(event: string): boolean }[],
);
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class FakeBrowserWindow extends Emitter {
    readonly loaded: string[] = [];
    shown = 0;
    constructor(readonly options: unknown) {
      super();
      created.push(this);
    }
    show(): void {
      this.shown += 1;
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(`url:${url}`);
      return Promise.resolve();
    }
    loadFile(path: string): Promise<void> {
      this.loaded.push(`file:${path}`);
      return Promise.resolve();
    }
  }
  return { BrowserWindow: FakeBrowserWindow };
});

beforeEach(() => {
  created.length = 0;
});

describe('main window options', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs');

  it('isolates, sandboxes and strips Node from the page, keeping web security', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('uses the bundled CommonJS preload next to the built main', () => {
    expect(options.webPreferences?.preload).toBe('/app/out/preload/index.cjs');
    expect(builtPaths('/app/out/main').preload).toBe('/app/out/preload/index.cjs');
  });

  it('stays hidden until ready, on the dark background, titled LiqLens, with a sensible minimum size', () => {
    expect(options).toMatchObject({ show: false, backgroundColor: '#0b0e14', title: 'LiqLens' });
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
  });
});

describe('createMainWindow()', () => {
  it('loads the built page from disk and shows the window only when ready to show', () => {
    createMainWindow(
      { kind: 'file', path: '/app/out/renderer/index.html' },
      '/app/out/preload/index.cjs',
      createSilentLogger(),
    );
    const [window] = created;
    expect(window?.loaded).toEqual(['file:/app/out/renderer/index.html']);
    expect(window?.shown).toBe(0);
    window?.emit('ready-to-show');
    expect(window?.shown).toBe(1);
    expect((window?.options as BrowserWindowConstructorOptions).webPreferences?.sandbox).toBe(true);
  });

  it('loads the dev server URL in development', () => {
    createMainWindow({ kind: 'dev', url: 'http://localhost:5173/' }, '/p.cjs', createSilentLogger());
    expect(created[0]?.loaded).toEqual(['url:http://localhost:5173/']);
  });

  it('is the only source file that sets webPreferences', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const roots = ['electron', 'renderer', 'shared'];
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (
          /\.tsx?$/.test(entry.name) &&
          !entry.name.includes('.test.') &&
          readFileSync(path, 'utf8').includes('webPreferences:')
        )
          offenders.push(path);
      }
    };
    for (const root of roots) walk(root);
    expect(offenders).toEqual([join('electron', 'main', 'window.ts')]);
  });
});
