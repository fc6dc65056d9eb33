/**
 * The desktop app's entry (built to out/main/index.js): lifecycle only. Everything it starts is
 * in boot.ts; the rules for windows, IPC and secrets live in their own files.
 */
import { app, dialog } from 'electron';
import { bootDesktop, type Desktop } from './boot';
import { applyDataDirOverride } from './user-data';

/**
 * Runs the app: one instance per data folder (a second launch focuses the first one's window and
 * exits), the data folder override applied before anything reads it, a clean core shutdown on quit.
 */
export function main(): void {
  applyDataDirOverride(app, process.env);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let desktop: Desktop | undefined;
  let stopped = false;

  app.on('second-instance', () => {
    const window = desktop?.ensureWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  // macOS apps stay running with no window; elsewhere closing the last window quits.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => desktop?.ensureWindow());
  app.on('will-quit', (event) => {
    if (stopped || !desktop) return;
    // Hold the quit until the core has stopped its timers and subscriptions, then quit for real.
    event.preventDefault();
    stopped = true;
    void desktop
      .stop()
      .catch(() => undefined)
      .then(() => app.quit());
  });

  void app
    .whenReady()
    .then(() => {
      desktop = bootDesktop();
    })
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox('LiqLens could not start', message);
      app.exit(1);
    });
}

main();
