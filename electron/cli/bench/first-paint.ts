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
/** The part of the page's globals the bench reads (this file is compiled without the DOM's types). */
type PageGlobal = { liqlensFirstCandlesMs?: number };
/** The chart once it draws candles (PriceChart's `data-has-candles`). */
const chartWithCandles = '[data-testid="price-chart"][data-has-candles]';

/**
 * Runs in every page before its own scripts: on each animation frame until the chart shows candles,
 * looks for them; in the frame that first has them, queues a task at the scheduler's highest
 * priority, which runs as soon as that frame's work on the main thread (the chart's canvas drawing,
 * style, layout, paint) is done, ahead of any task queued at normal priority (the panels' render,
 * network messages), and keeps the page's clock (ms since its navigation started) then. The page's
 * own clock, not the bench's: the bench's process also runs the core, and a figure read on this
 * side also holds the page's next tasks and the hand-over to Node (up to a second more was seen).
 */
const recordFirstCandlesFrame = `(() => {
  const done = () => { globalThis.liqlensFirstCandlesMs = performance.now(); };
  const look = () => {
    if (document.querySelector(${JSON.stringify(chartWithCandles)}) === null) requestAnimationFrame(look);
    else if (globalThis.scheduler?.postTask) globalThis.scheduler.postTask(done, { priority: 'user-blocking' });
    else setTimeout(done, 0);
  };
  requestAnimationFrame(look);
})()`;

/** The page's clock once its first frame with candles is drawn. */
async function firstCandlesFrameMs(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => (globalThis as PageGlobal).liqlensFirstCandlesMs, null, {
    polling: 50,
    timeout: 60_000,
  });
  return Number(await handle.jsonValue());
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
 * `pages` fresh pages of the time from the page's navigation start to the end of the first animation
 * frame whose DOM shows the chart with candles (`recordFirstCandlesFrame`), on the page's own clock.
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
    await context.addInitScript(recordFirstCandlesFrame);
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
      await page.goto(web.host.url);
      samples.push(await firstCandlesFrameMs(page));
      await page.close();
    }
    return { firstPaintMs: round(quantile(samples, 0.5), 0) };
  } finally {
    await browser?.close();
    await web.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
