import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests. The `web` project drives the real app in web mode in Chromium (Debian's
 * /usr/bin/chromium, or CHROMIUM_PATH); the `electron` project runs the desktop app through
 * Playwright's Electron support where an Electron runtime exists and skips, saying why, elsewhere.
 */
const chromiumArgs = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  // Hang detectors, not waits: every test waits for a state. On a 2-core machine shared with other
  // work, the Demo's first start (four accounts, eight markets backfilling) takes well over a minute.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: process.env['CI'] ? 1 : 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  outputDir: 'test-results/e2e',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1440, height: 900 },
  },
  projects: [
    {
      name: 'web',
      testMatch: /web\/.*\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: chromiumArgs },
      },
    },
    { name: 'electron', testMatch: /electron\.spec\.ts$/ },
  ],
});
