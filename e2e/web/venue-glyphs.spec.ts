import { venueName } from '../../shared/domain/venue';
import { expect, test } from '../fixtures';
import { AccountGroup } from '../pages/account-group';
import { AppPage } from '../pages/app-page';

test.describe('web mode: the venues written as they write themselves', () => {
  test('"Binance USDⓈ-M" draws its circled S from the bundled symbols font, not an empty box', async ({
    page,
    webApp,
  }) => {
    const app = new AppPage(page);
    await app.open(webApp.url);
    expect(venueName('binance-usdm')).toBe('Binance USDⓈ-M');
    const binance = new AccountGroup(page, `Demo · ${venueName('binance-usdm')}`);
    await expect(binance.header).toBeVisible({ timeout: 60_000 });
    // The face is fetched only for a letter of its block on screen: loaded means the page drew the Ⓢ with it.
    await expect
      .poll(() =>
        page.evaluate(async () => {
          await document.fonts.ready;
          return [...document.fonts].some(
            (face) => face.family.includes('LiqLens Symbols') && face.status === 'loaded',
          );
        }),
      )
      .toBe(true);
    expect(await page.evaluate(() => document.fonts.check('13px "LiqLens Symbols"', 'Ⓢ'))).toBe(true);
    // The market context's title writes the venue in full: the picture to look at.
    await binance.rows.filter({ hasText: 'BTC' }).first().click();
    await page.getByTestId('market-context-toggle').click();
    const title = page.locator('#market-context-title');
    await expect(title).toHaveText('Market context · Binance USDⓈ-M');
    await title.screenshot({ path: test.info().outputPath('venue-glyph.png') });
  });
});
