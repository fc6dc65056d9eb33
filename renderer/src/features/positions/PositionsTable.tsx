import { useMemo } from 'react';
import type { ActiveAlert } from '../../../../shared/alerts';
import type { AccountSummary } from '../../../../shared/ipc/views/accounts';
import type { AccountPositions } from '../../../../shared/ipc/views/positions';
import { EmptyState } from '../../ui';
import type { MarketStore } from '../market/market-store';
import { AccountHeader } from './AccountHeader';
import { positionRows, type PositionSelection } from './position-rows';
import { sortRows, type SortKey } from './position-sort';
import { usePositionSort } from './position-sort-store';
import { PositionRow } from './PositionRow';
import { ariaSort, SortButton } from './SortButton';
import './positions.css';

/** Props of the positions table. */
export interface PositionsTableProps {
  readonly accounts: readonly AccountSummary[];
  readonly positions: ReadonlyMap<string, AccountPositions>;
  readonly selected: PositionSelection | null;
  readonly onSelect: (selection: PositionSelection) => void;
  /** The active alerts, to mark each position with its worst level. */
  readonly alerts?: readonly ActiveAlert[];
  /** The renderer's market store: a row whose market is open there reads its nearest cluster from it. */
  readonly markets: MarketStore;
}

/**
 * One table of every position and below it every account (status, equity, margin ratio, freshness),
 * sortable by its column headers (a button each: click, Enter or Space; `aria-sort` says the order)
 * and kept sorted across reloads. A row selects its position for the chart and the what-if.
 */
export function PositionsTable({ accounts, positions, selected, onSelect, alerts = [], markets }: PositionsTableProps) {
  const [sort, toggleSort] = usePositionSort();
  const rows = useMemo(() => sortRows(positionRows(accounts, positions), sort), [accounts, positions, sort]);
  if (accounts.length === 0) {
    return (
      <EmptyState heading="No accounts yet">
        Connect a read-only exchange key, track a Hyperliquid address, or type a position in by hand.
      </EmptyState>
    );
  }
  const button = (key: SortKey, label: string) => (
    <SortButton sortKey={key} label={label} sort={sort} onSort={toggleSort} />
  );
  return (
    <div className="positions" data-testid="positions">
      {rows.length > 0 && (
        <table className="table positions__table" aria-label="Positions" data-testid="positions-table">
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort(sort, 'position', 'account')}>
                {button('position', 'Position')}
                {button('account', 'Account')}
              </th>
              <th scope="col" className="num" aria-sort={ariaSort(sort, 'notional')}>
                {button('notional', 'Notional')}
                <span className="th-sub">Size</span>
              </th>
              <th scope="col" className="num">
                Entry
                <span className="th-sub">Mark</span>
              </th>
              <th scope="col" className="num" aria-sort={ariaSort(sort, 'pnl', 'pnlFraction')}>
                {button('pnl', 'PnL')}
                {button('pnlFraction', 'PnL %')}
              </th>
              <th scope="col" className="num" aria-sort={ariaSort(sort, 'margin', 'leverage')}>
                {button('margin', 'Margin')}
                {button('leverage', 'Leverage')}
              </th>
              <th scope="col" className="num">
                Liq. price
              </th>
              <th scope="col" className="num" aria-sort={ariaSort(sort, 'distance')}>
                {button('distance', 'Distance')}
              </th>
              <th scope="col" aria-sort={ariaSort(sort, 'marginRatio')} data-testid="column-margin-ratio">
                {button('marginRatio', 'Margin ratio')}
              </th>
              <th
                scope="col"
                className="num"
                aria-sort={ariaSort(sort, 'nearestCluster')}
                title="The nearest large cluster of other traders' liquidations on this position's liquidation side"
                data-testid="column-nearest-cluster"
              >
                {button('nearestCluster', 'Nearest cluster')}
              </th>
              <th
                scope="col"
                className="num"
                aria-sort={ariaSort(sort, 'adl')}
                title="The venue's auto-deleveraging rank: further toward the front is closed first when a liquidation cannot be filled"
              >
                {button('adl', 'ADL')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const { account, position } = row;
              const isSelected =
                selected?.accountId === account.id &&
                selected.symbol === position.symbol &&
                selected.side === position.side;
              return (
                <PositionRow
                  key={`${account.id}-${position.symbol}-${position.side}`}
                  row={row}
                  selected={isSelected}
                  onSelect={() => onSelect({ accountId: account.id, symbol: position.symbol, side: position.side })}
                  alert={alerts.find(
                    (a) => a.accountId === account.id && a.symbol === position.symbol && a.side === position.side,
                  )}
                  markets={markets}
                />
              );
            })}
          </tbody>
        </table>
      )}
      <div className="positions__accounts">
        {accounts.map((account) => (
          <AccountHeader key={account.id} account={account} count={positions.get(account.id)?.positions.length ?? 0} />
        ))}
      </div>
    </div>
  );
}
