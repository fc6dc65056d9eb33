import type { AccountSummary } from '../../../../shared/ipc/views/accounts';
import type { PositionView } from '../../../../shared/ipc/views/positions';
import type { PositionFigures } from './position-figures';

/** One row of the positions table: the position, its account and its money figures. */
export interface PositionRowData {
  readonly account: AccountSummary;
  readonly position: PositionView;
  readonly figures: PositionFigures;
}

/** The columns the table sorts by. */
export const sortKeys = [
  'position',
  'account',
  'notional',
  'pnl',
  'pnlFraction',
  'margin',
  'leverage',
  'distance',
  'marginRatio',
  'nearestCluster',
  'adl',
] as const;
/** A column the table sorts by. */
export type SortKey = (typeof sortKeys)[number];

/** How the rows are sorted; null keeps the accounts' order and each venue's own order of positions. */
export type PositionSort = { readonly key: SortKey; readonly direction: 'ascending' | 'descending' } | null;

type Value = string | number | null;

const valueOf: Record<SortKey, (row: PositionRowData) => Value> = {
  position: (row) => `${row.position.displaySymbol} ${row.position.side}`,
  account: (row) => row.account.label,
  notional: (row) => row.figures.notionalUsd,
  pnl: (row) => row.figures.pnlUsd,
  pnlFraction: (row) => row.figures.pnlFraction,
  margin: (row) => row.figures.marginUsd,
  leverage: (row) => row.position.leverage,
  distance: (row) => row.position.distance,
  marginRatio: (row) => row.position.marginRatio,
  // How far the nearest cluster on the liquidation side is from the mark (the core's reading: the
  // table re-sorts on the positions' updates, not on every tick of a charted market).
  nearestCluster: (row) => {
    const cluster = row.position.liquidationSideCluster;
    return cluster.state === 'found' ? Math.abs(cluster.distance) : null;
  },
  // Further toward the front of the queue sorts higher; scales differ per venue, so compare fractions.
  adl: (row) => (row.position.adlRank ? row.position.adlRank.value / Math.max(1, row.position.adlRank.max) : null),
};

/**
 * Columns whose first click sorts smallest first: names (A to Z) and the nearest cluster (the
 * closest first, the question asked of it); on any other number the first click sorts largest first.
 */
const ascendingFirst: ReadonlySet<SortKey> = new Set(['position', 'account', 'nearestCluster']);

/**
 * The sort after the user activates `key`'s header: a new column starts in its natural direction
 * (names A to Z, the nearest cluster closest first, other numbers largest first), the same column
 * turns round, and a third activation returns to the unsorted order.
 */
export function nextSort(current: PositionSort, key: SortKey): PositionSort {
  const first = ascendingFirst.has(key) ? 'ascending' : 'descending';
  if (current?.key !== key) return { key, direction: first };
  return current.direction === first ? { key, direction: first === 'ascending' ? 'descending' : 'ascending' } : null;
}

/**
 * `rows` in the order `sort` asks for, as a new array. Unknown values (no leverage, no ADL rank) go
 * last in both directions; equal values keep their original order.
 */
export function sortRows(rows: readonly PositionRowData[], sort: PositionSort): PositionRowData[] {
  if (sort === null) return [...rows];
  const read = valueOf[sort.key];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: read(row) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        if (a.value === b.value) return a.index - b.index;
        return a.value === null ? 1 : -1;
      }
      const order =
        typeof a.value === 'string' || typeof b.value === 'string'
          ? String(a.value).localeCompare(String(b.value), 'en')
          : a.value - b.value;
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map((entry) => entry.row);
}

/** A stored sort read back: the same shape, or null for anything else (an old or damaged value). */
export function parseSort(value: unknown): PositionSort {
  if (typeof value !== 'object' || value === null) return null;
  const { key, direction } = value as { key?: unknown; direction?: unknown };
  if (!sortKeys.includes(key as SortKey)) return null;
  if (direction !== 'ascending' && direction !== 'descending') return null;
  return { key: key as SortKey, direction };
}
