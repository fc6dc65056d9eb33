import { mkdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect, test } from '@playwright/test';
import {
  imbalance,
  imbalanceSkillText,
  mapLegendSkillText,
  mapSkillText,
  recordedSkillText,
  shippedMeasuredSkill,
  type MapBin,
} from '../../shared/clusters/index';
import { chromiumArgs, serveChartHarness, type ChartHarnessServer } from '../../electron/cli/bench/ui';
import { defaultFixturePath } from '../../electron/cli/bench/chart-fixture';
import type { ChartFixture } from '../../shared/harness/chart-fixture';
import type { LiqlensHarness } from '../../renderer/src/chart-harness';
import { imbalanceText, imbalanceWindowOf } from '../../renderer/src/features/chart/imbalance-text';
import { profileFromWire } from '../../renderer/src/features/chart/profile-from-wire';
import { realizedMarkers } from '../../renderer/src/features/chart/realized-markers';
import { binTooltipLines } from '../../renderer/src/features/chart/tooltip-text';
import { formatPrice } from '../../renderer/src/features/positions/format';

/**
 * The chart as a user sees it, on the harness (renderer/chart-harness.html) with fixture data from
 * the simulator's long-squeeze crash: candles, the profile's colours at the right edge, the bin
 * tooltip, the imbalance badge, the ghost line, the timeframe switch by keyboard.
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

async function openChart(query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  await page.goto(server.url + query);
  await page.waitForFunction(() => (window as HarnessWindow).__liqlensHarness?.ready === true);
  await expect(page.getByTestId('price-chart-canvas').locator('canvas').first()).toBeVisible();
  return page;
}

/** Counts pixels of the profile's two colours in the strip just left of the price scale. */
async function profileColours(page: Page): Promise<{ long: number; short: number }> {
  return page.evaluate(() => {
    const harness = (window as HarnessWindow).__liqlensHarness;
    const canvas = harness?.screenshot(),
      pane = harness?.paneSize();
    const context = canvas?.getContext('2d');
    if (
      canvas === undefined ||
      canvas === null ||
      pane === undefined ||
      pane === null ||
      context === null ||
      context === undefined
    )
      return { long: 0, short: 0 };
    const ratio = canvas.width / (pane.width + (canvas.width / devicePixelRatio - pane.width));
    const x = Math.floor((pane.width - 70) * ratio),
      width = Math.floor(66 * ratio);
    const data = context.getImageData(x, 0, width, Math.floor(pane.height * ratio)).data;
    let long = 0,
      short = 0;
    for (let i = 0; i < data.length; i += 4) {
      const r = data[i] ?? 0,
        g = data[i + 1] ?? 0,
        b = data[i + 2] ?? 0;
      if (g > r + 60 && b > r + 40)
        long++; // teal (--long)
      else if (r > g + 60 && g > b + 20) short++; // orange (--short)
    }
    return { long, short };
  });
}

test('draws candles and the long/short liquidation profile at the right edge', async ({}, testInfo) => {
  const page = await openChart();
  const colours = await profileColours(page);
  expect(colours.long).toBeGreaterThan(300);
  expect(colours.short).toBeGreaterThan(100);
  const state = await page.evaluate(() => (window as HarnessWindow).__liqlensHarness?.overlayState());
  expect(state?.profileRows).toBeGreaterThan(20);
  expect(state?.cascadeUsd).toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath('chart-dark.png') });
  await page.close();
});

