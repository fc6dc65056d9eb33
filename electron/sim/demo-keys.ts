import type { SimAccount } from './market/types';
import type { SimKey, SimKeyPermissions } from './server/sim-keys';
import { simVenues } from './venues/sim-venues';

/** The permission sets every simulated account gets a key for, so read-only detection can be tested. */
export const keyKinds: Readonly<Record<'readonly' | 'trade' | 'withdraw', SimKeyPermissions>> = {
  readonly: { read: true, trade: false, withdraw: false },
  trade: { read: true, trade: true, withdraw: false },
  withdraw: { read: true, trade: true, withdraw: true },
};

/**
 * Keys for the simulator's accounts: for each account on a keyed venue, a read-only, a trading and
 * a withdrawing key (stem and passphrase from the venue's module). These only open the local
 * simulator; they are printed by `liqlens sim`. A venue read by public address (Hyperliquid) gets none.
 */
export function demoKeys(accounts: readonly SimAccount[]): SimKey[] {
  const keys: SimKey[] = [];
  for (const account of accounts) {
    const venueKeys = simVenues[account.venue].keys;
    if (venueKeys === null) continue;
    for (const [kind, permissions] of Object.entries(keyKinds)) {
      const stem = `${venueKeys.stem}-${account.id}-${kind}`;
      keys.push({
        venue: account.venue,
        apiKey: `sim-key-${stem}`,
        secret: `sim-secret-${stem}`,
        ...(venueKeys.passphrase === undefined ? {} : { passphrase: venueKeys.passphrase }),
        accountId: account.id,
        permissions,
      });
    }
  }
  return keys;
}
