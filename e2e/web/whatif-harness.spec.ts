import { expect, test } from '@playwright/test';
import { createServer, type ViteDevServer } from 'vite';
import { applyWhatIf } from '../../shared/risk';
import { demoBinanceRisk, demoBybitRisk } from '../../renderer/src/features/whatif/fixtures/demo-account';
import { formatPrice } from '../../renderer/src/features/positions/format';
import { closeOutcome } from '../../renderer/src/features/whatif/close-outcome';
import { formatMoney } from '../../renderer/src/lib/format-money';
import { WhatIfHarnessPage } from '../pages/whatif-harness-page';

/**
 * The what-if panel and the add-account dialog on the harness page (Demo fixture data), until the
 * workspace mounts them: what a trader sees when dragging, refusing and resetting.
 */
let server: ViteDevServer;
let baseUrl = '';

test.beforeAll(async () => {
  server = await createServer({
    configFile: 'vite.whatif-harness.config.ts',
    logLevel: 'warn',
    server: { port: 0, host: '127.0.0.1' },
  });
  await server.listen();
  baseUrl = server.resolvedUrls?.local[0] ?? '';
  expect(baseUrl).not.toBe('');
});

test.afterAll(async () => {
  await server.close();
});

test.describe('what-if panel', () => {
  test('the leverage slider moved with the keyboard shows the liquidation price shared/risk gives', async ({
    page,
  }) => {
    const harness = new WhatIfHarnessPage(page);
    await harness.open(baseUrl);
    await harness.pick('bybit ETHUSDT long');
    await expect(harness.liquidationNow).toHaveText('2,542.47');
    await harness.leverage.focus();
    for (let step = 0; step < 5; step++) await page.keyboard.press('ArrowLeft');
    await expect(harness.leverage).toHaveAttribute('aria-valuetext', '20x');
    // Bybit resets the isolated margin to the new leverage's initial margin: the price moves away.
    const expected =
      applyWhatIf(demoBybitRisk, [{ symbol: 'ETHUSDT', side: 'long', op: 'setLeverage', leverage: 20 }]).positions[2]
        ?.liquidationPrice ?? null;
    await expect(harness.liquidationNext).toHaveText(formatPrice(expected, 0.01));
    await expect(harness.delta).toContainText('further from the mark');
    await expect(harness.ghost).toHaveText(formatPrice(expected, 0.01));
    await page.screenshot({ path: test.info().outputPath('whatif-leverage.png') });
  });

  test('removing more than the venue maximum shows the reason and leaves the price', async ({ page }) => {
    const harness = new WhatIfHarnessPage(page);
    await harness.open(baseUrl);
    await harness.pick('binance ETHUSDT short');
    await expect(harness.maxRemovable).toContainText('max removable $');
    await page.getByTestId('whatif-collateral-side').getByText('Remove').click();
    await harness.collateral.fill('100000');
    await expect(harness.refusals).toHaveCount(1);
    await expect(harness.refusals).toContainText(
      /Refused by the venue's rules: at most [\d.]+ can be removed from ETHUSDT short on Binance USDⓈ-M/,
    );
    await expect(harness.delta).toHaveText('unchanged');
    const live = applyWhatIf(demoBinanceRisk, []).positions[2]?.liquidationPrice ?? null;
    await expect(harness.liquidationNext).toHaveText(formatPrice(live, 0.01));
  });

  test('Escape returns to the live state and clears the ghost', async ({ page }) => {
    const harness = new WhatIfHarnessPage(page);
    await harness.open(baseUrl);
    await harness.collateral.fill('400');
    await expect(harness.liquidationNext).toBeVisible();
    await expect(harness.ghost).not.toHaveText('none');
    await harness.collateral.press('Escape');
    await expect(harness.liquidationNext).toHaveCount(0);
    await expect(harness.delta).toHaveText('Live state: change a control below');
    await expect(harness.collateral).toHaveValue('');
    await expect(harness.ghost).toHaveText('none');
  });

  test('closing half of the hedged BTC long shows "none within reach", the exact root on hover, and no ghost line', async ({
    page,
  }) => {
    const harness = new WhatIfHarnessPage(page);
    await harness.open(baseUrl);
    await harness.pick('binance BTCUSDT long');
    await expect(harness.liquidationNow).toHaveText('22,806.8');
    await page.getByRole('button', { name: '50 %', exact: true }).click();
    await expect(harness.liquidationNext).toHaveText('none within reach');
    await expect(harness.liquidationNext).toHaveAttribute(
      'title',
      /^Exact root 1,409,2\d\d,\d{3}\.\d: more than 10x away/,
    );
    await expect(harness.delta).toHaveText('moved beyond reach · further from the mark');
    // The chart gets no price to draw, so it cannot rescale to 1.4 billion.
    await expect(harness.ghost).toHaveText('—');
    await page.screenshot({ path: test.info().outputPath('whatif-beyond-reach.png') });
  });

  test('moving the price past the liquidation shows "liquidated at P" and a liquidated margin ratio', async ({
    page,
  }) => {
    const harness = new WhatIfHarnessPage(page);
    await harness.open(baseUrl);
    await harness.pick('binance ETHUSDT short');
    await expect(harness.liquidationNow).toHaveText('2,812.70');
    // +12 % puts the mark at about 2,907, past the short's liquidation at 2,812.70.
    await page.getByTestId('whatif-price').fill('12');
    await expect(harness.liquidationNext).toHaveText('liquidated at 2,812.70');
    await expect(harness.delta).toHaveText('liquidated: the mark reaches the liquidation price');
    await expect(harness.marginRatio).toHaveText(/^liquidatedwas [\d.]+ %$/);
    await expect(harness.ghost).toHaveText('2,812.70');
    await page.screenshot({ path: test.info().outputPath('whatif-liquidated.png') });
  });

  test('"put my liquidation beyond" answers with the collateral, and trying it lands on the target', async ({
    page,
  }) => {
    const harness = new WhatIfHarnessPage(page);
    await harness.open(baseUrl);
    await page.getByRole('textbox', { name: 'Target liquidation price' }).fill('2450');
    const answer = page.getByTestId('whatif-target-answer');
    await expect(answer).toContainText(/Add \$[\d.,]+ of collateral/);
    await answer.getByRole('button', { name: 'Try it' }).first().click();
    // The answer is rounded up to the cent, so the new price sits just beyond the target.
    await expect(harness.liquidationNext).toHaveText(/^2,4(49|50)\.\d\d$/);
  });
});

