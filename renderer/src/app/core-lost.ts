import { withoutSource } from '../../../shared/domain/freshness';
import type { AccountSummary } from '../../../shared/ipc/views/accounts';
import type { AccountPositions } from '../../../shared/ipc/views/positions';

/*
 * While the renderer has lost the core, nothing it holds is confirmed: every account and row turns
 * stale with "connection to LiqLens lost" (keeping when its data last arrived), so no badge says
 * LIVE over numbers nobody is updating. Done once here, so every view that reads these lists agrees.
 */

/**
 * The accounts as shown: unchanged while connected; otherwise stale (or in error). An account that
 * was still connecting is stale too: nothing is connecting it while the core cannot be reached.
 */
export function accountsAsShown(accounts: readonly AccountSummary[], connected: boolean): readonly AccountSummary[] {
  if (connected) return accounts;
  return accounts.map((account) => {
    const freshness = withoutSource(account.freshness);
    return { ...account, freshness, status: account.status === 'error' ? 'error' : 'stale' };
  });
}

/** The positions as shown: unchanged while connected; every row stale otherwise. */
export function positionsAsShown(
  positions: ReadonlyMap<string, AccountPositions>,
  connected: boolean,
): ReadonlyMap<string, AccountPositions> {
  if (connected) return positions;
  const shown = new Map<string, AccountPositions>();
  for (const [id, entry] of positions)
    shown.set(id, {
      ...entry,
      positions: entry.positions.map((row) => ({ ...row, stale: true, freshness: withoutSource(row.freshness) })),
    });
  return shown;
}
