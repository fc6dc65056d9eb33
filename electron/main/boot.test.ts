import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestChannels } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';
import { useTempDirs } from '../../test/support/temp-dir';

const fake = vi.hoisted(() => ({
  userData: '',
  handlers: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
  windows: [] as {
    options: { webPreferences?: { preload?: string } };
    loaded: string[];
    webContents: { id: number; sent: [string, unknown][]; mainFrame: unknown };
  }[],
  sessionHandlers: [] as string[],
  trayTooltips: [] as string[],
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  let nextId = 1;
  class FakeBrowserWindow extends EventEmitter {
    readonly loaded: string[] = [];
    readonly webContents;
    constructor(readonly options: { webPreferences?: { preload?: string } }) {
      super();
      const id = nextId++;
      const sent: [string, unknown][] = [];
      this.webContents = Object.assign(new EventEmitter(), {
        id,
        sent,
        mainFrame: { parent: null, processId: 10, routingId: id, url: '' },
        isDestroyed: () => false,
        send: (channel: string, payload: unknown) => sent.push([channel, payload]),
      });
      fake.windows.push(this);
    }
    isDestroyed = (): boolean => false;
    show(): void {}
    loadFile(path: string): Promise<void> {
      this.loaded.push(path);
      this.webContents.mainFrame.url = `file://${path}`;
      return Promise.resolve();
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    getPath: () => fake.userData,
    getName: () => 'LiqLens',
    getVersion: () => '0.1.0',
    getAppPath: () => '/app',
    quit: () => undefined,
  });
  class Tray {
    setToolTip(text: string): void {
      fake.trayTooltips.push(text);
    }
    setTitle(): void {}
    setContextMenu(): void {}
    on(): void {}
    destroy(): void {}
  }
  const nativeImage = { createFromPath: () => ({ resize: () => ({}) }) };
  const Menu = { buildFromTemplate: (template: unknown) => template };
  const ipcMain = {
    handle: (channel: string, listener: (event: unknown, payload: unknown) => Promise<unknown>) =>
      fake.handlers.set(channel, listener),
    removeHandler: (channel: string) => fake.handlers.delete(channel),
    on: () => undefined,
  };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: () => fake.sessionHandlers.push('permission-request'),
      setPermissionCheckHandler: () => fake.sessionHandlers.push('permission-check'),
      webRequest: { onHeadersReceived: () => fake.sessionHandlers.push('csp') },
    },
  };
  const safeStorage = {
    isEncryptionAvailable: () => false,
    encryptString: () => Buffer.alloc(0),
    decryptString: () => '',
  };
  const Notification = { isSupported: () => false };
  const electron = {
    app,
    ipcMain,
    session,
    safeStorage,
    shell: { openExternal: async () => undefined },
    Notification,
    BrowserWindow: FakeBrowserWindow,
    Tray,
    nativeImage,
    Menu,
  };
  return { ...electron, default: electron };
});

const { bootDesktop } = await import('./boot');
const { lockDataFolder } = await import('../core/instance-lock');

describe('bootDesktop()', () => {
  const tempDir = useTempDirs();
  afterEach(() => {
    vi.useRealTimers();
    fake.handlers.clear();
    fake.windows.length = 0;
    fake.sessionHandlers.length = 0;
    fake.trayTooltips.length = 0;
  });

  it('secures the session, registers every channel, opens the window and answers it over IPC', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    fake.userData = tempDir();
    const desktop = bootDesktop('/opt/liqlens/out/main');

    expect(fake.sessionHandlers.sort()).toEqual(['csp', 'permission-check', 'permission-request']);
    expect([...fake.handlers.keys()].sort()).toEqual([...requestChannels].sort());
    const [window] = fake.windows;
    expect(window?.options.webPreferences?.preload).toBe('/opt/liqlens/out/preload/index.cjs');
    expect(window?.loaded).toEqual(['/opt/liqlens/out/renderer/index.html']);

    const contents = window?.webContents;
    const reply = (await fake.handlers.get('app:info')?.(
      { sender: contents, senderFrame: contents?.mainFrame },
      {},
    )) as Envelope<{ mode: string; dataDir: string }>;
    expect(reply).toMatchObject({
      ok: true,
      result: { mode: 'electron', dataDir: fake.userData, name: 'LiqLens', version: '0.1.0' },
    });

    vi.advanceTimersByTime(1000);
    expect(contents?.sent.map(([channel]) => channel)).toContain('core:heartbeat');
    // The tray starts quiet; the worst alert level reaches it as alerts change.
    expect(fake.trayTooltips[0]).toBe('LiqLens — no alerts');

    await desktop.stop();
    expect(fake.handlers.size).toBe(0);
  });

  it('refuses a request from a webContents it did not create', async () => {
    fake.userData = tempDir();
    const desktop = bootDesktop('/opt/liqlens/out/main');
    const stranger = {
      id: 999,
      mainFrame: { parent: null, processId: 1, routingId: 1, url: 'file:///opt/liqlens/out/renderer/index.html' },
    };
    const reply = (await fake.handlers.get('settings:get')?.(
      { sender: stranger, senderFrame: stranger.mainFrame },
      {},
    )) as Envelope<unknown>;
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await desktop.stop();
  });

  it('refuses to start while web mode or the CLI holds the data folder, naming its PID, and starts once it is gone', async () => {
    fake.userData = tempDir();
    // Our parent process stands in for the other LiqLens: a PID that is alive and not ours.
    const other = lockDataFolder(fake.userData, process.ppid);
    expect(() => bootDesktop('/opt/liqlens/out/main')).toThrow(
      `LiqLens is already running on this data folder (PID ${process.ppid}).`,
    );
    expect(fake.windows).toHaveLength(0);
    other.release();
    const desktop = bootDesktop('/opt/liqlens/out/main');
    expect(fake.windows).toHaveLength(1);
    await desktop.stop();
  });
});
