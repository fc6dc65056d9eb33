import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, 'renderer');

/**
 * The chart harness (renderer/chart-harness.html): PriceChart on fixture data, for looking at the
 * chart, its e2e specs and the UI bench. Its own build into out/chart-harness/ (`serveChartHarness`
 * builds into a temporary folder of its own for each server), never part of the app bundle
 * (electron.vite.config.ts builds renderer/index.html only). The fixture JSON is served from
 * out/chart-fixture/ (written by electron/cli/bench/chart-fixture.ts).
 */
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  publicDir: resolve(root, '../out/chart-fixture'),
  server: { host: '127.0.0.1', strictPort: false },
  preview: { host: '127.0.0.1' },
  build: {
    outDir: resolve(root, '../out/chart-harness'),
    emptyOutDir: true,
    // One bundle on purpose (lightweight-charts, React, shared/): the harness is a test page.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: { input: resolve(root, 'chart-harness.html') },
  },
});
