import { useCallback, useEffect, useState } from 'react';
import type { AccountSummary } from '../../../shared/ipc/views/accounts';
import type { AccountPositions } from '../../../shared/ipc/views/positions';
import type { PositionSelection } from '../features/positions/position-rows';
import { readStored, writeStored } from '../lib/stored';

/** Where the user's pick is kept between reloads. */
const storageKey = 'liqlens:selection';
/** Where the riskiest position standing in for a pick is kept, so a reload charts it again. */
const standInKey = 'liqlens:stand-in';

function parseSelection(value: unknown): PositionSelection | null {
  if (typeof value !== 'object' || value === null) return null;
  const { accountId, symbol, side } = value as Record<string, unknown>;
  if (typeof accountId !== 'string' || typeof symbol !== 'string') return null;
  return side === 'long' || side === 'short' ? { accountId, symbol, side } : null;
}

/**
 * The position the chart and what-if follow: the user's pick (kept across reloads), or else the
 * riskiest position (the highest margin ratio) once positions arrive, so a first start opens on
 * something worth seeing. A kept pick waits while its account is still connecting and wins again
 * once its position is back; while its position is gone (closed, liquidated, account removed) the
 * riskiest stands in, and stays chosen until it too is gone, across reloads too: a reload charts
 * the market it charted before (already on its way, `useChartedPrefetch`) even when another
 * position has since become the riskiest.
 */
export function useSelection(
  accounts: readonly AccountSummary[],
  positions: ReadonlyMap<string, AccountPositions>,
): [PositionSelection | null, (next: PositionSelection) => void] {
  const [picked, setPicked] = useState<PositionSelection | null>(() => readStored(storageKey, parseSelection));
  const [riskiest, setRiskiest] = useState<PositionSelection | null>(() => readStored(standInKey, parseSelection));
  const exists = (selection: PositionSelection | null): boolean =>
    selection !== null &&
    (positions
      .get(selection.accountId)
      ?.positions.some((p) => p.symbol === selection.symbol && p.side === selection.side) ??
      false);
  const valid = exists(picked);
  // The kept pick's account has not answered yet: showing another position now would flash it on every reload.
  const waiting =
    !valid && picked !== null && accounts.some((a) => a.id === picked.accountId && a.status === 'connecting');
  const fallbackValid = exists(riskiest);

  // Chosen while rendering, not in an effect: the render that brings the positions in already charts one.
  if (!valid && !waiting && !fallbackValid) {
    const best = riskiestOf(accounts, positions);
    if (best !== null) setRiskiest(best);
  }
  useEffect(() => {
    if (riskiest !== null && fallbackValid) writeStored(standInKey, riskiest);
  }, [riskiest, fallbackValid]);

  const pick = useCallback((next: PositionSelection) => {
    writeStored(storageKey, next);
    setPicked(next);
  }, []);
  return [valid ? picked : waiting || !fallbackValid ? null : riskiest, pick];
}

/** The position with the highest margin ratio across `accounts` (the first of equals); null when none. */
function riskiestOf(
  accounts: readonly AccountSummary[],
  positions: ReadonlyMap<string, AccountPositions>,
): PositionSelection | null {
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
  return best;
}
