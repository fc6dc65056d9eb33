import type { PositionSort, SortKey } from './position-sort';

/** Props of `SortButton`. */
export interface SortButtonProps {
  readonly sortKey: SortKey;
  /** The column's name as read aloud and shown. */
  readonly label: string;
  readonly sort: PositionSort;
  readonly onSort: (key: SortKey) => void;
}

/** The `aria-sort` of a header holding the keys `keys`: the active one's direction, else none. */
export function ariaSort(sort: PositionSort, ...keys: readonly SortKey[]): 'ascending' | 'descending' | 'none' {
  return sort !== null && keys.includes(sort.key) ? sort.direction : 'none';
}

/**
 * A header's sort control: a real button (Tab, Enter, Space), an arrow showing the direction when it
 * is the active sort. A header may hold two, one per line of its cells (PnL and PnL %).
 */
export function SortButton({ sortKey, label, sort, onSort }: SortButtonProps) {
  const active = sort?.key === sortKey ? sort.direction : null;
  return (
    <button
      type="button"
      className={`sort-button${active ? ' sort-button--active' : ''}`}
      onClick={() => onSort(sortKey)}
      data-testid={`sort-${sortKey}`}
      data-sort={active ?? undefined}
    >
      {label}
      <span className="sort-button__arrow" aria-hidden="true">
        {active === 'ascending' ? '▲' : active === 'descending' ? '▼' : ''}
      </span>
    </button>
  );
}
