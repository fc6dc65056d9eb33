import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../../shared/ipc/views/accounts';
import { accountsAsShown } from './core-lost';

function account(status: AccountSummary['status'], freshness: AccountSummary['freshness']): AccountSummary {
  return {
    id: `acc-${status}`,
    label: `Account ${status}`,
    venue: 'binance-usdm',
    source: 'demo',
    kind: 'demo',
    status,
    freshness,
    updatedAtMs: null,
    equity: null,
    maintenanceMargin: null,
    marginRatio: null,
    accountMode: null,
    venueGauge: null,
  };
}

describe('accounts once the core is lost', () => {
  const accounts = [
    account('live', { state: 'live', updatedAtMs: 5_000 }),
    account('connecting', { state: 'unknown', reason: 'connecting' }),
    account('stale', { state: 'stale', updatedAtMs: 1_000, reason: 'venue not answering' }),
    account('error', { state: 'stale', updatedAtMs: null, reason: 'key rejected' }),
  ];

  it('shows every account stale (an error stays an error), none live and none still connecting', () => {
    const shown = accountsAsShown(accounts, false);
    expect(shown.map((a) => a.status)).toEqual(['stale', 'stale', 'stale', 'error']);
    expect(shown.map((a) => a.freshness)).toEqual([
      { state: 'stale', updatedAtMs: 5_000, reason: 'connection to LiqLens lost' },
      { state: 'unknown', reason: 'connection to LiqLens lost' },
      { state: 'stale', updatedAtMs: 1_000, reason: 'connection to LiqLens lost' },
      { state: 'stale', updatedAtMs: null, reason: 'connection to LiqLens lost' },
    ]);
  });

  it('leaves the accounts as they are while connected', () => {
    expect(accountsAsShown(accounts, true)).toBe(accounts);
  });
});
