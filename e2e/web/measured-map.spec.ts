import { mkdirSync } from 'node:fs';
import { expect, test } from '../fixtures';
import { AccountGroup } from '../pages/account-group';
import { AppPage } from '../pages/app-page';

/**
 * Hyperliquid's map is measured from the first minute: the chart of a Hyperliquid position draws
 * the positions read by address, says so with its coverage, and switches to the estimate and back.
 * `LIQLENS_README_SCREENSHOTS=1` also writes docs/screenshots/measured-map-hyperliquid.png.
 */
test('a Hyperliquid position is charted against the measured map, with its coverage, and the estimate is one click away', async ({
  page,
  webApp,
}) => {
  // The Demo starts four venues' markets at once; on a busy machine that takes minutes.
  test.setTimeout(300_000);
  const app = new AppPage(page);
  await app.open(webApp.url);
  await app.closeWelcome();
  // The first chart loads before another is asked for: the Demo backfills four venues at once.
  await expect
    .poll(() => page.evaluate(() => window.__liqlensChart?.overlayState().profileRows ?? 0), { timeout: 120_000 })
    .toBeGreaterThan(0);
  // The ETH short: its liquidation sits within the map's range, so the picture shows both together.
  const row = new AccountGroup(page, 'Demo · Hyperliquid').rows.filter({ hasText: 'Short' }).first();
  await expect(row).toBeVisible({ timeout: 90_000 });
  await row.click();
  await expect(page.getByTestId('chart-source')).toHaveText('Hyperliquid · Demo', { timeout: 90_000 });

  const coverage = page.getByTestId('map-coverage');
  const source = page.getByTestId('map-source');
  await expect(source).toHaveAttribute('data-kind', 'measured', { timeout: 60_000 });
  await expect(source).toContainText('Measured map');
  await expect(page.getByTestId('map-skill')).toContainText(/^measured .*not modelled$/);
  await expect(coverage).toContainText(/[1-9][\d,]* addresses, \$[\d.]+[kMB]? of \$[\d.]+[kMB]? open interest, \d+ %/, {
    timeout: 120_000,
  });
  await expect
    .poll(() => page.evaluate(() => window.__liqlensChart?.overlayState().profileRows ?? 0), { timeout: 60_000 })
    .toBeGreaterThan(0);
  // The picture shows the market live: its mark streaming, not waiting for the first tick.
  await expect(page.getByTestId('chart-stale')).toHaveCount(0, { timeout: 90_000 });
  await page.screenshot({ path: test.info().outputPath('measured-map-hyperliquid.png') });
  if (process.env['LIQLENS_README_SCREENSHOTS'] === '1') {
    mkdirSync('docs/screenshots', { recursive: true });
    await page.screenshot({ path: 'docs/screenshots/measured-map-hyperliquid.png' });
  }

  await page.getByTestId('map-kind').getByRole('radio', { name: 'Estimated' }).click();
  await expect(source).toHaveAttribute('data-kind', 'estimated');
  await expect(source).toContainText('Estimated map');
  await expect(coverage).toContainText('modelled from open interest');
  await expect(page.getByTestId('map-skill')).toContainText(/^rank \d\.\d\d out-of-sample/);
  // Beside it, what the core measured on this market's own recordings: Hyperliquid has no
  // liquidation stream, so no day of the fresh Demo counts yet.
  await expect(page.getByTestId('map-recorded-skill')).toHaveText(
    /· not measured on your recordings yet \(0 of 5 days\)$/,
    { timeout: 60_000 },
  );
  await page.getByTestId('map-kind').getByRole('radio', { name: 'Measured' }).click();
  await expect(source).toHaveAttribute('data-kind', 'measured');
});