test('the crosshair reads the bin under the cursor', async () => {
  const page = await openChart();
  const market = fixture.markets[0]?.market;
  const clusters = market?.clusters;
  if (market === undefined || clusters === null || clusters === undefined) throw new Error('fixture has no clusters');
  // The largest long bin the pane shows.
  const visible = await page.evaluate(
    (bins: { mid: number }[]) =>
      bins.map((b) => (window as HarnessWindow).__liqlensHarness?.coordinateOf(b.mid) ?? null),
    clusters.map.bins.map((b) => ({ mid: (b.low + b.high) / 2 })),
  );
  const pane = await page.evaluate(() => (window as HarnessWindow).__liqlensHarness?.paneSize());
  let best: { bin: MapBin; y: number } | null = null;
  clusters.map.bins.forEach((bin, i) => {
    const y = visible[i];
    if (y === null || y === undefined || y < 40 || y > (pane?.height ?? 0) - 40) return;
    if (best === null || bin.longUsd > best.bin.longUsd) best = { bin, y };
  });
  if (best === null) throw new Error('no visible bin');
  const { bin, y } = best as { bin: MapBin; y: number };
  const box = await page.getByTestId('price-chart-canvas').boundingBox();
  await page.mouse.move((box?.x ?? 0) + (pane?.width ?? 800) / 2, (box?.y ?? 0) + y);
  const expected = binTooltipLines(bin, clusters.map.leverages, market.tickSize);
  expect(expected[0]).toMatch(/^\$[\d.]+[kMB]? of long liquidations at [\d,]+–[\d,]+; \d+x \d+ %/);
  await expect(page.getByTestId('chart-tooltip')).toContainText(expected[0] ?? '');
  await page.close();
});

test('the imbalance badge quotes shared/clusters for the chosen window', async () => {
  const page = await openChart();
  const market = fixture.markets[0]?.market;
  const clusters = market?.clusters;
  if (market === undefined || clusters === null || clusters === undefined || market.markPrice === null)
    throw new Error('fixture has no clusters');
  const profile = profileFromWire(clusters.profile, clusters.binSize);
  const badge = page.getByTestId('imbalance-badge');
  await expect(badge).toHaveText(imbalanceText(imbalance(profile, market.markPrice, imbalanceWindowOf('10pct'))));
  await page.getByTestId('imbalance-window').getByRole('radio', { name: '±5 %' }).click();
  await expect(badge).toHaveText(imbalanceText(imbalance(profile, market.markPrice, imbalanceWindowOf('5pct'))));
  await expect(badge).toContainText(/shorts above vs .* longs below: /);
  // Pressed, it says what the real-data scorecard measured (shared/clusters/measured-skill.json), never a typed figure.
  const skill = page.getByTestId('imbalance-skill');
  const bounds = page.getByTestId('imbalance-bounds');
  await expect(skill).toHaveCount(0);
  await expect(bounds).toHaveCount(0);
  await badge.click();
  // The window's bounds around the mark open with it, at the tick's precision.
  const window5 = imbalance(profile, market.markPrice, imbalanceWindowOf('5pct'));
  await expect(bounds).toContainText(`Short liquidations up to ${formatPrice(window5.upTo, market.tickSize)}`);
  await expect(bounds).toContainText(`long liquidations down to ${formatPrice(window5.downTo, market.tickSize)}`);
  await expect(skill).toHaveText(`${imbalanceSkillText(shippedMeasuredSkill)} · ${mapSkillText(shippedMeasuredSkill)}`);
  await expect(skill).toContainText(/imbalance: (no measured edge|leaned right|not measured yet)/);
  // Beside it, the map on the user's own recordings of the market: the fixture carries no measurement.
  await expect(page.getByTestId('recorded-skill')).toHaveText(recordedSkillText(null));
  // The map's own legend carries the map's skill too, from the same file.
  await expect(page.getByTestId('map-source')).toContainText('Estimated map');
  await expect(page.getByTestId('map-skill')).toHaveText(mapLegendSkillText('estimated', shippedMeasuredSkill));
  await expect(page.getByTestId('map-skill')).toContainText(/^rank \d\.\d\d out-of-sample, \d+ days/);
  mkdirSync('docs/screenshots', { recursive: true });
  await page.getByTestId('price-chart').screenshot({ path: test.info().outputPath('imbalance-skill.png') });
  if (process.env['LIQLENS_README_SCREENSHOTS'] === '1')
    await page.getByTestId('price-chart').screenshot({ path: 'docs/screenshots/imbalance-skill.png' });
  await page.close();
});

