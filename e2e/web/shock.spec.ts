import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { AppPage } from '../pages/app-page';
import { overflowingIn } from '../pages/layout-boxes';

/** Reads "$12,345.67" / "−$1,234" as a number. */
function money(text: string | null): number {
  const cleaned = (text ?? '').replace(/[$,\s]/g, '').replace('−', '-');
  return Number(cleaned);
}

test.describe('web mode: the portfolio shock test on the simulated Demo', () => {
  test('"BTC −10 %" lists which positions liquidate, in order, and the equity left per account', async ({
    page,
    webApp,
  }) => {
    const app = new AppPage(page);
    test.setTimeout(240_000);
    await app.open(webApp.url);
    await expect(page.getByTestId('position-row').first()).toBeVisible();
    const open = page.getByTestId('shock-open');
    await open.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('shock-dialog');
    await expect(dialog).toBeVisible();

    // No move, no liquidation: the list is empty and every account keeps its equity.
    await dialog.getByTestId('shock-move-number').fill('0');
    await expect(dialog.getByTestId('shock-summary')).toContainText('No position liquidates');
    await expect(dialog.getByTestId('shock-liquidation')).toHaveCount(0);

    await dialog.getByTestId('shock-preset').click();
    await expect(dialog.getByTestId('shock-move-number')).toHaveValue('-10');
    // The preset moves the other coins by their beta to BTC, from hourly candles of a venue holding both.
    await expect(dialog.getByRole('radio', { name: 'By beta to BTC' })).toHaveAttribute('aria-checked', 'true');
    const eth = dialog.getByTestId('shock-coin').filter({ hasText: /^ETH/ });
    await expect(eth).toContainText(/β −?\d+\.\d\d to BTC|no beta: /, { timeout: 60_000 });
    // The rest of this test moves ETH with BTC, one for one, so that what liquidates does not hang on the Demo's beta.
    await dialog.getByRole('radio', { name: 'Same as BTC' }).click();
    await expect(eth).toContainText('same as BTC');
    await expect(dialog.getByTestId('shock-summary')).toContainText(/\d+ of \d+ positions liquidate, first at BTC −/);
    // The Demo's Bybit ETH long at 25x goes when ETH falls with BTC, at a stated ETH move and mark.
    const liquidations = dialog.getByTestId('shock-liquidation');
    const bybitEth = liquidations.filter({ hasText: 'ETH/USDT long' }).filter({ hasText: 'Bybit' });
    await expect(bybitEth).toHaveCount(1);
    await expect(bybitEth).toContainText(/at ETH −\d+\.\d %.*, mark [\d,]+\.\d+/);
    // In order: each one is reached no later than the next.
    const reached = (await liquidations.allTextContents()).map((text) => {
      const match = /at BTC (−?[\d.]+) %|\(BTC (−?[\d.]+) %\)/.exec(text.replace(/\+/g, ''));
      return Number((match?.[1] ?? match?.[2] ?? '0').replace('−', '-'));
    });
    expect(reached).toEqual([...reached].sort((a, b) => b - a));
    // Every Demo account is listed; the one in OKX multi-currency says its figures are approximate.
    const accounts = dialog.getByTestId('shock-account');
    await expect(accounts).toHaveCount(4);
    await expect(accounts.filter({ hasText: 'OKX' })).toContainText('Approximate:');
    const bybit = accounts.filter({ hasText: 'Bybit' });
    const [now, after] = await Promise.all([
      bybit.locator('td').nth(0).textContent(),
      bybit.getByTestId('shock-equity-after').textContent(),
    ]);
    expect(money(after)).toBeLessThan(money(now));
    await expect(bybit.locator('td').nth(3)).toContainText(/^[1-9]\d* of \d+$/);

    // Nothing runs into its neighbour: each part of a liquidation row, and the controls column, holds its own text.
    const overflowing = await overflowingIn(dialog, '.shock-item > *, .shock-controls');
    expect(overflowing).toEqual([]);

    await dialog.screenshot({ path: test.info().outputPath('shock-test.png') });
    if (process.env['LIQLENS_README_SCREENSHOTS'] === '1') {
      mkdirSync('docs/screenshots', { recursive: true });
      await page.screenshot({ path: join('docs', 'screenshots', 'shock-test.png') });
    }

    // Each coin by hand: ETH held still, BTC −10 % no longer takes the ETH long.
    await dialog.getByRole('radio', { name: 'By hand' }).click();
    await dialog.getByLabel('ETH move, percent').fill('0');
    await expect(liquidations.filter({ hasText: 'ETH/USDT long' })).toHaveCount(0);

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(open).toBeFocused();
  });
});
