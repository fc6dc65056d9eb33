import { useEffect, useRef } from 'react';
import type { AccountSummary } from '../../../shared/ipc/views/accounts';
import type { ChartTimeframe } from '../../../shared/ipc/views/markets';
import type { AccountPositions } from '../../../shared/ipc/views/positions';
import { currentPositionSort } from '../features/positions/position-sort-store';
import { sortRows } from '../features/positions/position-sort';
import { isShortcut } from '../features/accounts/shortcut-target';
import { chartTimeframes } from '../features/chart/ChartToolbar';
import { positionRows, type PositionSelection } from '../features/positions/position-rows';
import { stepThrough } from './shortcut-list';

/** What the workspace shortcuts act on. */
export interface WorkspaceShortcutActions {
  readonly accounts: readonly AccountSummary[];
  readonly positions: ReadonlyMap<string, AccountPositions>;
  readonly selected: PositionSelection | null;
  readonly onSelect: (selection: PositionSelection) => void;
  readonly onTimeframe: (timeframe: ChartTimeframe) => void;
  readonly onToggleHeatmap: () => void;
  readonly onToggleHelp: () => void;
}

const samePosition = (a: PositionSelection, b: PositionSelection): boolean =>
  a.accountId === b.accountId && a.symbol === b.symbol && a.side === b.side;

/**
 * The workspace's single-key shortcuts (listed in `shortcutList`): `?` help, 1-5 timeframe, J/K next
 * and previous position, H heatmap. Ignored while typing in a field or with a modifier held. T, A, R
 * and Escape belong to the theme button, the accounts menu and the what-if.
 */
export function useWorkspaceShortcuts(actions: WorkspaceShortcutActions): void {
  // The latest actions, so the listener is added once and never reads a stale selection.
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const act = latest.current;
      const timeframe = chartTimeframes[Number(event.key) - 1];
      let handled = true;
      if (isShortcut(event, '?')) act.onToggleHelp();
      else if (timeframe !== undefined && isShortcut(event, event.key)) act.onTimeframe(timeframe);
      else if (isShortcut(event, 'j') || isShortcut(event, 'k')) {
        // The table's order, so J and K walk down and up the rows the user sees.
        const order = sortRows(positionRows(act.accounts, act.positions), currentPositionSort()).map(
          ({ account, position }) => ({
            accountId: account.id,
            symbol: position.symbol,
            side: position.side,
          }),
        );
        const next = stepThrough(order, act.selected, event.key.toLowerCase() === 'j' ? 1 : -1, samePosition);
        if (next) act.onSelect(next);
      } else if (isShortcut(event, 'h')) act.onToggleHeatmap();
      else handled = false;
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
