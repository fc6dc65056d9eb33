/** How the app is running: the Electron desktop shell, or the web-mode host in a browser. */
export type AppMode = 'web' | 'electron';
