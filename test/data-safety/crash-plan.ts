/**
 * What the crash-test child writes at step `i` of run `run`, computed the same way by the child
 * (to write it) and by the test (to know what a reported step saved). Deterministic on purpose.
 */
import type { AlertEvent } from '../../shared/alerts';
import type { AccountRecord } from '../../electron/core/accounts/account-registry';

/** Accounts kept at most: the oldest is removed once there are more (the registry allows 100). */
export const maxAccounts = 30;

/** Settings' heartbeat at a step: unique per (run, step) within the schema's range. */
export function heartbeatAt(run: number, step: number): number {
  return 250 + ((run * 7919 + step) % 59_000);
}

/** A global sequence number of a step, for the alert state and event ids. */
export function sequenceAt(run: number, step: number): number {
  return run * 1_000_000 + step;
}

/** The account added at a step. */
export function accountAt(run: number, step: number): AccountRecord {
  return {
    id: `acct-${run}-${step}`,
    label: `Run ${run} step ${step}`,
    venue: 'hyperliquid',
    kind: 'address',
    address: '0x0000000000000000000000000000000000000001',
    createdAtMs: 1_700_000_000_000 + step,
  };
}

/** The account ids after adding `id` to `ids` and trimming the oldest beyond `maxAccounts`. */
export function afterAdd(ids: readonly string[], id: string): string[] {
  const next = [...ids, id];
  return next.length > maxAccounts ? next.slice(1) : next;
}

/** The alert event appended at a step. */
export function eventAt(run: number, step: number): AlertEvent {
  const sequence = sequenceAt(run, step);
  return {
    id: `event-${sequence}`,
    timeMs: 1_700_000_000_000 + sequence,
    accountId: 'acct',
    accountLabel: 'Main',
    venue: 'binance-usdm',
    symbol: 'BTCUSDT',
    displaySymbol: 'BTC/USDT',
    side: 'long',
    rule: 'marginRatio',
    level: 'warning',
    value: 0.5,
    threshold: 0.4,
    tickTimeMs: 1_700_000_000_000 + sequence,
    cleared: false,
    silent: false,
    message: `step ${sequence}`,
  };
}

/** The minute of the open-interest point recorded at a step. */
export function minuteAt(run: number, step: number): number {
  return Date.UTC(2026, 0, 5) + sequenceAt(run, step) * 60_000;
}
