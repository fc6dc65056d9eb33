import type { AccountVenue } from '../../../../shared/domain/account-venue';
import type { AccountSummary } from '../../../../shared/ipc/views/accounts';

/** A venue's name as traders know it (full) and in running text (short). */
export const venueNames: Readonly<Record<AccountVenue, { readonly full: string; readonly short: string }>> = {
  'binance-usdm': { full: 'Binance USDⓈ-M', short: 'Binance' },
  'bybit-linear': { full: 'Bybit USDT perpetual', short: 'Bybit' },
  'okx-swap': { full: 'OKX perpetual swaps', short: 'OKX' },
  hyperliquid: { full: 'Hyperliquid perps', short: 'Hyperliquid' },
};

/** Venues a read-only API key can connect (Hyperliquid is read by public address instead). */
export type KeyVenue = Exclude<AccountVenue, 'hyperliquid'>;

/** The key venues in the order the picker offers them. */
export const keyVenues: readonly KeyVenue[] = ['binance-usdm', 'bybit-linear', 'okx-swap'];

const statusRank: Readonly<Record<AccountSummary['status'], number>> = { live: 0, connecting: 1, stale: 2, error: 3 };

/** The worst status among accounts (error > stale > connecting > live), or null with none. */
export function worstStatus(accounts: readonly AccountSummary[]): AccountSummary['status'] | null {
  let worst: AccountSummary['status'] | null = null;
  for (const account of accounts)
    if (worst === null || statusRank[account.status] > statusRank[worst]) worst = account.status;
  return worst;
}

/** Words for an account status. */
export const statusWords: Readonly<Record<AccountSummary['status'], string>> = {
  connecting: 'Connecting…',
  live: 'Live',
  stale: 'Stale',
  error: 'Error',
};
