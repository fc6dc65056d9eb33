import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { writeChartFixture } from './chart-fixture';
import { quantile, round } from './stats';

const root = resolve(import.meta.dirname, '../../..');
const harnessConfig = resolve(root, 'vite.chart-harness.config.ts');

/** The part of the page's `(globalThis as HarnessGlobal).__liqlensHarness` (renderer/src/chart-harness.tsx) the bench drives. */
type HarnessGlobal = {
  __liqlensHarness?: { ready: boolean; sliderLatencies: number[]; streamFrames(count: number): Promise<number[]> };
};

/** Chromium flags for a shared, offline machine (the same as playwright.config.ts). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The built chart harness, served on 127.0.0.1. */
export interface ChartHarnessServer {
  /** URL of renderer/chart-harness.html. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Writes the chart fixture from the simulator, builds the harness (vite.chart-harness.config.ts)
 * and serves it with vite's static preview server on a free port. Each call builds into a folder of
 * its own, removed on `close`: two spec files in two Playwright workers (or a spec and the bench)
 * serve at once, and one must never serve a folder the other is emptying to build anew.
 */
export async function serveChartHarness(): Promise<ChartHarnessServer> {
  writeChartFixture();
  const outDir = mkdtempSync(join(tmpdir(), 'liqlens-chart-harness-'));
  try {
    await build({ configFile: harnessConfig, logLevel: 'warn', build: { outDir } });
    const server = await preview({
      configFile: harnessConfig,
      build: { outDir },
      preview: { port: 0, host: '127.0.0.1', strictPort: false },
      logLevel: 'warn',
    });
    const base = server.resolvedUrls?.local[0];
    if (base === undefined) throw new Error('the chart harness server did not report its URL');
    return {
      url: `${base}chart-harness.html`,
      close: async () => {
        await server.close();
        rmSync(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
}

/** Opens the harness in Debian's Chromium (or CHROMIUM_PATH) and waits until the chart is up. */
export async function openHarness(url: string): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: chromiumArgs,
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  await page.goto(url);
  await page.waitForFunction(() => (globalThis as HarnessGlobal).__liqlensHarness?.ready === true, null, {
    timeout: 20_000,
  });
  return { browser, page };
}

/**
 * The UI figures of `npm run bench`, measured in Chromium on the chart harness:
 * - `sliderToFrameP95Ms`: a real mouse drag over the what-if slider, 200 steps; per input event,
 *   from the slider's `input` handler (React state → ghost line and cascade path) to the end of the
 *   chart's paint task that draws it (the frame that shows it), p95.
 * - `streamFrameP95Ms`: candles streamed two updates per frame from timers (as WebSocket messages
 *   arrive) with the cluster overlay and heatmap on; per painted frame, from the frame's start
 *   (`document.timeline.currentTime`) to the end of the chart's paint, p95 over 300 frames.
 */
export async function measureUi(): Promise<{ sliderToFrameP95Ms: number; streamFrameP95Ms: number }> {
  const server = await serveChartHarness();
  let browser: Browser | null = null;
  try {
    const opened = await openHarness(server.url);
    browser = opened.browser;
    const page = opened.page;
    const box = await page.getByTestId('ghost-slider').boundingBox();
    if (box === null) throw new Error('the harness has no what-if slider');
    const y = box.y + box.height / 2,
      steps = 200;
    await page.mouse.move(box.x + box.width * 0.7, y);
    await page.mouse.down();
    for (let i = 1; i <= steps; i++) await page.mouse.move(box.x + box.width * (0.7 - (0.6 * i) / steps), y);
    await page.mouse.up();
    await page.waitForTimeout(100);
    const slider = await page.evaluate(() => (globalThis as HarnessGlobal).__liqlensHarness?.sliderLatencies ?? []);
    // Warm-up first (JIT, first-use canvases), as a trader's session is long past it.
    await page.evaluate(() => (globalThis as HarnessGlobal).__liqlensHarness?.streamFrames(60) ?? Promise.resolve([]));
    const stream = await page.evaluate(
      () => (globalThis as HarnessGlobal).__liqlensHarness?.streamFrames(300) ?? Promise.resolve([]),
    );
    if (slider.length < steps / 2 || stream.length === 0)
      throw new Error(`too few samples: ${slider.length} slider inputs, ${stream.length} frames`);
    return { sliderToFrameP95Ms: round(quantile(slider, 0.95), 2), streamFrameP95Ms: round(quantile(stream, 0.95), 2) };
  } finally {
    await browser?.close();
    await server.close();
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.stdout.write(`${JSON.stringify(await measureUi())}\n`);
}
