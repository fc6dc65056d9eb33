import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { app, safeStorage, session, shell, type BrowserWindow } from 'electron';
import { createSystemClock } from '../core/clock';
import { createCore, type Core } from '../core/create-core';
import { createGateway } from '../core/exchange/gateway';
import { createJsonLogger } from '../core/logger';
import { simulatorDemo } from '../sim/demo-market';
import { appUrlMatcher, builtPaths, moduleDir, rendererLocation } from './app-paths';
import { forwardEvents } from './ipc/forward-events';
import { registerContract } from './ipc/register';
import { createTrustedSenders } from './ipc/trusted-senders';
import { createElectronNotifier } from './notifier';
import { createSafeStorageSecretStore, secretsFileName } from './secret-store';
import { secureSession, secureWebContents } from './security';
import { openElectronSettingsStore } from './settings-store';
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
 * the window. `mainDir` is the folder of the built main script (`out/main`).
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
  mkdirSync(dataDir, { recursive: true });
  const clock = createSystemClock();
  const core = createCore({
    settings: openElectronSettingsStore(dataDir, clock.now()),
    secrets: createSafeStorageSecretStore(join(dataDir, secretsFileName), safeStorage),
    notifier: createElectronNotifier(logger),
    clock,
    logger,
    app: { name: app.getName(), version: app.getVersion(), mode: 'electron', dataDir },
    exchange: { createGateway, demo: simulatorDemo() },
  });

  const trusted = createTrustedSenders();
  const unregister = registerContract(core.handlers, { trusted, isAppUrl, logger });
  const stopForwarding = forwardEvents(core, () => trusted.list());
  void core.start().catch((error: unknown) => logger.error('core start failed', { error: String(error) }));

  let window: BrowserWindow | undefined;
  const ensureWindow = (): BrowserWindow => {
    if (window && !window.isDestroyed()) return window;
    const created = createMainWindow(location, paths.preload, logger);
    trusted.add(created.webContents);
    created.on('closed', () => {
      if (window === created) window = undefined;
    });
    window = created;
    return created;
  };
  ensureWindow();

  return {
    core,
    mainWindow: () => (window && !window.isDestroyed() ? window : undefined),
    ensureWindow,
    async stop() {
      stopForwarding();
      unregister();
      await core.stop();
    },
  };
}