test('a what-if result shows as a ghost liquidation line with its cascade', async ({}, testInfo) => {
  const page = await openChart();
  await expect(page.getByTestId('chart-ghost')).toHaveCount(0);
  const liquidation = await page.evaluate(() => (window as HarnessWindow).__liqlensHarness?.liquidationPrice() ?? null);
  expect(liquidation).not.toBeNull();
  const ghost = Math.round((liquidation ?? 0) * 0.97 * 10) / 10;
  await page.evaluate((price) => (window as HarnessWindow).__liqlensHarness?.setGhost(price), ghost);
  await expect(page.getByTestId('chart-ghost')).toHaveText(
    `What-if liq ${ghost.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}`,
  );
  await expect
    .poll(() => page.evaluate(() => (window as HarnessWindow).__liqlensHarness?.overlayState()?.ghostPrice ?? null))
    .toBe(ghost);
  const state = await page.evaluate(() => (window as HarnessWindow).__liqlensHarness?.overlayState());
  expect(state?.ghostCascadeUsd ?? 0).toBeGreaterThan(state?.cascadeUsd ?? 0);
  await page.screenshot({ path: testInfo.outputPath('chart-ghost.png') });
  await page.close();
});

test('realized liquidations sit beside their bars: liquidated shorts above the bar, longs below', async () => {
  const page = await openChart();
  const entry = fixture.markets[0];
  const candles = entry?.candles['1m'] ?? [];
  const realized = entry?.market.clusters?.realized ?? [];
  const first = candles[0],
    last = candles.at(-1);
  if (first === undefined || last === undefined || realized.length === 0)
    throw new Error('the fixture has no candles or no realized liquidations');
  const expected = realizedMarkers(
    realized,
    60_000,
    { long: '#0a0', short: '#a00' },
    {
      fromMs: first.openTimeMs,
      toMs: last.openTimeMs,
    },
  );
  const pane = await page.evaluate(() => (window as HarnessWindow).__liqlensHarness?.paneSize());
  const placed = await page.evaluate(() => (window as HarnessWindow).__liqlensHarness?.realizedMarks() ?? []);
  let checked = 0;
  for (const marker of expected) {
    const x = await page.evaluate(
      (time) => (window as HarnessWindow).__liqlensHarness?.timeToX(time) ?? null,
      marker.time,
    );
    if (x === null || x < 0 || x > (pane?.width ?? 0)) continue;
    const bar = candles.find((candle) => candle.openTimeMs === marker.time * 1000);
    if (bar === undefined) throw new Error(`no bar at ${marker.time}`);
    const above = marker.position === 'aboveBar';
    const mark = placed.find((p) => Math.abs(p.x - x) < 0.5 && p.above === above);
    expect(mark, `a marker ${above ? 'above' : 'below'} the bar at ${marker.time}`).toBeDefined();
    const edge = await page.evaluate(
      (price) => (window as HarnessWindow).__liqlensHarness?.coordinateOf(price) ?? null,
      above ? bar.high : bar.low,
    );
    if (mark === undefined || edge === null) continue;
    // Clear of the wick, on its side of the bar.
    if (above) expect(mark.y + mark.radius).toBeLessThan(edge);
    else expect(mark.y - mark.radius).toBeGreaterThan(edge);
    checked++;
  }
  expect(checked).toBeGreaterThan(2);
  await page.close();
});

