import type { AccountSummary } from '../../../../shared/ipc/views/accounts';
import type { AccountPositions } from '../../../../shared/ipc/views/positions';
import { positionFigures } from './position-figures';
import type { PositionRowData } from './position-sort';

/** Names the position the chart and what-if follow. */
export interface PositionSelection {
  readonly accountId: string;
  readonly symbol: string;
  readonly side: 'long' | 'short';
}

/**
 * Every position of every account in the order of the accounts, as `positions` holds them. The symbol
 * shortcuts step through the same list the table shows; this module keeps them from loading the table.
 */
export function positionRows(
  accounts: readonly AccountSummary[],
  positions: ReadonlyMap<string, AccountPositions>,
): PositionRowData[] {
  return accounts.flatMap((account) => {
    const entry = positions.get(account.id);
    return (entry?.positions ?? []).map((position) => ({
      account,
      position,
      figures: positionFigures(position, entry?.risk ?? null),
    }));
  });
}
