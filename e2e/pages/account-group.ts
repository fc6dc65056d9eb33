import type { Locator, Page } from '@playwright/test';

/**
 * One account's part of the positions panel, found by the account's name: its header above the table
 * (status, figures, "No open positions.") and its rows in the table, in the order the table shows them.
 */
export class AccountGroup {
  readonly root: Locator;
  readonly header: Locator;
  /** The header's mode line, e.g. "Bybit · unified · cross" ("Bybit · testnet · unified · cross" off production). */
  readonly mode: Locator;
  /** The venue's own account gauge, where the mode publishes one. */
  readonly gauge: Locator;
  /** Which gauge the alerts follow, shown only where distance alerts do not apply (the venue's gauge decides). */
  readonly alertBasis: Locator;
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
    this.root = this.header;
    this.mode = this.header.getByTestId('account-mode');
    this.gauge = this.header.getByTestId('venue-gauge');
    this.alertBasis = this.header.getByTestId('alert-basis');
    this.whatIfMode = this.header.getByTestId('whatif-mode');
    this.rows = accountRows(page, label);
    this.liquidationPrices = this.rows.getByTestId('liquidation-price');
    this.selfChecks = this.rows.getByTestId('self-check');
  }
}

/** The positions table's rows of the account named `label` (each row names its account). */
export function accountRows(page: Page, label: string): Locator {
  return page.locator(`[data-testid="position-row"][data-account=${JSON.stringify(label)}]`);
}
