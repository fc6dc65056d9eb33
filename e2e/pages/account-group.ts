import type { Locator, Page } from '@playwright/test';

/** One account's part of the positions panel, found by the account's name: its header and its rows. */
export class AccountGroup {
  readonly root: Locator;
  readonly header: Locator;
  /** The header's mode line, e.g. "Bybit · unified · cross" ("Bybit · testnet · unified · cross" off production). */
  readonly mode: Locator;
  /** The venue's own account gauge, where the mode publishes one. */
  readonly gauge: Locator;
  /** What the what-if does in this mode, shown only when it is approximate or off. */
  readonly whatIfMode: Locator;
  readonly rows: Locator;
  readonly liquidationPrices: Locator;
  readonly selfChecks: Locator;

  constructor(
    readonly page: Page,
    label: string,
  ) {
    this.header = page.getByTestId('account').filter({ has: page.getByText(label, { exact: true }) });
    this.root = page.locator('.positions__group').filter({ has: this.header });
    this.mode = this.header.getByTestId('account-mode');
    this.gauge = this.header.getByTestId('venue-gauge');
    this.whatIfMode = this.header.getByTestId('whatif-mode');
    this.rows = this.root.getByTestId('position-row');
    this.liquidationPrices = this.root.getByTestId('liquidation-price');
    this.selfChecks = this.root.getByTestId('self-check');
  }
}
