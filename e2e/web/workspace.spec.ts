import { mkdirSync } from 'node:fs';
import type {} from '../../renderer/src/app/chart-probe';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { connectContractClient } from '../../electron/cli/bench/contract-client';
import { startSimulator, type Simulator } from '../../electron/sim/simulator';
import { applyWhatIf } from '../../shared/risk';
import { formatUsdCompact } from '../../renderer/src/features/chart/usd-compact';
import { formatPrice } from '../../renderer/src/features/positions/format';
import { expect, test, type WebApp } from '../fixtures';
import { accountRows } from '../pages/account-group';
import { AppPage } from '../pages/app-page';
import { overflowingIn } from '../pages/layout-boxes';

/** The contract client the test uses to read what the app's core holds (the same numbers the page shows). */
async function coreClient(webApp: WebApp) {
  const url = new URL(webApp.url);
  return connectContractClient(Number(url.port), url.searchParams.get('token') ?? '');
}

async function selectRow(page: Page, accountLabel: string, text: string): Promise<void> {
  await accountRows(page, accountLabel).filter({ hasText: text }).first().click();
}

test.describe('web mode: the workspace on the simulated Demo', () => {
  test("the chart shows the selected position's liquidation line and the cluster profile", async ({ page, webApp }) => {
    const app = new AppPage(page);
    await app.open(webApp.url);
    const selectedLiq = page.locator('tr.is-selected').getByTestId('liquidation-price');
    await expect(selectedLiq).toContainText(/\d/);
    const liqText = ((await selectedLiq.textContent()) ?? '').split(' ')[0] ?? '';
    await expect(page.getByTestId('price-chart')).toContainText(`Liq ${liqText}`, { timeout: 30_000 });
    await expect
      .poll(() => page.evaluate(() => window.__liqlensChart?.overlayState().profileRows ?? 0), { timeout: 30_000 })
      .toBeGreaterThan(0);
    const state = await page.evaluate(() => window.__liqlensChart?.overlayState());
    expect(state?.cascadeUsd).not.toBeNull();
    await page.screenshot({ path: test.info().outputPath('workspace-dark.png') });
    // The README's screenshots come from this run when asked for.
    if (process.env['LIQLENS_README_SCREENSHOTS'] === '1') {
      mkdirSync('docs/screenshots', { recursive: true });
      await page.screenshot({ path: join('docs', 'screenshots', 'workspace-dark.png') });
      await page.keyboard.press('t');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      await page.screenshot({ path: join('docs', 'screenshots', 'workspace-light.png') });
    }
  });

  test('every position row shows the nearest cluster on its liquidation side: the charted market from the chart, the others from the core', async ({
    page,
    webApp,
  }) => {
    // The Demo loads eight markets' history in the background, two at a time, before every row has its cluster.
    test.setTimeout(150_000);
    const app = new AppPage(page);
    await app.open(webApp.url);
    const cells = page.getByTestId('nearest-cluster');
    await expect
      .poll(
        async () =>
          (await cells.count()) > 0 &&
          (await page.locator('[data-testid="nearest-cluster"][data-state="loading"]').count()) === 0,
        { timeout: 120_000 },
      )
      .toBe(true);
    const client = await coreClient(webApp);
    try {
      const labels = new Map((await client.request('accounts:list', {})).map((account) => [account.id, account.label]));
      const rows = (await client.request('positions:list', {})).flatMap((entry) => entry.positions);
      const found = rows.filter((row) => row.liquidationSideCluster.state === 'found');
      expect(found.length).toBeGreaterThan(0);
      for (const row of found) {
        const cluster = row.liquidationSideCluster;
        if (cluster.state !== 'found') continue;
        const cell = accountRows(page, labels.get(row.accountId) ?? '?')
          .filter({ hasText: `${row.side === 'long' ? 'Long' : 'Short'} ${row.displaySymbol}` })
          .getByTestId('nearest-cluster');
        // The charted market's row reads the chart's profile in the store (App.test.tsx checks it against
        // the drawn profile); the others show the core's figure.
        if ((await cell.getAttribute('data-source')) === 'chart') {
          await expect(cell).toHaveAttribute('data-state', /^(found|none)$/);
          continue;
        }
        await expect(cell).toHaveAttribute('data-source', 'core');
        // The Demo's marks move on: the cell and the core's figure are compared at the same moment, until
        // the cell shows the figure the core holds now.
        const sameRow = (other: typeof row): boolean =>
          other.accountId === row.accountId && other.symbol === row.symbol && other.side === row.side;
        await expect
          .poll(async () => {
            const now = (await client.request('positions:list', {}))
              .flatMap((entry) => entry.positions)
              .find(sameRow)?.liquidationSideCluster;
            if (now?.state !== 'found') return `core: ${now?.state ?? 'no row'}`;
            const text = (await cell.textContent()) ?? '';
            const expected = [
              `${formatUsdCompact(now.usd)} @ ${formatPrice(now.price, row.tickSize)}`,
              `${(now.distance * 100).toFixed(1)} %`,
            ];
            return expected.every((part) => text.includes(part))
              ? 'shown'
              : `cell "${text}", core ${expected.join(', ')}`;
          })
          .toBe('shown');
        // On the liquidation side: below a long's mark, above a short's.
        expect(row.side === 'long' ? cluster.price < row.markPrice : cluster.price > row.markPrice).toBe(true);
      }
    } finally {
      await client.close();
    }
    await page.getByTestId('positions').screenshot({ path: test.info().outputPath('positions-nearest-cluster.png') });
  });

  test('the leverage slider shows the liquidation price shared/risk gives for that leverage', async ({
    page,
    webApp,
  }) => {
    const app = new AppPage(page);
    await app.open(webApp.url);
    await selectRow(page, 'Demo · Bybit', 'isolated 10x');
    const slider = page.getByTestId('whatif-leverage');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const leverage = Number(((await slider.getAttribute('aria-valuetext')) ?? '').replace('x', ''));
    expect(leverage).toBe(12);
    const client = await coreClient(webApp);
    try {
      const accounts = await client.request('accounts:list', {});
      const bybit = accounts.find((account) => account.label === 'Demo · Bybit');
      const entry = (await client.request('positions:list', {})).find((p) => p.accountId === bybit?.id);
      const position = entry?.positions.find((p) => p.leverage === 10);
      if (!entry?.risk || !position) throw new Error('the Bybit Demo account should hold a 10x position');
      const result = applyWhatIf(entry.risk, [
        { op: 'setLeverage', symbol: position.symbol, side: position.side, leverage },
      ]);
      const index = entry.risk.positions.findIndex((p) => p.symbol === position.symbol && p.side === position.side);
      const expected = formatPrice(result.positions[index]?.liquidationPrice ?? null, position.tickSize);
      await expect(page.getByTestId('whatif-liq-next')).toContainText(expected);
    } finally {
      await client.close();
    }
    // Escape returns to the live state.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('whatif-liq-next')).toHaveCount(0);
  });

  test('a wrong key gets a clear error; a good one goes live, then shows stale when its exchange stops', async ({
    page,
    webApp,
  }) => {
    const sim: Simulator = await startSimulator({ seed: 3, scenario: 'calm', speed: 1 });
    let stopped = false;
    try {
      const key = sim.keys.find((k) => k.venue === 'binance-usdm' && k.apiKey.endsWith('-readonly'));
      if (!key) throw new Error('the simulator should offer a read-only Binance key');
      const app = new AppPage(page);
      await app.open(webApp.url);
      await app.submitApiKey({
        venueName: 'Binance USDⓈ-M',
        label: 'My Binance',
        apiKey: key.apiKey,
        apiSecret: 'definitely-not-the-secret',
        baseUrl: sim.baseUrl('binance-usdm'),
      });
      const dialog = app.accountDialog;
      await expect(dialog.getByTestId('add-account-error')).toContainText('check your key', { timeout: 20_000 });
      await expect(dialog.getByTestId('acc-api-secret')).not.toHaveValue('definitely-not-the-secret');
      // The refusal and the notes wrap inside the dialog: nothing runs off its edge or under its buttons.
      const overflowing = await overflowingIn(
        dialog.locator('xpath=..'),
        'dialog, form, form > *, [data-testid="add-account-error"]',
      );
      expect(overflowing).toEqual([]);
      await page.screenshot({ path: test.info().outputPath('bad-key.png') });

      // After a refusal the dialog forgets what was typed for the key; the user types it again.
      await dialog.getByTestId('acc-api-key').fill(key.apiKey);
      await dialog.getByTestId('acc-api-secret').fill(key.secret);
      await dialog.getByTestId('add-account-submit').click();
      const mine = page.getByTestId('account').filter({ hasText: 'My Binance' });
      await expect(mine).toContainText('Live', { timeout: 20_000 });
      await page.keyboard.press('Escape');
      await sim.stop();
      stopped = true;
      // Far from danger, the account is read every 30 s: its next read finds the venue gone.
      await expect(mine).toContainText('Stale', { timeout: 60_000 });
      await expect(accountRows(page, 'My Binance').and(page.locator('[data-stale]')).first()).toBeVisible();
    } finally {
      if (!stopped) await sim.stop();
    }
  });
});
