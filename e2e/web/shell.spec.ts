import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, startWebApp, test } from '../fixtures';
import { AppPage } from '../pages/app-page';

test.describe('web mode: the app shell over the real core', () => {
  test('becomes ready, shows where it keeps data, and the core clock ticks live', async ({ page, webApp }) => {
    const app = new AppPage(page);
    await app.open(webApp.url);
    await expect(app.connection).toHaveText('Connected');
    await expect(app.mode).toHaveText('Web mode');
    await expect(app.dataDir).toContainText(webApp.dataDir);
    await expect(app.coreClock).toContainText(/\d\d:\d\d:\d\d UTC/);
    const first = await app.heartbeatSeq();
    await expect.poll(() => app.heartbeatSeq(), { timeout: 5000 }).toBeGreaterThan(first);
    expect(page.url()).not.toContain('token=');
    // The title leads with the worst alert level when the Demo has one ("CRITICAL · LiqLens").
    await expect(page).toHaveTitle(/LiqLens$/);
    await page.screenshot({ path: test.info().outputPath('shell-dark.png') });
  });

  test('shows the link dropping and the clock as stale when the host stops', async ({ page, webApp }) => {
    const app = new AppPage(page);
    await app.open(webApp.url);
    await expect(app.coreClock).not.toHaveAttribute('data-stale');
    await webApp.stop();
    await expect(app.connection).toHaveAttribute('data-state', /reconnecting|lost/);
    await expect(app.coreClock).toHaveAttribute('data-stale', 'true');
    await expect(app.connection).toHaveText('Connection lost — retrying', { timeout: 15_000 });
    await page.screenshot({ path: test.info().outputPath('shell-lost.png') });
  });

  test('switches theme from the keyboard and keeps it after a reload', async ({ page, webApp }) => {
    const app = new AppPage(page);
    await app.open(webApp.url);
    expect(await app.theme()).toBe('dark');
    await page.keyboard.press('t');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(app.themeToggle).toHaveText('Dark theme');
    await page.reload();
    await app.waitReady();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.screenshot({ path: test.info().outputPath('shell-light.png') });
  });

  test('tells the user when the settings file was damaged, and the notice can be dismissed', async ({
    page,
    dataDir,
  }) => {
    writeFileSync(join(dataDir, 'settings.json'), '{"theme": "dark", oops');
    const webApp = await startWebApp(dataDir);
    try {
      const app = new AppPage(page);
      await app.open(webApp.url);
      await expect(app.notices).toHaveCount(1);
      await expect(app.notices).toContainText('could not be read');
      await expect(app.notices).toContainText(join(dataDir, 'settings.corrupt-'));
      await page.screenshot({ path: test.info().outputPath('shell-notice.png') });
      await app.notices.getByRole('button', { name: 'Dismiss notice' }).click();
      await expect(app.notices).toHaveCount(0);
      await page.reload();
      await app.waitReady();
      await expect(app.notices).toHaveCount(0);
    } finally {
      await webApp.stop();
    }
  });

  test('a page opened without the token explains what to do and never connects', async ({ page, webApp }) => {
    const app = new AppPage(page);
    await page.goto(webApp.url.replace(/\?token=.*/, ''));
    await expect(page.getByTestId('bridge-problem')).toContainText('without its access token');
    await expect(app.connection).toHaveAttribute('data-state', /connecting|reconnecting|lost/);
    await expect(page.locator('[data-app-state="ready"]')).toHaveCount(0);
  });
});
