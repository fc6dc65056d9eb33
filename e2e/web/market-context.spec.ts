import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { venueName } from '../../shared/domain/venue';
import type { MarketContextView } from '../../shared/ipc/views/market-context';
import { expect, test } from '../fixtures';
import { AccountGroup } from '../pages/account-group';
import { AppPage } from '../pages/app-page';

/** Saves a picture of `target` for the README when asked (`LIQLENS_README_SCREENSHOTS=1`), and always to the test's output. */
async function picture(target: Locator, name: string): Promise<void> {
  await target.screenshot({ path: test.info().outputPath(name) });
  if (process.env['LIQLENS_README_SCREENSHOTS'] === '1') {
    mkdirSync(join('docs', 'screenshots'), { recursive: true });
    await target.screenshot({ path: join('docs', 'screenshots', name) });
  }
}

/** The market context answers (`context:get` results) the page received over its WebSocket, newest last. */
function contextAnswers(frames: readonly string[]): MarketContextView[] {
  return frames.flatMap((frame) => {
    const message = JSON.parse(frame) as { type?: string; ok?: boolean; result?: Partial<MarketContextView> };
    return message.type === 'response' && message.ok === true && message.result?.cvd !== undefined
      ? [message.result as MarketContextView]
      : [];
  });
}

