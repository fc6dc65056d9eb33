import { mkdirSync } from 'node:fs';
import type {} from '../../renderer/src/app/chart-probe';
import { connectContractClient } from '../../electron/cli/bench/contract-client';
import { expect, test } from '../fixtures';
import { AppPage } from '../pages/app-page';
import { accountRows } from '../pages/account-group';

test.describe('web mode: threshold lines and quieting a position', () => {
  test('the chart names each threshold line by its rule and level, and a rule switched off takes its lines away', async ({
    page,
    webApp,
  }) => {
    const app = new AppPage(page);
    await app.open(webApp.url);
    // The Demo's position close to liquidation, charted.
    const showCloseEthLong = async (): Promise<void> => {
      await accountRows(page, 'Demo · Bybit').filter({ hasText: 'isolated 25x' }).click();
      await expect(page.locator('tr.is-selected')).toContainText('ETH/USDT');
      await expect(page.locator('.panel--chart canvas').first()).toBeVisible({ timeout: 30_000 });
    };
    await showCloseEthLong();
    const titles = (): Promise<string[]> =>
      page.evaluate(() => window.__liqlensChart?.priceLineTitles().filter((title) => /MR|away/.test(title)) ?? []);
    // About 2 % from liquidation: the margin-ratio levels lie ahead, and every distance level is passed.
    await expect.poll(titles, { timeout: 30_000 }).toEqual(['MR 50 %', 'MR 70 %', 'MR 85 %']);
    await expect
      .poll(() => page.evaluate(() => window.__liqlensChart?.overlayState().profileRows ?? 0), { timeout: 90_000 })
      .toBeGreaterThan(0);
    mkdirSync('docs/screenshots', { recursive: true });
    await page.getByTestId('price-chart').screenshot({ path: test.info().outputPath('threshold-lines.png') });
    if (process.env['LIQLENS_README_SCREENSHOTS'] === '1')
      await page.getByTestId('price-chart').screenshot({ path: 'docs/screenshots/threshold-lines.png' });

    // The margin-ratio rule switched off: its lines go (the page reads the settings when it opens).
    const url = new URL(webApp.url);
    const client = await connectContractClient(Number(url.port), url.searchParams.get('token') ?? '');
    try {
      await client.request('alerts:config-set', { config: { rules: { marginRatio: { enabled: false } } } });
    } finally {
      await client.close();
    }
    await app.open(webApp.url);
    await showCloseEthLong();
    await expect.poll(() => page.evaluate(() => window.__liqlensChart?.priceLineTitles() ?? [])).toContain('Entry');
    expect((await titles()).filter((title) => title.startsWith('MR'))).toEqual([]);
  });

  test('snoozes and acknowledges a position from the keyboard, and the core keeps both', async ({ page, webApp }) => {
    const app = new AppPage(page);
    await app.open(webApp.url);
    const row = page.getByTestId('active-alert-row').filter({ hasText: 'Demo · Bybit · ETH/USDT long' });
    await expect(row).toHaveCount(1);
    await row.getByRole('combobox', { name: /Snooze alerts of Demo · Bybit ETH\/USDT long/ }).selectOption('1h');
    await expect(row.getByTestId('active-alert-state')).toContainText('Snoozed until');
    await row.getByRole('button', { name: /Acknowledge alerts of/ }).focus();
    await page.keyboard.press('Enter');
    await expect(row.getByTestId('active-alert-state')).toContainText('Acknowledged at critical');
    await expect(row.getByRole('button', { name: /Acknowledge alerts of/ })).toBeDisabled();
    // Opened again, the page reads both back from the core.
    await app.open(webApp.url);
    await expect(
      page.getByTestId('active-alert-row').filter({ hasText: 'Demo · Bybit' }).getByTestId('active-alert-state'),
    ).toContainText(/Snoozed until .*Acknowledged at critical/);
  });
});
