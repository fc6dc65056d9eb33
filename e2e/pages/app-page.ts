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
    await this.page.goto(url);
    await this.waitReady();
    await this.closeWelcome();
  }

  /** The add-account dialog, which a first start opens with the Demo selected. */
  get accountDialog(): Locator {
    return this.page.getByTestId('add-account-dialog');
  }

  /** Closes the welcome dialog if a first start opened it. */
  async closeWelcome(): Promise<void> {
    const dialog = this.accountDialog;
    if (await dialog.isVisible().catch(() => false)) {
      await dialog.getByRole('button', { name: 'Keep exploring the Demo' }).click();
      await expect(dialog).toBeHidden();
    }
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
