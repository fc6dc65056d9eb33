import { expect, test } from '../fixtures';
import { AppPage } from '../pages/app-page';

test.describe('web mode: first start opens the Demo', () => {
  test('shows one clearly labelled Demo account per venue with live positions and the self-check', async ({ page, webApp }) => {
    const app = new AppPage(page);
    await app.open(webApp.url);
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
    // Every row shows the exchange's liquidation price and how LiqLens's own figure compares.
    await expect(page.getByTestId('liquidation-price').first()).toContainText(/\d/);
    await expect(page.getByTestId('self-check').filter({ hasText: 'matches' }).first()).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('demo.png'), fullPage: true });
  });
});
