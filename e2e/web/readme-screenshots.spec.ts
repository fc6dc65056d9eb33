import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type {} from '../../renderer/src/app/chart-probe';
import { expect, test } from '../fixtures';
import { venueName } from '../../shared/domain/venue';
import { AccountGroup } from '../pages/account-group';
import { AppPage } from '../pages/app-page';

/** The window sizes the README shows the workspace at. */
const sizes = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;

test.describe('web mode: the README pictures of the workspace', () => {
  test('the Demo workspace at 1440x900 and 1280x720 in both themes, with the chart, its clusters and every panel drawn', async ({
    page,
    webApp,
  }) => {
    test.setTimeout(420_000);
    const app = new AppPage(page);
    await app.open(webApp.url);
    await expect(page.getByTestId('whatif-panel')).toBeVisible({ timeout: 60_000 });
    await app.waitForChart();
    // The same position in every picture (isolated, so the what-if carries no approximation note):
    // otherwise the riskiest position of whichever account answers first is shown.
    await new AccountGroup(page, `Demo · ${venueName('bybit-linear')}`).rows.filter({ hasText: 'ETH' }).first().click();
    await expect(page.getByTestId('chart-source')).toContainText('Bybit', { timeout: 120_000 });
    await app.waitForChart();
    await expect
      .poll(() => page.evaluate(() => window.__liqlensChart?.overlayState().profileRows ?? 0), { timeout: 120_000 })
      .toBeGreaterThan(0);
    // Every position's nearest cluster read, none still loading ("…"): the core builds the map of a
    // market not on the chart after the charted one.
    const clusters = page.getByTestId('positions-table').getByTestId('nearest-cluster');
    await expect(clusters.first()).toBeVisible();
    await expect(
      page.getByTestId('positions-table').locator('[data-testid="nearest-cluster"][data-state="loading"]'),
    ).toHaveCount(0, {
      timeout: 180_000,
    });
    // Every run takes the pictures (into the test's output); `LIQLENS_README_SCREENSHOTS=1` also
    // writes them into docs/screenshots/ for the README.
    const toDocs = process.env['LIQLENS_README_SCREENSHOTS'] === '1';
    if (toDocs) mkdirSync(join('docs', 'screenshots'), { recursive: true });
    for (const size of sizes) {
      await page.setViewportSize(size);
      await expect.poll(() => page.evaluate(() => window.innerWidth)).toBe(size.width);
      for (const theme of ['dark', 'light'] as const) {
        if ((await app.theme()) !== theme) await page.keyboard.press('t');
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        // The data folder's path changes every run; the picture shows no machine's path.
        await page.getByTestId('data-dir').evaluate((element) => (element.textContent = 'Data: ~/.config/LiqLens'));
        const name = `workspace-${size.width}x${size.height}-${theme}.png`;
        await page.screenshot({ path: test.info().outputPath(name) });
        if (toDocs) await page.screenshot({ path: join('docs', 'screenshots', name) });
      }
    }
  });
});
