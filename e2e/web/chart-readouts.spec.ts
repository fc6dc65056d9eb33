import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect, test } from '@playwright/test';
import { suggestedStops } from '../../shared/clusters/index';
import type { ChartFixture } from '../../shared/harness/chart-fixture';
import { chromiumArgs, serveChartHarness, type ChartHarnessServer } from '../../electron/cli/bench/ui';
import { defaultFixturePath } from '../../electron/cli/bench/chart-fixture';
import type { LiqlensHarness } from '../../renderer/src/chart-harness';
import { ohlcText } from '../../renderer/src/features/chart/ohlc-text';
import { edgeMarkerText } from '../../renderer/src/features/chart/price-edge';
import { profileFromWire } from '../../renderer/src/features/chart/profile-from-wire';
import { stopReasonText } from '../../renderer/src/features/chart/stop-text';
import { formatPrice } from '../../renderer/src/features/positions/format';

/**
 * The chart's readouts on the harness (fixture data from the simulator): the hovered candle's OHLC,
 * a far liquidation as an edge marker instead of squashed candles, tooltips inside the chart, merged
 * axis labels and the suggested stops. `LIQLENS_README_SCREENSHOTS=1` also writes
 * docs/screenshots/chart-legend-edge.png.
 */
let server: ChartHarnessServer;
let browser: Browser;
let fixture: ChartFixture;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  server = await serveChartHarness();
  fixture = JSON.parse(readFileSync(defaultFixturePath, 'utf8')) as ChartFixture;
  browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: chromiumArgs,
  });
});

test.afterAll(async () => {
  await browser.close();
  await server.close();
});

type HarnessWindow = { __liqlensHarness?: LiqlensHarness };

