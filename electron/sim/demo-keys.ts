import type { SimAccount, SimVenue } from './market/types';
import type { SimKey, SimKeyPermissions } from './server/sim-keys';

/** The permission sets every simulated account gets a key for, so read-only detection can be tested. */
export const keyKinds: Readonly<Record<'readonly' | 'trade' | 'withdraw', SimKeyPermissions>> = {
  readonly: { read: true, trade: false, withdraw: false },
  trade: { read: true, trade: true, withdraw: false },
  withdraw: { read: true, trade: true, withdraw: true },
};

const shortVenue: Readonly<Record<SimVenue, string>> = {
  'binance-usdm': 'bn',
  'bybit-linear': 'by',
  'okx-swap': 'okx',
  hyperliquid: 'hl',
};

/**
 * Keys for the simulator's accounts: for each account on a keyed venue, a read-only, a trading and
 * a withdrawing key. These only open the local simulator; they are printed by `liqlens sim`.
 * Hyperliquid accounts are read by public address and need no key.
 */
export function demoKeys(accounts: readonly SimAccount[]): SimKey[] {
  const keys: SimKey[] = [];
  for (const account of accounts) {
    if (account.venue === 'hyperliquid') continue;
    for (const [kind, permissions] of Object.entries(keyKinds)) {
      const stem = `${shortVenue[account.venue]}-${account.id}-${kind}`;
      keys.push({
        venue: account.venue,
        apiKey: `sim-key-${stem}`,
        secret: `sim-secret-${stem}`,
        ...(account.venue === 'okx-swap' ? { passphrase: 'sim-passphrase' } : {}),
        accountId: account.id,
        permissions,
      });
    }
  }
  return keys;
}
