import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '../../electron/sim/simulator';
import { expect, test } from '../fixtures';
import { AccountGroup } from '../pages/account-group';
import { AppPage } from '../pages/app-page';

function readOnlyBinanceKey(sim: Simulator): { readonly apiKey: string; readonly secret: string } {
  const key = sim.keys.find((k) => k.venue === 'binance-usdm' && k.apiKey.endsWith('-readonly'));
  if (!key) throw new Error('the simulator should offer a read-only Binance key');
  return key;
}

test.describe('web mode: one venue read at two sources', () => {
  // Tall enough for the Demo's accounts and the keyed one in one picture.
  test.use({ viewport: { width: 1440, height: 1800 } });

  test('the Demo and a keyed account of the same venue on another simulator each show their own market', async ({
    page,
    webApp,
  }) => {
    // The Demo's first start and a second simulator with its own history: past two minutes on a busy machine.
    test.setTimeout(240_000);
    // A different seed: the same instruments at other prices, as a testnet beside the Demo would be.
    const sim = await startSimulator({ seed: 21, scenario: 'calm', speed: 1, historyDays: 0.5, traderCount: 400 });
    try {
      const key = readOnlyBinanceKey(sim);
      const app = new AppPage(page);
      await app.open(webApp.url);
      await app.submitApiKey({
        venueName: 'Binance USDⓈ-M',
        label: 'Binance on a simulator',
        apiKey: key.apiKey,
        apiSecret: key.secret,
        baseUrl: sim.baseUrl('binance-usdm'),
      });
      const dialog = app.accountDialog;
      const keyed = new AccountGroup(page, 'Binance on a simulator');
      await expect(keyed.header).toContainText('Live', { timeout: 30_000 });
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();

      const demo = new AccountGroup(page, 'Demo · Binance USDⓈ-M');
      const demoBtc = demo.rows.filter({ hasText: 'BTC/USDT' }).first();
      const keyedBtc = keyed.rows.filter({ hasText: 'BTC/USDT' }).first();
      await demoBtc.click();
      await expect(page.getByTestId('chart-source')).toHaveText('Binance · Demo');
      await keyedBtc.click();
      await expect(page.getByTestId('chart-source')).toHaveText('Binance · simulator');
      // Each row carries its own source's mark: the two markets are priced apart.
      const markOf = async (row: typeof demoBtc): Promise<string> =>
        (await row.locator('td').nth(3).textContent()) ?? '';
      expect(await markOf(keyedBtc)).not.toBe(await markOf(demoBtc));
      await expect(page.getByTestId('chart-liquidation')).toContainText(/Liq \d/);

      await page.screenshot({ path: test.info().outputPath('two-sources.png') });
      if (process.env['LIQLENS_README_SCREENSHOTS'] === '1') {
        mkdirSync(join('docs', 'screenshots', 'modes'), { recursive: true });
        await page.screenshot({ path: join('docs', 'screenshots', 'modes', 'two-sources.png') });
      }
    } finally {
      await sim.stop();
    }
  });
});