test.describe('what-if polish', () => {
  test('a cluster chip fills a price on the tick, a stated buffer past the cluster', async ({ page }) => {
    const harness = new WhatIfHarnessPage(page);
    await harness.open(baseUrl);
    await harness.pick('bybit ETHUSDT long');
    await expect(page.getByTestId('whatif-beyond-buffer')).toContainText('0.5 % of the mark past its far edge');
    const chip = page.getByTestId('whatif-cluster-chip').first();
    await chip.click();
    const target = page.getByRole('textbox', { name: 'Target liquidation price' });
    // ETHUSDT's tick is 0.01: never more than two decimals (the cluster edge itself has eight).
    await expect(target).toHaveValue(/^\d+(\.\d{1,2})?$/);
    const chipPrice = ((await chip.textContent()) ?? '').split('@')[1]?.trim() ?? '';
    expect(formatPrice(Number(await target.inputValue()), 0.01)).toBe(chipPrice);
  });

  test('"+500" adds to the amount; closing part shows the PnL it realizes and the margin it frees', async ({
    page,
  }) => {
    const harness = new WhatIfHarnessPage(page);
    await harness.open(baseUrl);
    await harness.pick('bybit ETHUSDT long');
    await harness.collateral.fill('250');
    await page.getByRole('button', { name: '+500' }).click();
    await expect(harness.collateral).toHaveValue('750');
    await page.getByRole('button', { name: '+500' }).click();
    await expect(harness.collateral).toHaveValue('1250');
    await harness.collateral.fill('');
    await page.getByRole('button', { name: '25 %', exact: true }).click();
    const expected = closeOutcome(demoBybitRisk, { symbol: 'ETHUSDT', side: 'long' }, 0.25);
    await expect(page.getByTestId('whatif-close-outcome')).toHaveText(
      `Realizes ${formatMoney(expected?.realizedPnl ?? null)} PnL · frees ${formatMoney(expected?.freedMargin ?? null)} margin`,
    );
  });

  test('a refusal appears without moving the controls', async ({ page }) => {
    const harness = new WhatIfHarnessPage(page);
    await harness.open(baseUrl);
    await harness.pick('binance ETHUSDT short');
    // Mid-change: adding 100 is accepted; turning it into a removal beyond the maximum is refused.
    await harness.collateral.fill('100');
    await expect(harness.liquidationNext).toBeVisible();
    await expect(harness.refusals).toHaveCount(0);
    // Every control keeps its row: the vertical position of the sliders and the amount field.
    const rows = async () =>
      Promise.all(
        [harness.leverage, harness.collateral, page.getByTestId('whatif-close'), page.getByTestId('whatif-price')].map(
          async (control) => (await control.boundingBox())?.y,
        ),
      );
    const before = await rows();
    await page.getByTestId('whatif-collateral-side').getByText('Remove').click();
    await expect(harness.refusals).toHaveCount(1);
    expect(await rows()).toEqual(before);
    await page.screenshot({ path: test.info().outputPath('whatif-refusal-in-place.png') });
  });

  test('says how each venue closes the position: all at once on Bybit in the lowest tier, an unpublished first cut on Binance', async ({
    page,
  }) => {
    const harness = new WhatIfHarnessPage(page);
    await harness.open(baseUrl);
    await harness.pick('bybit ETHUSDT long');
    const steps = page.getByTestId('whatif-liquidation-steps');
    await expect(steps.getByTestId('whatif-steps-summary')).toHaveText(
      `All at once at ${await harness.liquidationNow.textContent()}: the whole 10 ETH.`,
    );
    await expect(steps.getByTestId('whatif-steps-rule')).toContainText('Bybit cuts a position above its lowest');
    await harness.pick('binance ETHUSDT short');
    await expect(steps.getByTestId('whatif-steps-summary')).toContainText('A first cut of unpublished size');
    await expect(steps.getByTestId('whatif-steps-rule')).toContainText('Binance');
  });
});

