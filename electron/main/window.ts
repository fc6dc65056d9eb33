import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import type { Logger } from '../core/ports';
import type { RendererLocation } from './app-paths';

/** The app's background, shown before the first paint so the window never flashes white. */
export const windowBackground = '#0b0e14';

/**
 * The main window's options. This is the only place in the app with `webPreferences`: the page is
 * isolated from the preload, sandboxed, has no Node, and keeps the same-origin policy. The preload
 * path is absolute (see `builtPaths`).
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'LiqLens',
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: windowBackground,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/**
 * Creates the main window, shows it once the first frame is ready, and loads the renderer. A page
 * that fails to load is logged, not thrown: the window stays and the log says why.
 */
export function createMainWindow(location: RendererLocation, preloadPath: string, logger: Logger): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  const loading = location.kind === 'dev' ? window.loadURL(location.url) : window.loadFile(location.path);
  loading.catch((error: unknown) => logger.error('renderer failed to load', { error: String(error) }));
  return window;
}