test('with the price axis scaled by hand, the what-if ghost still moves its cascade band and leaves the scale alone', async () => {
  const page = await openChart();
  const pane = await page.evaluate(() => (window as HarnessWindow).__liqlensHarness?.paneSize() ?? null);
  const box = await page.getByTestId('price-chart-canvas').boundingBox();
  if (box === null || pane === null) throw new Error('no chart');
  // A drag on the price axis scales it by hand: the chart stops fitting the candles on its own.
  const axisX = box.x + pane.width + 25;
  await page.mouse.move(axisX, box.y + pane.height * 0.4);
  await page.mouse.down();
  await page.mouse.move(axisX, box.y + pane.height * 0.4 + 60, { steps: 6 });
  await page.mouse.up();
  const visible = () => page.evaluate(() => (window as HarnessWindow).__liqlensHarness?.visiblePrices() ?? null);
  const scaled = await visible();
  const liquidation = await page.evaluate(() => (window as HarnessWindow).__liqlensHarness?.liquidationPrice() ?? null);
  const mark = fixture.markets[0]?.market.markPrice ?? null;
  if (liquidation === null || mark === null) throw new Error('the fixture has no position or no mark');
  for (const share of [0.3, 0.6, 0.45]) {
    const ghost = Math.round((liquidation + (mark - liquidation) * share) * 10) / 10;
    await page.evaluate((price) => (window as HarnessWindow).__liqlensHarness?.setGhost(price), ghost);
    // The band's ghost end sits on the ghost's price (clamped to the pane like the band).
    await expect
      .poll(() =>
        page.evaluate(
          ({ price, height }) => {
            const harness = (window as HarnessWindow).__liqlensHarness;
            const y = harness?.coordinateOf(price) ?? null,
              band = harness?.overlayState()?.ghostBandY ?? null;
            return y === null || band === null ? null : Math.abs(Math.max(-2, Math.min(height + 2, y)) - band);
          },
          { price: ghost, height: pane.height },
        ),
      )
      .toBeLessThan(1);
  }
  expect(await visible()).toEqual(scaled);
  await page.close();
});

test('the timeframe switches by keyboard', async () => {
  const page = await openChart();
  const group = page.getByTestId('chart-timeframe');
  await group.getByRole('radio', { name: '1m', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(group.getByRole('radio', { name: '5m', exact: true })).toHaveAttribute('aria-checked', 'true');
  await expect(group.getByRole('radio', { name: '5m', exact: true })).toBeFocused();
  await expect(page.locator('.chart-legend__title')).toHaveText('BTC/USDT · 5m');
  await page.keyboard.press('End');
  await expect(page.locator('.chart-legend__title')).toHaveText('BTC/USDT · 4h');
  await page.close();
});

test('stale data is dimmed and labelled; the light theme draws too', async ({}, testInfo) => {
  const page = await openChart('?state=stale&theme=light');
  await expect(page.getByTestId('price-chart')).toHaveAttribute('data-stale', 'true');
  await expect(page.getByTestId('chart-stale')).toContainText(
    // The harness dates the data 94 s back; a slow page may read it a minute later.
    /^stale · last update (\d+ s|\d+ min) ago · venue not answering/,
  );
  await page.screenshot({ path: testInfo.outputPath('chart-light-stale.png') });
  // The imbalance badge and the stale note share the top edge without covering each other, down to a
  // narrow window where the note must wrap to fit beside the badge.
  for (const width of [1440, 1024, 760]) {
    await page.setViewportSize({ width, height: 700 });
    await expect.poll(() => page.evaluate(() => window.innerWidth)).toBe(width);
    const note = await page.getByTestId('chart-stale').boundingBox();
    const badge = await page.locator('.imbalance').boundingBox();
    if (note === null || badge === null) throw new Error('the stale note or the imbalance badge is not drawn');
    const apart =
      note.x + note.width <= badge.x ||
      badge.x + badge.width <= note.x ||
      note.y + note.height <= badge.y ||
      badge.y + badge.height <= note.y;
    expect(apart, `the stale note and the imbalance badge overlap at ${width} px`).toBe(true);
  }
  await page.screenshot({ path: testInfo.outputPath('chart-light-stale-narrow.png') });
  await page.close();
});
