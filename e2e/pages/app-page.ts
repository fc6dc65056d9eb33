import { expect, type Locator, type Page } from '@playwright/test';

/** The app shell as a user sees it. */
export class AppPage {
  readonly root: Locator;
  readonly connection: Locator;
  readonly coreClock: Locator;
  readonly mode: Locator;
  readonly dataDir: Locator;
  readonly notices: Locator;
  readonly themeToggle: Locator;
  /** This page's welcome is dealt with: the core's first-start flag stays until the next load. */
  private welcomeClosed = false;

  constructor(readonly page: Page) {
    this.root = page.locator('[data-app-state]');
    this.connection = page.getByTestId('connection-state');
    this.coreClock = page.getByTestId('core-clock');
    this.mode = page.getByTestId('app-mode');
    this.dataDir = page.getByTestId('data-dir');
    this.notices = page.getByTestId('notice');
    this.themeToggle = page.getByTestId('theme-toggle');
  }

  /** Opens the app and waits until it has talked to the core; a first start's welcome dialog is closed as a user would. */
  async open(url: string): Promise<void> {
    this.welcomeClosed = false;
    await this.page.goto(url);
    await this.waitReady();
    await this.closeWelcome();
  }

  /** The add-account dialog, which a first start opens with the Demo selected. */
  get accountDialog(): Locator {
    return this.page.getByTestId('add-account-dialog');
  }

  /**
   * Adds an API-key account as a user does: `a` opens the dialog, the venue (`venueName` as the dialog
   * lists it), name, key, secret and base URL are typed in, and the form is sent. The dialog stays
   * open with the venue's answer (an error, or the account live behind it).
   */
  async submitApiKey(input: {
    readonly venueName: string;
    readonly label: string;
    readonly apiKey: string;
    readonly apiSecret: string;
    readonly baseUrl: string;
  }): Promise<void> {
    await this.page.keyboard.press('a');
    const dialog = this.accountDialog;
    await expect(dialog).toBeVisible();
    await dialog.getByText(input.venueName, { exact: false }).first().click();
    await dialog.getByLabel('Account name').fill(input.label);
    await dialog.getByTestId('acc-api-key').fill(input.apiKey);
    await dialog.getByTestId('acc-api-secret').fill(input.apiSecret);
    await dialog.locator('summary', { hasText: 'Advanced' }).click();
    await dialog.getByLabel('Base URL').fill(input.baseUrl);
    await dialog.getByTestId('add-account-submit').click();
  }

  /** Closes the welcome dialog if a first start opened it. */
  async closeWelcome(): Promise<void> {
    if (this.welcomeClosed) return;
    // The accounts menu opens the first start's dialog when it mounts, and it draws after the chart's
    // first frame: wait for it, then for the dialog where the core said this is a first start.
    await expect(this.page.getByTestId('accounts-menu')).toBeVisible({ timeout: 120_000 });
    if ((await this.root.getAttribute('data-first-start')) === 'true') {
      const dialog = this.accountDialog;
      await expect(dialog).toBeVisible();
      await dialog.getByRole('button', { name: 'Keep exploring the Demo' }).click();
      await expect(dialog).toBeHidden();
    }
    this.welcomeClosed = true;
  }

  /**
   * Waits until the chart shows its market with the imbalance badge. A market that failed to open on
   * a busy machine is asked for again as a user would, by choosing the timeframe once more.
   */
  async waitForChart(timeoutMs = 180_000): Promise<void> {
    const page = this.page;
    await expect(async () => {
      if (await page.getByText(/^Could not load/).isVisible()) {
        await page.getByTestId('chart-timeframe').getByText('1m', { exact: true }).click();
        await page.getByTestId('chart-timeframe').getByText('5m', { exact: true }).click();
      }
      await expect(page.getByTestId('imbalance-badge')).toBeVisible({ timeout: 30_000 });
    }).toPass({ timeout: timeoutMs });
  }

  async waitReady(): Promise<void> {
    await expect(this.page.locator('[data-app-state="ready"]')).toBeVisible();
  }

  /** The heartbeat sequence number currently shown. */
  async heartbeatSeq(): Promise<number> {
    return Number(await this.coreClock.getAttribute('data-seq'));
  }

  async theme(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-theme');
  }
}
