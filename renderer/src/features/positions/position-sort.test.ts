import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../../../shared/ipc/views/accounts';
import type { PositionView } from '../../../../shared/ipc/views/positions';
import { nextSort, parseSort, sortRows, type PositionRowData } from './position-sort';

function row(
  label: string,
  symbol: string,
  figures: Partial<PositionRowData['figures']>,
  view: Partial<PositionView> = {},
) {
  return {
    account: { label } as AccountSummary,
    position: {
      displaySymbol: symbol,
      side: 'long',
      leverage: null,
      distance: null,
      marginRatio: null,
      adlRank: null,
      ...view,
    } as PositionView,
    figures: { notionalUsd: 0, marginUsd: null, pnlUsd: 0, pnlFraction: null, ...figures },
  } satisfies PositionRowData;
}

const a = row(
  'Bybit',
  'ETH/USDT',
  { notionalUsd: 5000, pnlUsd: -20, marginUsd: 500 },
  { marginRatio: 0.2, leverage: 10 },
);
const b = row(
  'Binance',
  'BTC/USDT',
  { notionalUsd: 20000, pnlUsd: 150, marginUsd: 1000 },
  { marginRatio: 0.05, leverage: 20 },
);
const c = row('OKX', 'SOL/USDT', { notionalUsd: 800, pnlUsd: 3 }, { marginRatio: null, leverage: null });
const labels = (rows: readonly PositionRowData[]): string[] => rows.map((r) => r.account.label);

describe('sortRows', () => {
  it('keeps the accounts order when unsorted and sorts numbers largest first on the first click', () => {
    expect(labels(sortRows([a, b, c], null))).toEqual(['Bybit', 'Binance', 'OKX']);
    expect(labels(sortRows([a, b, c], nextSort(null, 'notional')))).toEqual(['Binance', 'Bybit', 'OKX']);
    expect(labels(sortRows([a, b, c], nextSort(null, 'pnl')))).toEqual(['Binance', 'OKX', 'Bybit']);
  });

  it('puts unknown values last in both directions', () => {
    expect(labels(sortRows([c, a, b], { key: 'marginRatio', direction: 'descending' }))).toEqual([
      'Bybit',
      'Binance',
      'OKX',
    ]);
    expect(labels(sortRows([c, a, b], { key: 'marginRatio', direction: 'ascending' }))).toEqual([
      'Binance',
      'Bybit',
      'OKX',
    ]);
    expect(labels(sortRows([c, a, b], { key: 'leverage', direction: 'ascending' }))).toEqual([
      'Bybit',
      'Binance',
      'OKX',
    ]);
  });

  it('sorts names A to Z first', () => {
    expect(labels(sortRows([a, b, c], nextSort(null, 'account')))).toEqual(['Binance', 'Bybit', 'OKX']);
    expect(labels(sortRows([a, b, c], nextSort(null, 'position')))).toEqual(['Binance', 'Bybit', 'OKX']);
  });
});

describe('the nearest cluster column', () => {
  const found = (distance: number) => ({
    liquidationSideCluster: {
      state: 'found' as const,
      price: 1,
      low: 1,
      high: 1,
      usd: 1e6,
      distance,
      beforeLiquidation: true,
    },
  });
  const near = row('Near', 'ETH/USDT', {}, found(-0.012));
  const far = row('Far', 'BTC/USDT', {}, found(0.08));
  const mid = row('Mid', 'SOL/USDT', {}, found(-0.03));
  const none = row('None', 'XRP/USDT', {}, { liquidationSideCluster: { state: 'none' } });
  const loading = row('Loading', 'DOGE/USDT', {}, { liquidationSideCluster: { state: 'loading' } });

  it('sorts the closest cluster first on the first click, by distance from the mark on either side', () => {
    const first = nextSort(null, 'nearestCluster');
    expect(first).toEqual({ key: 'nearestCluster', direction: 'ascending' });
    expect(labels(sortRows([none, far, near, loading, mid], first))).toEqual(['Near', 'Mid', 'Far', 'None', 'Loading']);
    expect(labels(sortRows([none, far, near, loading, mid], nextSort(first, 'nearestCluster')))).toEqual([
      'Far',
      'Mid',
      'Near',
      'None',
      'Loading',
    ]);
  });
});

describe('nextSort', () => {
  it('turns a column round on the second activation and returns to unsorted on the third', () => {
    const first = nextSort(null, 'margin');
    expect(first).toEqual({ key: 'margin', direction: 'descending' });
    const second = nextSort(first, 'margin');
    expect(second).toEqual({ key: 'margin', direction: 'ascending' });
    expect(nextSort(second, 'margin')).toBeNull();
    expect(nextSort(second, 'account')).toEqual({ key: 'account', direction: 'ascending' });
  });
});

describe('parseSort', () => {
  it('reads back a stored sort and refuses anything else', () => {
    expect(parseSort({ key: 'pnl', direction: 'ascending' })).toEqual({ key: 'pnl', direction: 'ascending' });
    expect(parseSort({ key: 'colour', direction: 'ascending' })).toBeNull();
    expect(parseSort({ key: 'pnl', direction: 'up' })).toBeNull();
    expect(parseSort('pnl')).toBeNull();
  });
});