async function openChart(query = '', viewport = { width: 1440, height: 860 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(server.url + query);
  await page.waitForFunction(() => (window as HarnessWindow).__liqlensHarness?.ready === true);
  await expect(page.getByTestId('price-chart-canvas').locator('canvas').first()).toBeVisible();
  return page;
}

function firstMarket() {
  const entry = fixture.markets[0];
  if (entry === undefined || entry.position === null) throw new Error('the fixture has no market with a position');
  return { ...entry, position: entry.position };
}

test('hovering a candle shows its OHLC and volume; off the chart, the last candle', async () => {
  const page = await openChart();
  const { candles, market } = firstMarket();
  const legend = page.getByTestId('chart-ohlc');
  const last = candles['1m'].at(-1);
  if (last === undefined) throw new Error('no candles');
  await expect(legend).toHaveText(ohlcText(last, market.tickSize));
  const hovered = candles['1m'].at(-40);
  if (hovered === undefined) throw new Error('too few candles');
  const time = Math.floor(hovered.openTimeMs / 1000);
  const x = await page.evaluate((t) => (window as HarnessWindow).__liqlensHarness?.timeToX(t) ?? null, time);
  const pane = await page.evaluate(() => (window as HarnessWindow).__liqlensHarness?.paneSize() ?? null);
  const box = await page.getByTestId('price-chart-canvas').boundingBox();
  if (x === null || pane === null || box === null) throw new Error('the chart has no geometry');
  await page.mouse.move(box.x + x, box.y + pane.height / 2);
  await expect(legend).toHaveAttribute('data-time', String(time));
  await expect(legend).toHaveText(ohlcText(hovered, market.tickSize));
  expect(ohlcText(hovered, market.tickSize)).not.toBe(ohlcText(last, market.tickSize));
  await page.mouse.move(box.x + box.width / 2, box.y + box.height + 40);
  await expect(legend).toHaveText(ohlcText(last, market.tickSize));
  await page.close();
});

test('a far liquidation is an edge marker with its distance, and the candles keep the price scale', async () => {
  const page = await openChart('?liq=far');
  const { market, position, candles } = firstMarket();
  const mark = position.markPrice ?? market.markPrice ?? 0;
  const far = Math.round(mark * (position.side === 'long' ? 0.7 : 1.3));
  const marker = page.getByTestId('chart-edge-liquidation');
  await expect(marker).toHaveText(edgeMarkerText('Liq', far, market.markPrice, market.tickSize));
  await expect(marker).toHaveAttribute('data-edge', position.side === 'long' ? 'below' : 'above');
  const prices = await page.evaluate(() => (window as HarnessWindow).__liqlensHarness?.visiblePrices() ?? null);
  if (prices === null) throw new Error('no price scale');
  // The scale spans the visible candles (with its margins), nowhere near the liquidation 30 % away.
  const shown = candles['1m'].slice(-160);
  const low = Math.min(...shown.map((c) => c.low)),
    high = Math.max(...shown.map((c) => c.high));
  expect(prices.bottom).toBeGreaterThan(position.side === 'long' ? far : low - (high - low));
  expect(prices.top).toBeLessThan(position.side === 'long' ? high + (high - low) : far);
  expect((high - low) / (prices.top - prices.bottom)).toBeGreaterThan(0.5);
  await page.close();
});

test('a liquidation near the candles stays in view as a line, with no edge marker', async () => {
  const page = await openChart();
  const { position } = firstMarket();
  const liquidation = position.exchangeLiquidationPrice ?? 0;
  const prices = await page.evaluate(() => (window as HarnessWindow).__liqlensHarness?.visiblePrices() ?? null);
  expect(prices?.bottom ?? Infinity).toBeLessThan(liquidation);
  expect(prices?.top ?? -Infinity).toBeGreaterThan(liquidation);
  await expect(page.getByTestId('chart-edge-liquidation')).toHaveCount(0);
  await page.close();
});

test('a tooltip at the right and bottom edges stays inside the chart, on a few lines', async () => {
  const page = await openChart('', { width: 1024, height: 700 });
  const { market } = firstMarket();
  const bins = market.clusters?.map.bins ?? [];
  const pane = await page.evaluate(() => (window as HarnessWindow).__liqlensHarness?.paneSize() ?? null);
  const canvas = await page.getByTestId('price-chart-canvas').boundingBox();
  if (pane === null || canvas === null) throw new Error('the chart has no geometry');
  const ys = await page.evaluate(
    (mids) => mids.map((mid) => (window as HarnessWindow).__liqlensHarness?.coordinateOf(mid) ?? null),
    bins.map((bin) => (bin.low + bin.high) / 2),
  );
  // The lowest visible bin that holds USD: the cursor near the bottom-right corner of the pane.
  const y = Math.max(...ys.filter((v): v is number => v !== null && v > 0 && v < pane.height - 4));
  await page.mouse.move(canvas.x + pane.width - 6, canvas.y + y);
  const tooltip = page.getByTestId('chart-tooltip');
  await expect(tooltip).toBeVisible();
  const box = await tooltip.boundingBox();
  if (box === null) throw new Error('no tooltip box');
  expect(box.x).toBeGreaterThanOrEqual(canvas.x);
  expect(box.y).toBeGreaterThanOrEqual(canvas.y);
  expect(box.x + box.width).toBeLessThanOrEqual(canvas.x + canvas.width);
  expect(box.y + box.height).toBeLessThanOrEqual(canvas.y + canvas.height);
  // Lines are read whole: the box is wide, not one word per line.
  expect(box.width).toBeGreaterThan(240);
  const lineHeight = await tooltip
    .locator('.chart-tooltip__line')
    .first()
    .evaluate((line) => line.getBoundingClientRect().height);
  expect(lineHeight).toBeLessThan(40);
  await page.close();
});

test('entry and break-even share one merged axis label', async () => {
  const page = await openChart();
  const labels = await page.evaluate(() => (window as HarnessWindow).__liqlensHarness?.axisLabels() ?? []);
  const titles = labels.map((label) => label.title);
  expect(titles.some((title) => /Entry · BE|BE · Entry/.test(title))).toBe(true);
  expect(titles).not.toContain('BE');
  await page.close();
});

test('suggested stops sit beyond the nearest clusters, drawn with their reasons', async ({}, testInfo) => {
  const page = await openChart();
  const { market, position, candles } = firstMarket();
  const clusters = market.clusters;
  if (clusters === null) throw new Error('the fixture has no clusters');
  const stops = suggestedStops({
    side: position.side,
    markPrice: position.markPrice ?? market.markPrice ?? 0,
    liquidationPrice: position.exchangeLiquidationPrice,
    profile: profileFromWire(clusters.profile, clusters.binSize),
    bars: candles['1m'],
  });
  expect(stops.length).toBeGreaterThan(0);
  const shown = page.getByTestId('chart-stop');
  await expect(shown).toHaveCount(stops.length);
  for (const [i, stop] of stops.entries()) {
    const name = stops.length > 1 ? `Stop ${i + 1}` : 'Stop';
    await expect(shown.nth(i)).toHaveText(
      `${name} ${formatPrice(stop.price, market.tickSize)}${stopReasonText(stop, market.tickSize)}`,
    );
    await expect(shown.nth(i)).toContainText(/beyond \$[\d.]+[kMB]? of (long|short) liquidations at [\d,.]+; 1\.5 ATR/);
  }
  const titles = await page.evaluate(() => (window as HarnessWindow).__liqlensHarness?.axisLabels() ?? []);
  expect(titles.some((label) => label.title.includes('Stop'))).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('chart-stops.png') });
  await page.close();
});

test('the chart with the OHLC legend and a far liquidation edge marker, as a picture', async ({}, testInfo) => {
  const page = await openChart('?liq=far');
  await expect(page.getByTestId('chart-edge-liquidation')).toBeVisible();
  const { candles } = firstMarket();
  const hovered = candles['1m'].at(-25);
  const x = await page.evaluate(
    (t) => (window as HarnessWindow).__liqlensHarness?.timeToX(t) ?? null,
    Math.floor((hovered?.openTimeMs ?? 0) / 1000),
  );
  const box = await page.getByTestId('price-chart-canvas').boundingBox();
  if (x === null || box === null) throw new Error('the chart has no geometry');
  await page.mouse.move(box.x + x, box.y + box.height * 0.3);
  await expect(page.getByTestId('chart-ohlc')).toHaveAttribute('data-hovered', 'true');
  await page.screenshot({ path: testInfo.outputPath('chart-legend-edge.png') });
  if (process.env['LIQLENS_README_SCREENSHOTS'] === '1') {
    mkdirSync('docs/screenshots', { recursive: true });
    await page.screenshot({ path: join('docs', 'screenshots', 'chart-legend-edge.png') });
  }
  await page.close();
});
