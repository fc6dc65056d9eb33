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

  /** Opens the app and waits until it has talked to the core. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.waitReady();
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
