import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

const root = import.meta.dirname;

/**
 * The dev server injects inline scripts and styles (React refresh, HMR) and talks over its own
 * WebSocket; the page's CSP meta tag would block them. Loosen it for `npm run dev` only: the built
 * app keeps the strict policy written in renderer/index.html.
 */
function devContentSecurityPolicy(): Plugin {
  return {
    name: 'liqlens-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*"),
  };
}

/**
 * Builds the three parts of the desktop app into out/:
 * - main    electron/main/index.ts    -> out/main/index.js     (ESM: package.json has "type": "module")
 * - preload electron/preload/index.ts -> out/preload/index.cjs (one CommonJS file with every dependency
 *   inlined, because a sandboxed preload cannot load ES modules or other files)
 * - renderer renderer/index.html      -> out/renderer/         (relative asset paths, loaded from file://)
 * The main process keeps its npm dependencies external; they ship in node_modules.
 */
export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      lib: { entry: resolve(root, 'electron/main/index.ts'), formats: ['es'], fileName: () => 'index.js' },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      lib: { entry: resolve(root, 'electron/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react(), devContentSecurityPolicy()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves the renderer unminified by default; the page parses half the bytes minified.
      minify: true,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
