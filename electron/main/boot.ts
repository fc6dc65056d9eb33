import { join } from 'node:path';
import { app, safeStorage, session, shell, type BrowserWindow } from 'electron';
import { createSystemClock } from '../core/clock';
import { createCore, type Core } from '../core/create-core';
import { secureDataFolder } from '../core/data-dir';
import { createGateway } from '../core/exchange/gateway';
import { lockDataFolder } from '../core/instance-lock';
import { createJsonLogger } from '../core/logger';
import type { NotificationTarget } from '../core/ports';
import { simulatorDemo } from '../sim/demo-market';
import { appUrlMatcher, builtPaths, moduleDir, rendererLocation } from './app-paths';
import { forwardEvents } from './ipc/forward-events';
import { registerContract } from './ipc/register';
import { createTrustedSenders } from './ipc/trusted-senders';
import { createElectronNotifier } from './notifier';
import { createSafeStorageSecretStore, secretsFileName } from './secret-store';
import { secureSession, secureWebContents } from './security';
import { openElectronSettingsStore } from './settings-store';
import { createAppTray, type AppTray } from './tray';
import { createMainWindow } from './window';

/** The running desktop app, as the lifecycle in index.ts sees it. */
export interface Desktop {
  readonly core: Core;
  /** The main window, or undefined when it was closed (macOS keeps the app running). */
  mainWindow(): BrowserWindow | undefined;
  /** Opens the main window again if it was closed. */
  ensureWindow(): BrowserWindow;
  /** Stops the core and removes the IPC handlers. */
  stop(): Promise<void>;
}

/**
 * Starts everything once Electron is ready: security rules first (before any page exists), then
 * settings, secrets, notifications and the core, the IPC handlers, event forwarding, and finally
 * the window. `mainDir` is the folder of the built main script (`out/main`). Throws
 * `DataFolderBusyError` while web mode or the CLI runs on the same data folder.
 */
export function bootDesktop(mainDir: string = moduleDir(import.meta.url)): Desktop {
  const logger = createJsonLogger('main');
  const paths = builtPaths(mainDir);
  const location = rendererLocation(process.env, app.isPackaged, paths.rendererIndex);
  const isAppUrl = appUrlMatcher(location);
  const devServerUrl = location.kind === 'dev' ? location.url : undefined;

  secureSession(session.defaultSession, devServerUrl);
  app.on('web-contents-created', (_event, contents) =>
    secureWebContents(contents, {
      mayNavigate: (url) => devServerUrl !== undefined && isAppUrl(url),
      openExternal: (url) => shell.openExternal(url),
    }),
  );

  const dataDir = app.getPath('userData');
  // Created 0700 (older files tightened to 0600) before anything is written into it.
  secureDataFolder(dataDir);
  // Electron's single-instance lock keeps out a second desktop app; this file keeps out web mode and
  // the CLI too (throws, naming the holder's PID, which index.ts shows before it exits).
  const lock = lockDataFolder(dataDir);
  const clock = createSystemClock();
  let window: BrowserWindow | undefined;
  // Clicks arrive long after start-up, when `core` below exists.
  const onNotificationClick = (target: NotificationTarget): void => {
    const shown = ensureWindow();
    if (shown.isMinimized()) shown.restore();
    shown.show();
    shown.focus();
    core.focusPosition(target);
  };
  const core = createCore({
    settings: openElectronSettingsStore(dataDir, clock.now()),
    secrets: createSafeStorageSecretStore(join(dataDir, secretsFileName), safeStorage),
    notifier: createElectronNotifier(logger, onNotificationClick),
    clock,
    logger,
    app: { name: app.getName(), version: app.getVersion(), mode: 'electron', dataDir },
    exchange: { createGateway, demo: simulatorDemo() },
  });

  const trusted = createTrustedSenders();
  const unregister = registerContract(core.handlers, { trusted, isAppUrl, logger });
  const stopForwarding = forwardEvents(core, () => trusted.list());
  void core.start().catch((error: unknown) => logger.error('core start failed', { error: String(error) }));

  function ensureWindow(): BrowserWindow {
    if (window && !window.isDestroyed()) return window;
    const created = createMainWindow(location, paths.preload, logger);
    trusted.add(created.webContents);
    created.on('closed', () => {
      if (window === created) window = undefined;
    });
    window = created;
    return created;
  }
  ensureWindow();

  const showWindow = (): void => {
    const shown = ensureWindow();
    shown.show();
    shown.focus();
  };
  let tray: AppTray | undefined;
  try {
    tray = createAppTray(join(app.getAppPath(), 'assets', 'icon.png'), showWindow, () => app.quit());
  } catch (error) {
    // Some Linux desktops have no tray; alerts still reach the window title and notifications.
    logger.warn('no tray icon', { error: String(error) });
  }
  const stopTray = core.on('alerts:changed', (view) => tray?.update(view));

  return {
    core,
    mainWindow: () => (window && !window.isDestroyed() ? window : undefined),
    ensureWindow,
    async stop() {
      stopTray();
      tray?.destroy();
      stopForwarding();
      unregister();
      try {
        await core.stop();
      } finally {
        lock.release();
      }
    },
  };
}
