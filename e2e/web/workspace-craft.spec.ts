import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { AppPage } from '../pages/app-page';

/** The margin ratios the table shows, top to bottom, as fractions (a dash reads as null). */
async function marginRatios(page: Page): Promise<(number | null)[]> {
  const texts = await page.getByTestId('position-row').locator('.gauge__value').allTextContents();
  return texts.map((text) => (/\d/.test(text) ? Number.parseFloat(text) / 100 : null));
}

/** The text of the selected row's first cell ("Long BTC/USDT" and its account). */
function selectedRow(page: Page): Locator {
  return page.locator('tr.is-selected td').first();
}

test.describe('web mode: sorting, remembering and the keyboard', () => {
  test('the positions sort by keyboard and mouse with aria-sort, the sort, the selection and the closed welcome survive a reload, and the shortcuts and popover work', async ({
    page,
    webApp,
  }) => {
    test.setTimeout(240_000);
    const app = new AppPage(page);
    await page.goto(webApp.url);
    await app.waitReady();
    // A true first start welcomes; once closed it does not come back on a reload.
    await expect(app.accountDialog).toBeVisible();
    await app.closeWelcome();
    const rows = page.getByTestId('position-row');
    await expect(rows.nth(9)).toBeVisible();

    // Every row says PnL in money and percent, notional, margin with mode and leverage, and its account.
    const first = rows.first();
    await expect(first.getByTestId('position-pnl')).toHaveText(/^[+−]?\$[\d,.]+k?[+−]?[\d.]+ %$/);
    await expect(first.getByTestId('position-margin')).toHaveText(/^\$[\d,.]+k?(isolated|cross)( \d+x)?$/);
    await expect(first.getByTestId('position-account')).toHaveText(/^Demo · /);
    await expect(first.getByTestId('position-adl')).toHaveText(/\d\/\d|—/);

    // Sorting with the keyboard: Tab to the header's button and press Enter; aria-sort says the order.
    const ratioHeader = page.getByTestId('column-margin-ratio');
    await expect(ratioHeader).toHaveAttribute('aria-sort', 'none');
    await page.getByTestId('sort-marginRatio').focus();
    await page.keyboard.press('Enter');
    await expect(ratioHeader).toHaveAttribute('aria-sort', 'descending');
    const descending = (await marginRatios(page)).filter((ratio): ratio is number => ratio !== null);
    expect(descending.length).toBeGreaterThan(5);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    await page.keyboard.press('Enter');
    await expect(ratioHeader).toHaveAttribute('aria-sort', 'ascending');
    const ascending = (await marginRatios(page)).filter((ratio): ratio is number => ratio !== null);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

    // Pick a row that is not the one chosen for the user, then reload: the sort and the pick stay.
    const pick = rows.nth(3);
    await pick.click();
    await expect(pick).toHaveClass(/is-selected/);
    const picked = (await selectedRow(page).textContent()) ?? '';
    await page.reload();
    await app.waitReady();
    await expect(page.getByTestId('accounts-menu')).toBeVisible();
    await expect(rows.nth(9)).toBeVisible();
    await expect(app.accountDialog).toBeHidden();
    await expect(ratioHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(selectedRow(page)).toHaveText(picked);

    // The accounts popover closes on a click elsewhere and on Escape (the focus back on its button).
    const menu = page.getByTestId('accounts-menu');
    const popover = page.getByRole('region', { name: 'Accounts' });
    await menu.click();
    await expect(popover).toBeVisible();
    await page.getByTestId('panel-positions').locator('.panel__header').click();
    await expect(popover).toBeHidden();
    await menu.click();
    await expect(popover).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(popover).toBeHidden();
    await expect(menu).toBeFocused();

    // `?` lists the shortcuts; Escape closes the list.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    const help = page.getByTestId('shortcut-help');
    await expect(help).toBeVisible();
    await expect(help).toContainText('Next position in the table');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    // 1-5 choose the timeframe, H the heatmap, J and K walk the rows in the table's order.
    const timeframe = page.getByTestId('chart-timeframe');
    await page.keyboard.press('1');
    await expect(timeframe.getByRole('radio', { name: '1m' })).toHaveAttribute('aria-checked', 'true');
    await page.keyboard.press('4');
    await expect(timeframe.getByRole('radio', { name: '1h' })).toHaveAttribute('aria-checked', 'true');
    const heatmap = page.getByTestId('chart-heatmap-toggle');
    await expect(heatmap).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('h');
    await expect(heatmap).toHaveAttribute('aria-pressed', 'false');
    const index = async (): Promise<number> =>
      rows.evaluateAll((all) => all.findIndex((row) => row.classList.contains('is-selected')));
    const before = await index();
    await page.keyboard.press('j');
    await expect.poll(index).toBe((before + 1) % (await rows.count()));
    await page.keyboard.press('k');
    await expect.poll(index).toBe(before);

    // R returns the what-if to the live position from anywhere.
    const reset = page.getByTestId('whatif-reset');
    await expect(reset).toBeDisabled();
    const leverage = page.getByTestId('whatif-leverage');
    await leverage.focus();
    await page.keyboard.press('Home');
    await expect(reset).toBeEnabled();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('r');
    await expect(reset).toBeDisabled();
  });
});