test.describe('add-account dialog', () => {
  test('A opens it; field messages, a bad key in plain words, a trading key warned; Escape closes', async ({
    page,
  }) => {
    const harness = new WhatIfHarnessPage(page);
    await harness.open(baseUrl, '?delay=150');
    await page.locator('body').press('a');
    await expect(harness.dialog).toBeVisible();
    await page.getByTestId('add-account-submit').click();
    await expect(harness.dialog.getByText('looks too short for an API key')).toBeVisible();
    await page.getByTestId('acc-api-key').fill('bad-key-12345678');
    await page.getByTestId('acc-api-secret').fill('secret-12345678');
    await page.getByTestId('add-account-submit').click();
    await expect(page.getByTestId('add-account-error')).toContainText('Binance rejected the key');
    await expect(page.getByTestId('acc-api-secret')).toHaveValue('');
    await page.getByTestId('acc-api-key').fill('trade-key-12345678');
    await page.getByTestId('acc-api-secret').fill('secret-12345678');
    await page.getByTestId('add-account-submit').click();
    await expect(page.getByTestId('add-account-permissions')).toContainText('This key can trade');
    await page.screenshot({ path: test.info().outputPath('add-account-warning.png') });
    await page.keyboard.press('Escape');
    await expect(harness.dialog).toBeHidden();
    await page.getByTestId('accounts-menu').click();
    await expect(page.getByTestId('accounts-item')).toHaveCount(4);
    await expect(page.getByTestId('accounts-item').last()).toContainText('This key can trade');
  });

  test('a Hyperliquid address is validated before anything is sent', async ({ page }) => {
    const harness = new WhatIfHarnessPage(page);
    await harness.open(baseUrl, '?firstRun=1');
    await expect(harness.dialog).toBeVisible();
    await expect(page.getByTestId('acc-demo')).toContainText('Simulated data, not a real market');
    await page.getByTestId('acc-choice-address').click();
    await page.getByTestId('acc-address').fill('0x1234');
    await page.getByTestId('add-account-submit').click();
    await expect(harness.dialog.getByText('must be a 0x address of 40 hex digits')).toBeVisible();
    await expect(page.getByTestId('add-account-status')).toBeEmpty();
  });
});
