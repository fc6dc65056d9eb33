import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/**
 * Serves and builds renderer/whatif-harness.html: the what-if panel and the accounts dialog on
 * Demo fixture data, for screenshots and e2e/web/whatif-harness.spec.ts until the workspace mounts
 * them. Builds to out/whatif-harness/, apart from the app.
 */
export default defineConfig({
  root: resolve(root, 'renderer'),
  base: './',
  plugins: [react()],
  server: { host: '127.0.0.1', strictPort: false },
  build: {
    outDir: resolve(root, 'out/whatif-harness'),
    emptyOutDir: true,
    rolldownOptions: { input: resolve(root, 'renderer/whatif-harness.html') },
  },
});
