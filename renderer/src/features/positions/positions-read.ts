import type { LiqLensApi } from '../../../../shared/ipc/contract';
import type { AccountSummary } from '../../../../shared/ipc/views/accounts';
import type { AccountPositions } from '../../../../shared/ipc/views/positions';

/** The accounts and every account's positions, as the core answered one read of both. */
export type PositionsRead = Promise<readonly [readonly AccountSummary[], readonly AccountPositions[]]>;

/** Asks the core for the accounts and their positions at once. */
export function readPositions(api: Pick<LiqLensApi, 'listAccounts' | 'listPositions'>): PositionsRead {
  return Promise.all([api.listAccounts(), api.listPositions()]);
}
