import { expect, test } from '../fixtures';
import { AppPage } from '../pages/app-page';

test.describe('web mode: first start opens the Demo', () => {
  test('welcomes with the Demo selected, then shows a labelled Demo account per venue with live positions and the self-check', async ({
    page,
    webApp,
  }) => {
    const app = new AppPage(page);
    await page.goto(webApp.url);
    await app.waitReady();
    // First start: the dialog offers the Demo, selected and labelled as simulated.
    await expect(app.accountDialog).toBeVisible();
    await expect(app.accountDialog).toContainText('Simulated data, not a real market');
    await page.screenshot({ path: test.info().outputPath('first-start.png') });
    await app.closeWelcome();
    await expect(page.getByTestId('demo-badge')).toBeVisible();

    const accounts = page.getByTestId('account');
    await expect(accounts).toHaveCount(4);
    for (const venue of ['Binance', 'Bybit', 'OKX', 'Hyperliquid']) {
      const account = accounts.filter({ hasText: `Demo · ${venue}` });
      await expect(account).toContainText('Demo');
      await expect(account).toContainText('Live');
    }
    const rows = page.getByTestId('position-row');
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThanOrEqual(10);
    await expect(page.getByTestId('liquidation-price').first()).toContainText(/\d/);
    await expect(page.getByTestId('self-check').filter({ hasText: 'matches' }).first()).toBeVisible();
    // The riskiest position is selected and charted once its market has backfilled.
    await expect(page.locator('tr.is-selected')).toHaveCount(1);
    await expect(page.locator('.panel--chart canvas').first()).toBeVisible({ timeout: 30_000 });
    // The screenshot shows the chart once its cluster profile is drawn (the market's model has loaded).
    await expect
      .poll(() => page.evaluate(() => window.__liqlensChart?.overlayState().profileRows ?? 0), { timeout: 90_000 })
      .toBeGreaterThan(0);
    // The chart says where its market is read: the Demo's simulated venue, not the venue's own.
    await expect(page.getByTestId('chart-source')).toHaveText(/^(Binance|Bybit|OKX|Hyperliquid) · Demo$/);
    await page.screenshot({ path: test.info().outputPath('demo.png') });
  });
});
