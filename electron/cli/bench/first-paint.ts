import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createSilentLogger } from '../../core/logger';
import { bootWebMode } from '../../web/boot-web';
import { projectRoot, rendererDir } from '../paths';
import { quantile, round } from './stats';
import { chromiumArgs } from './ui';

const run = promisify(execFile);
/** The part of the page's globals `waitForCandles` reads (this file is compiled without the DOM's types). */
type PageGlobal = { document: { querySelector(selector: string): unknown } };
/** The chart once it draws candles (PriceChart's `data-has-candles`). */
const chartWithCandles = '[data-testid="price-chart"][data-has-candles]';

/**
 * Resolves at the first animation frame whose DOM shows the chart with candles. Checked in the page
 * on every frame: `waitForSelector` polls from Node with a backoff that reaches 500 ms between
 * looks after the first 0.8 s, which would add up to half a second to the figure.
 */
async function waitForCandles(page: Page): Promise<void> {
  await page.waitForFunction(
    (selector) => (globalThis as unknown as PageGlobal).document.querySelector(selector) !== null,
    chartWithCandles,
    {
      polling: 'raf',
      timeout: 60_000,
    },
  );
}

/** Builds the app with electron-vite unless out/renderer already holds a build. */
async function ensureBuilt(): Promise<void> {
  if (existsSync(join(rendererDir, 'index.html'))) return;
  await run(process.execPath, [join(projectRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: projectRoot,
    timeout: 600_000,
  });
}

/**
 * `ui.firstPaintMs`: page open to a chart with candles, in Chromium against web mode on the
 * simulated Demo (the built renderer in out/renderer, built first when missing). The app runs
 * first until one page has charted its market and the core's start work has settled (the core's
 * start and first backfill are `map.firstColdMs`'s part, not the page's); then the median over
 * `pages` fresh pages of the time from `page.goto` to the first frame of the chart drawing candles
 * (`waitForCandles`).
 */
export async function measureFirstPaint(pages = 5): Promise<{ firstPaintMs: number }> {
  await ensureBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'liqlens-first-paint-'));
  const web = await bootWebMode({ dataDir, staticDir: rendererDir, logger: createSilentLogger() });
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: chromiumArgs,
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const warmUp = await context.newPage();
    await warmUp.goto(web.host.url);
    await warmUp.waitForSelector(chartWithCandles, { timeout: 240_000 });
    await warmUp.close();
    // The rest of the core's start (the other markets' backfills, each map's first measurement on
    // its recordings) is not the page's work, and on two cores the pages would share them with it.
    await web.core.settled();
    const samples: number[] = [];
    for (let i = 0; i < pages; i += 1) {
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(web.host.url);
      await waitForCandles(page);
      samples.push(performance.now() - started);
      await page.close();
    }
    return { firstPaintMs: round(quantile(samples, 0.5), 0) };
  } finally {
    await browser?.close();
    await web.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
