import type { Locator, Page } from '@playwright/test';

/** The what-if harness page (renderer/whatif-harness.html) as a user sees it. */
export class WhatIfHarnessPage {
  readonly panel: Locator;
  readonly leverage: Locator;
  readonly liquidationNow: Locator;
  readonly liquidationNext: Locator;
  readonly delta: Locator;
  readonly marginRatio: Locator;
  readonly collateral: Locator;
  readonly refusals: Locator;
  readonly maxRemovable: Locator;
  readonly ghost: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('whatif-panel');
    this.leverage = page.getByRole('slider', { name: 'Leverage' });
    this.liquidationNow = page.getByTestId('whatif-liq-current');
    this.liquidationNext = page.getByTestId('whatif-liq-next');
    this.delta = page.getByTestId('whatif-liq-delta');
    this.marginRatio = page.getByTestId('whatif-margin-ratio');
    this.collateral = page.getByRole('textbox', { name: 'Collateral' });
    this.refusals = page.getByTestId('whatif-refusal');
    this.maxRemovable = page.getByTestId('whatif-max-removable');
    this.ghost = page.getByTestId('ghost-liq');
    this.dialog = page.getByRole('dialog', { name: 'Add an account' });
  }

  async open(baseUrl: string, query = ''): Promise<void> {
    await this.page.goto(`${baseUrl}whatif-harness.html${query}`);
    await this.panel.waitFor();
  }

  /** Picks a Demo position in the harness's chart stand-in. */
  async pick(name: string): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).click();
  }
}
