import { keyVenues as registryKeyVenues, type KeyVenue } from '../../../../shared/domain/venue';
import type { AccountSummary } from '../../../../shared/ipc/views/accounts';

export type { KeyVenue } from '../../../../shared/domain/venue';

/** The key venues (connected with a read-only API key) in the order the picker offers them. */
export const keyVenues: readonly KeyVenue[] = registryKeyVenues;

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

/**
 * The line under a live account saying how often its venue is read (`AccountSummary.refreshMs`): the
 * core reads it more often near danger or after a change; between reads its figures follow the marks.
 */
export function readCadenceText(refreshMs: number): string {
  const seconds = Math.max(1, Math.round(refreshMs / 1000));
  return `Read from the venue every ${seconds} s; between reads its figures follow the live marks`;
}
