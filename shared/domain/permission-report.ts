/**
 * What an API key may do, read from the venue's own permission endpoint.
 */
export interface PermissionReport {
  /** The key can read positions and balances. */
  readonly canRead: boolean;
  /** The key can place or cancel orders. */
  readonly canTrade: boolean;
  /** The key can withdraw funds. */
  readonly canWithdraw: boolean;
  /** canRead and neither trade nor withdraw: the only kind of key LiqLens recommends. */
  readonly readOnly: boolean;
  /** One line for the user, e.g. "Key can trade futures" or "Public address: read-only by nature". */
  readonly detail: string;
}
