import { useEffect, useState } from 'react';
import type { AccountSummary } from '../../../shared/ipc/views/accounts';
import type { AccountPositions } from '../../../shared/ipc/views/positions';
import type { PositionSelection } from '../features/positions/PositionsTable';

/**
 * The position the chart and what-if follow: the user's pick, or else the riskiest position (the
 * highest margin ratio) once positions arrive, so a first start opens on something worth seeing.
 * A pick whose position disappeared (closed, liquidated, account removed) falls back the same way.
 */
export function useSelection(
  accounts: readonly AccountSummary[],
  positions: ReadonlyMap<string, AccountPositions>,
): [PositionSelection | null, (next: PositionSelection) => void] {
  const [picked, setPicked] = useState<PositionSelection | null>(null);
  const exists = (selection: PositionSelection | null): boolean =>
    selection !== null &&
    (positions
      .get(selection.accountId)
      ?.positions.some((p) => p.symbol === selection.symbol && p.side === selection.side) ??
      false);
  const valid = exists(picked);

  useEffect(() => {
    if (valid) return;
    let best: PositionSelection | null = null;
    let bestRatio = -1;
    for (const account of accounts) {
      for (const position of positions.get(account.id)?.positions ?? []) {
        const ratio = position.marginRatio ?? 0;
        if (ratio > bestRatio) {
          bestRatio = ratio;
          best = { accountId: account.id, symbol: position.symbol, side: position.side };
        }
      }
    }
    if (best) setPicked(best);
  }, [valid, accounts, positions]);

  return [valid ? picked : null, setPicked];
}
