import type { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../../test/support/temp-dir';

const fake = vi.hoisted(() => ({
  calls: [] as string[],
  lock: true,
  app: null as EventEmitter | null,
  window: {
    isMinimized: vi.fn(() => true),
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
  },
  boot: vi.fn(),
  stop: vi.fn(async () => undefined),
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const app = Object.assign(new Emitter(), {
    setPath: vi.fn((name: string, path: string) => fake.calls.push(`setPath:${name}:${path}`)),
    requestSingleInstanceLock: vi.fn(() => {
      fake.calls.push('requestSingleInstanceLock');
      return fake.lock;
    }),
    quit: vi.fn(() => fake.calls.push('quit')),
    exit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
  });
  fake.app = app;
  return { app, dialog: { showErrorBox: vi.fn() } };
});

vi.mock('./boot', () => ({
  bootDesktop: (...args: unknown[]) => {
    fake.boot(...args);
    fake.calls.push('boot');
    return { core: {}, mainWindow: () => fake.window, ensureWindow: () => fake.window, stop: fake.stop };
  },
}));

type FakeApp = EventEmitter & { quit: ReturnType<typeof vi.fn> };

async function runMain(): Promise<FakeApp> {
  vi.resetModules();
  await import('./index');
  // Let whenReady().then(boot) settle.
  await new Promise((resolve) => setImmediate(resolve));
  return fake.app as FakeApp;
}

const savedDataDir = process.env['LIQLENS_DATA_DIR'];
beforeEach(() => {
  fake.calls.length = 0;
  fake.lock = true;
  vi.clearAllMocks();
  // The mocked electron module outlives vi.resetModules(), so drop the previous run's listeners.
  fake.app?.removeAllListeners();
  delete process.env['LIQLENS_DATA_DIR'];
});
afterEach(() => {
  if (savedDataDir === undefined) delete process.env['LIQLENS_DATA_DIR'];
  else process.env['LIQLENS_DATA_DIR'] = savedDataDir;
});

describe('main process lifecycle', () => {
  const tempDir = useTempDirs();

  it('takes the single-instance lock and boots once ready', async () => {
    await runMain();
    expect(fake.calls).toEqual(['requestSingleInstanceLock', 'boot']);
  });

  it('quits at once, without booting, when another instance holds the lock', async () => {
    fake.lock = false;
    await runMain();
    expect(fake.calls).toEqual(['requestSingleInstanceLock', 'quit']);
    expect(fake.boot).not.toHaveBeenCalled();
  });

  it('focuses the existing window (restoring it if minimised) when a second instance starts', async () => {
    const app = await runMain();
    app.emit('second-instance', {}, [], '/');
    expect(fake.window.restore).toHaveBeenCalled();
    expect(fake.window.show).toHaveBeenCalled();
    expect(fake.window.focus).toHaveBeenCalled();
  });

  it('points userData at LIQLENS_DATA_DIR, creating it, before taking the lock (which lives there)', async () => {
    const dir = join(tempDir(), 'fresh', 'data');
    process.env['LIQLENS_DATA_DIR'] = dir;
    await runMain();
    expect(fake.calls[0]).toBe(`setPath:userData:${dir}`);
    expect(fake.calls.indexOf('requestSingleInstanceLock')).toBeGreaterThan(0);
    expect(existsSync(dir)).toBe(true);
  });

  it('leaves userData alone without LIQLENS_DATA_DIR', async () => {
    await runMain();
    expect(fake.calls.some((call) => call.startsWith('setPath'))).toBe(false);
  });

  it('stops the core before quitting, then quits for real', async () => {
    const app = await runMain();
    const event = { preventDefault: vi.fn() };
    app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(fake.stop).toHaveBeenCalledTimes(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(app.quit).toHaveBeenCalled();
    const second = { preventDefault: vi.fn() };
    app.emit('will-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });

  it('quits when the last window closes (except on macOS)', async () => {
    const app = await runMain();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });
});
