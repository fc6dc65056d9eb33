import { mkdirSync } from 'node:fs';
import { expect, test } from '../fixtures';
import { AccountGroup } from '../pages/account-group';
import { AppPage } from '../pages/app-page';
import { formatUsdCompact } from '../../renderer/src/features/chart/usd-compact';
import { formatMoney } from '../../renderer/src/lib/format-money';

/** The share figures of a tooltip's "Longs by venue: Binance 42 %, Bybit 31 %" line: venue and percent. */
function shares(line: string): { venue: string; percent: number }[] {
  return [...line.matchAll(/(Binance|Bybit|OKX|Hyperliquid) (\d+) %/g)].map((match) => ({
    venue: match[1] ?? '',
    percent: Number(match[2]),
  }));
}

/**
 * The Demo's BTC map summed across its four venues: switched on beside "this venue", it names each
 * venue's USD (Hyperliquid's measured), the tooltip of a bin gives each venue's share of it, and the
 * heatmap and realized markers read every venue too.
 * `LIQLENS_README_SCREENSHOTS=1` also writes docs/screenshots/aggregated-map-btc.png.
 */
test("the Demo's BTC map across Binance, Bybit, OKX and Hyperliquid, with each bin's venue shares in the tooltip", async ({
  page,
  webApp,
}) => {
  // The Demo starts eight markets at once; on a busy machine that takes minutes.
  test.setTimeout(600_000);
  const app = new AppPage(page);
  await app.open(webApp.url);
  await app.closeWelcome();
  const row = new AccountGroup(page, 'Demo · Binance USDⓈ-M').rows
    .filter({ hasText: 'BTC' })
    .filter({ hasText: 'Long' });
  await expect(row.first()).toBeVisible({ timeout: 90_000 });
  await row.first().click();
  await expect(page.getByTestId('chart-source')).toHaveText('Binance · Demo', { timeout: 90_000 });
  await expect
    .poll(() => page.evaluate(() => window.__liqlensChart?.overlayState().profileRows ?? 0), { timeout: 180_000 })
    .toBeGreaterThan(0);

  await page.getByTestId('map-scope').getByRole('radio', { name: 'All venues' }).click();
  const summary = page.getByTestId('map-scope-summary');
  // Every venue's BTC market is open for the Demo's positions: all four take part, none is missing.
  await expect(summary).toContainText(
    /BTC across venues Binance \$[\d.]+[kMB]? · Bybit \$[\d.]+[kMB]? · OKX \$[\d.]+[kMB]? · Hyperliquid \$[\d.]+[kMB]?( measured)?$/,
    { timeout: 180_000 },
  );
  await expect(summary).not.toContainText('Missing');
  await expect(page.getByTestId('map-source')).toHaveCount(0);
  await expect
    .poll(() => page.evaluate(() => window.__liqlensChart?.overlayState().profileRows ?? 0), { timeout: 60_000 })
    .toBeGreaterThan(0);
  // The heatmap history and the realized markers read across venues too, and say which venues they hold:
  // Hyperliquid publishes no market-wide liquidations, so its part of the markers is named as missing.
  await expect(page.getByTestId('map-scope-history')).toContainText(
    /Heatmap: Binance, Bybit, OKX(, Hyperliquid| \(Hyperliquid: no history yet\))? · Realized: Binance, Bybit, OKX \(Hyperliquid publishes none\)$/,
    { timeout: 60_000 },
  );
  await expect
    .poll(() => page.evaluate(() => window.__liqlensChart?.overlayState().heatCells ?? 0), { timeout: 60_000 })
    .toBeGreaterThan(0);

  // Down the pane until the cursor rests on a bin that more than one venue holds.
  // The what-if reads the map the chart draws: its "clusters on the way" is the summed band's figure.
  const cascades = (): Promise<{ chart: string; whatIf: string }> =>
    page.evaluate(
      () =>
        new Promise((resolve) =>
          requestAnimationFrame(() =>
            resolve({
              chart: String(window.__liqlensChart?.overlayState().cascadeUsd ?? null),
              // Compact as the chart writes it, the exact estimate in its tooltip.
              whatIf: `${document.querySelector('[data-testid="whatif-cascade"]')?.textContent ?? ''}|${
                document.querySelector('[data-testid="whatif-cascade"] > [title]')?.getAttribute('title') ?? ''
              }`,
            }),
          ),
        ),
    );
  await expect
    .poll(
      async () => {
        const { chart, whatIf } = await cascades();
        const usd = Number(chart);
        return chart !== 'null' && whatIf === (usd > 0 ? `${formatUsdCompact(usd)}|${formatMoney(usd)}` : 'none|');
      },
      { timeout: 60_000 },
    )
    .toBe(true);

  const canvas = await page.getByTestId('price-chart-canvas').boundingBox();
  if (canvas === null) throw new Error('the chart has no geometry');
  const venueLines = page.getByTestId('tooltip-venue-shares');
  // Below the badge, down the pane; each move is read once React has drawn the tooltip for it (two frames).
  let most = 0;
  for (let step = 0; step <= 60 && most < 2; step++) {
    await page.mouse.move(canvas.x + canvas.width * 0.6, canvas.y + canvas.height * (0.3 + step * 0.01));
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const lines = await venueLines.allTextContents();
    most = Math.max(0, ...lines.map((line) => shares(line).length));
  }
  expect(most, 'a bin held by two venues or more').toBeGreaterThanOrEqual(2);
  const tooltip = page.getByTestId('chart-tooltip');
  await expect(tooltip).toContainText('Summed across venues');
  for (const line of await venueLines.allTextContents()) {
    expect(line).toMatch(/^(Longs|Shorts) by venue: /);
    const figures = shares(line);
    expect(new Set(figures.map((figure) => figure.venue)).size).toBe(figures.length);
    // Each venue's share, rounded to whole percent: together the whole bin.
    const total = figures.reduce((sum, figure) => sum + figure.percent, 0);
    expect(total, line).toBeGreaterThanOrEqual(100 - figures.length);
    expect(total, line).toBeLessThanOrEqual(100 + figures.length);
  }
  await page.screenshot({ path: test.info().outputPath('aggregated-map-btc.png') });
  if (process.env['LIQLENS_README_SCREENSHOTS'] === '1') {
    mkdirSync('docs/screenshots', { recursive: true });
    await page.screenshot({ path: 'docs/screenshots/aggregated-map-btc.png' });
  }

  // Back to this venue: its own map and the measured/estimated bar return.
  await page.getByTestId('map-scope').getByRole('radio', { name: 'This venue' }).click();
  await expect(page.getByTestId('map-source')).toBeVisible();
  await expect(summary).toHaveCount(0);
});