test.describe('market context beside the map', () => {
  test('draws the running CVD of the last hours as a sparkline from the taker flow the core sent', async ({
    page,
    webApp,
  }) => {
    test.setTimeout(120_000);
    const frames: string[] = [];
    page.on('websocket', (socket) => socket.on('framereceived', (frame) => frames.push(String(frame.payload))));
    const app = new AppPage(page);
    await app.open(webApp.url);
    await new AccountGroup(page, `Demo · ${venueName('binance-usdm')}`).rows.filter({ hasText: 'BTC' }).first().click();
    const sparkline = page.getByTestId('context-strip-cvd').getByTestId('cvd-sparkline');
    await expect(sparkline).toBeVisible({ timeout: 60_000 });
    await expect(sparkline).toHaveAttribute('role', 'img');
    await expect(sparkline).toHaveAttribute('aria-label', /^CVD over the last 4 h: [+−][\d,.]+k? BTC, between /);

    // The line is the trail the core sent: one point per value, the highest at the top, the lowest at the bottom.
    await expect
      .poll(
        async () => {
          const points = (await sparkline.locator('polyline').getAttribute('points')) ?? '';
          const ys = points.split(' ').map((pair) => Number(pair.split(',')[1]));
          const drawn = contextAnswers(frames).some((answer) => {
            const trail = answer.cvd.state === 'ok' ? answer.cvd.trail : [];
            const top = trail.indexOf(Math.max(...trail));
            const bottom = trail.indexOf(Math.min(...trail));
            return (
              trail.length >= 12 &&
              ys.length === trail.length &&
              ys[top] === Math.min(...ys) &&
              ys[bottom] === Math.max(...ys) &&
              points.startsWith('0.0,') &&
              points.includes(' 48.0,')
            );
          });
          return drawn;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    // The Details panel draws the same line beside the hour's figure.
    await page.getByTestId('market-context-toggle').click();
    await expect(page.getByTestId('context-cvd').getByTestId('cvd-sparkline')).toHaveAttribute(
      'aria-label',
      /^CVD over the last 4 h: /,
    );
  });

  test('shows open interest, funding, CVD, long/short and volume for the charted Demo market, flags short covering in a squeeze, and says which feeds a venue lacks', async ({
    page,
    webApp,
  }) => {
    // A squeeze at 20x must run long enough to move open interest: minutes on a busy machine.
    test.setTimeout(420_000);
    const app = new AppPage(page);
    await app.open(webApp.url);
    const binance = new AccountGroup(page, `Demo · ${venueName('binance-usdm')}`);
    await binance.rows.filter({ hasText: 'BTC' }).first().click();

    // The strip in the chart's title bar shows the figures in one line; "Details" opens the full panel.
    const strip = page.getByTestId('market-context-strip');
    await expect(strip.getByTestId('context-strip-openInterest')).toContainText(/OI [\d,.]+k? BTC [+−]\d+\.\d %/, {
      timeout: 60_000,
    });
    await expect(strip.getByTestId('context-strip-funding')).toContainText(/Funding −?\d\.\d{4} % · \d/);
    const details = strip.getByTestId('market-context-toggle');
    const openDetails = async (): Promise<void> => {
      if ((await details.getAttribute('aria-expanded')) !== 'true') await details.click();
      await expect(details).toHaveAttribute('aria-expanded', 'true');
    };
    await openDetails();
    const context = page.getByTestId('market-context');
    await expect(context).toContainText('Market context · Binance');
    const openInterest = context.getByTestId('context-openInterest');
    await expect(openInterest).toHaveAttribute('data-state', 'ok', { timeout: 60_000 });
    await expect(openInterest).toContainText(/BTC/);
    await expect(openInterest).toContainText(/1 h [+−]\d+\.\d % · 24 h [+−]\d+\.\d %/);
    await expect(context.getByTestId('context-funding')).toContainText(/\d\.\d{4} %.*settles in \d/s);
    await expect(context.getByTestId('context-cvd')).toContainText(/1 h [+−][\d,.]+k? BTC/);
    await expect(context.getByTestId('context-longShort')).toHaveAttribute('data-state', 'ok');
    await expect(context.getByTestId('context-volume')).toContainText(/24 h \$[\d.]+[kMB]/);
    await expect(page.getByTestId('market-context-freshness')).toHaveCount(0);

    // The Demo's control: a short squeeze at 20x drives price up while shorts are liquidated.
    const control = page.getByTestId('demo-control');
    await expect(control).toHaveAttribute('data-scenario', 'calm');
    await control.getByRole('radio', { name: 'Squeeze' }).click();
    await control.getByRole('radio', { name: '20x' }).click();
    await expect(control).toHaveAttribute('data-scenario', 'squeeze');
    await expect(control).toHaveAttribute('data-speed', '20');
    // A press outside (the Demo's control) closes the details, as a popover does; the strip counts the flag.
    await expect(context).toHaveCount(0);
    await expect(strip.getByTestId('context-strip-openInterest')).toHaveClass(/context-strip__item--flagged/, {
      timeout: 180_000,
    });
    await expect(strip.getByTestId('context-strip-flags')).toContainText(/⚠ \d divergences?/);
    // Too narrow for every figure: whole figures give way, lowest priority first, the warning last;
    // none is cut, and Details counts the ones it holds.
    await page.setViewportSize({ width: 1024, height: 768 });
    await expect.poll(() => page.evaluate(() => window.innerWidth)).toBe(1024);
    const hiddenItems = strip.locator('li[hidden]');
    await expect.poll(() => hiddenItems.count()).toBeGreaterThan(0);
    await expect(details).toHaveText(`Details +${await hiddenItems.count()}`);
    await expect(strip.getByTestId('context-strip-flags')).toBeVisible();
    const cut = await strip.evaluate((element) => {
      const list = element.querySelector('ul')?.getBoundingClientRect();
      return [...element.querySelectorAll('li:not([hidden])')]
        .filter((li) => {
          const box = li.getBoundingClientRect();
          return !list || box.left < list.left - 0.5 || box.right > list.right + 0.5;
        })
        .map((li) => li.getAttribute('data-testid'));
    });
    expect(cut, 'figures cut by the strip at 1024x768').toEqual([]);
    await page.setViewportSize({ width: 1440, height: 900 });
    await expect.poll(() => page.evaluate(() => window.innerWidth)).toBe(1440);
    await openDetails();
    const flag = context.getByTestId('context-flag').filter({ hasText: 'short covering, not new longs' });
    await expect(flag).toBeVisible({ timeout: 60_000 });
    await expect(flag).toContainText(/^Price up \d+\.\d % in 1 h, open interest falling/);
    await expect(openInterest).toHaveClass(/context-row--flagged/);
    // Tall enough that the whole panel shows over the chart without scrolling (the picture is of the panel alone).
    await page.setViewportSize({ width: 1440, height: 1600 });
    await context.scrollIntoViewIfNeeded();
    await picture(context, 'market-context.png');
    await page.setViewportSize({ width: 1440, height: 900 });

    // Back to calm at 1x; then a Hyperliquid market, whose venue publishes no ratio and no OI history.
    await control.getByRole('radio', { name: 'Calm' }).click();
    await control.getByRole('radio', { name: '1x' }).click();
    await expect(control).toHaveAttribute('data-speed', '1');
    await new AccountGroup(page, `Demo · ${venueName('hyperliquid')}`).rows.first().click();
    await expect(strip.getByTestId('context-strip-longShort')).toHaveAttribute(
      'title',
      'Hyperliquid does not publish a long/short account ratio.',
      { timeout: 60_000 },
    );
    await openDetails();
    await expect(context).toContainText('Market context · Hyperliquid');
    await expect(context.getByTestId('context-longShort')).toContainText(
      'Hyperliquid does not publish a long/short account ratio.',
      { timeout: 60_000 },
    );
    await expect(openInterest).toContainText('Hyperliquid does not publish open-interest history');
    await expect(context.getByTestId('context-funding')).toContainText(/every 1 h/);
  });
});
