import { mkdirSync } from 'node:fs';
import { expect, test } from '../fixtures';
import { AppPage } from '../pages/app-page';

/**
 * The core stops under an open workspace (a crash, Ctrl+C on `liqlens web`): nothing on screen may
 * still say Live. `LIQLENS_README_SCREENSHOTS=1` also writes docs/screenshots/stale-workspace.png.
 */
test('when LiqLens itself stops, every account turns stale with the reason and nothing still reads Live', async ({
  page,
  webApp,
}) => {
  // The Demo's first start, its chart's live data, then a stop: long on a busy 2-core machine.
  test.setTimeout(300_000);
  const app = new AppPage(page);
  await app.open(webApp.url);
  const statuses = page.getByTestId('account-status');
  // The Demo's accounts, live first: the picture after must differ from a real live workspace.
  await expect(statuses.first()).toHaveText('Live', { timeout: 90_000 });
  await expect(page.locator('.panel--chart canvas').first()).toBeVisible({ timeout: 30_000 });
  // The chart's market live too (candles drawn), so that what stays on screen after is its last data.
  await expect(page.getByTestId('price-chart')).not.toHaveAttribute('data-stale', 'true', { timeout: 90_000 });
  // The what-if on the selected position, its figures bright while its snapshot is live.
  const whatIf = page.getByTestId('whatif-panel');
  await expect(whatIf).toBeVisible({ timeout: 30_000 });
  await expect(whatIf).not.toHaveAttribute('data-stale', 'true', { timeout: 90_000 });
  await expect(page.getByTestId('whatif-stale')).toHaveCount(0);

  await webApp.stop();

  await expect(page.getByText('Connection lost — retrying')).toBeVisible();
  const count = await statuses.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index += 1) await expect(statuses.nth(index)).toHaveText('Stale');
  await expect(page.getByTestId('account-freshness').first()).toContainText('connection to LiqLens lost');
  await expect(page.getByTestId('account').first()).toHaveAttribute('data-stale', 'true');
  await expect(page.getByText('Live', { exact: true })).toHaveCount(0);
  // The chart keeps its candles, dimmed: it does not turn into an error page.
  await expect(page.getByTestId('price-chart')).toHaveAttribute('data-stale', 'true');
  await expect(page.getByText(/^Could not load/)).toHaveCount(0);
  // The what-if's figures too: dimmed, and saying why, with the same words as the accounts.
  await expect(whatIf).toHaveAttribute('data-stale', 'true');
  await expect(page.getByTestId('market-context-strip')).toHaveAttribute('data-stale', 'true');
  await expect(page.getByTestId('context-strip-stale')).toHaveText('stale');
  await expect(page.getByTestId('whatif-stale')).toHaveText(
    /^stale · last update \d+ (s|min|h) ago · connection to LiqLens lost$/,
  );
  await expect(page.getByTestId('whatif-liq-current')).toBeVisible();

  await page.screenshot({ path: test.info().outputPath('stale-workspace.png') });
  if (process.env['LIQLENS_README_SCREENSHOTS'] === '1') {
    mkdirSync('docs/screenshots', { recursive: true });
    await page.screenshot({ path: 'docs/screenshots/stale-workspace.png' });
  }
});
