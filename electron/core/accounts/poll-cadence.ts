import type { AccountSnapshot } from '../../../shared/domain/account-snapshot';

/** How often an account is read: fast near danger or after a change, slower while every position is far from it. */
export interface CadenceOptions {
  /** The fast interval, ms: near danger, after a change, after a failed read, before the first read. */
  readonly fastMs: number;
  /** The calm interval, ms (at least `fastMs`; equal: a fixed cadence). */
  readonly slowMs: number;
  /**
   * Whether a position of the account holds an alert level or reads within its warning levels now
   * (the alert engine's `nearWarning`, fed by every mark tick); absent: never.
   */
  readonly urgent?: () => boolean;
}

/** The cadence of one account; see `createPollCadence`. */
export interface PollCadence {
  /** The interval in force now, ms. */
  intervalMs(): number;
  /** Whether a read started at `lastStartMs` (undefined: none yet) is followed by another one now. */
  due(lastStartMs: number | undefined): boolean;
  /**
   * How old the last read may be and still count as live, ms: three intervals, of the one in force
   * when it was read or the one the account's state asks for now, whichever is longer (a switch to
   * the fast cadence reads at once; until that read lands the last one is not yet overdue); after a
   * failed read, three fast intervals.
   */
  staleAfterMs(): number;
  /** A read succeeded (with its snapshot, compared with the previous one to see a change) or failed. */
  record(outcome: { readonly ok: true; readonly snapshot: AccountSnapshot } | { readonly ok: false }): void;
}

/** What decides that the account changed: its mode and each position's identity, size, entry, leverage, margin mode. */
function signatureOf(snapshot: AccountSnapshot): string {
  const rows = snapshot.positions.map(
    (p) => `${p.symbol}|${p.side}|${p.marginMode}|${p.size}|${p.entryPrice}|${p.leverage ?? ''}`,
  );
  return `${snapshot.accountMode};${rows.sort().join(';')}`;
}

/**
 * The adaptive cadence of an account's reads. Fast (`fastMs`) while a position is near danger
 * (`urgent`), for a calm interval after a read found the positions or the mode changed, and after a
 * failed read; otherwise slow (`slowMs`). Between reads the liquidation distance and margin ratio follow
 * the live mark stream through the exact engine (alerts), which is what `urgent` reads, so a
 * position drifting toward danger switches its account to the fast cadence at the next check.
 * `now`: the watcher's clock, ms.
 */
export function createPollCadence(options: CadenceOptions, now: () => number): PollCadence {
  const fastMs = options.fastMs;
  const slowMs = Math.max(options.slowMs, fastMs);
  let signature: string | undefined;
  let changedAtMs = Number.NEGATIVE_INFINITY;
  let failed = true;
  let intervalAtReadMs = fastMs;

  /** The interval the account's state asks for, leaving a failed read aside. */
  const plannedMs = (): number => {
    if (slowMs === fastMs || now() - changedAtMs < slowMs) return fastMs;
    return options.urgent?.() === true ? fastMs : slowMs;
  };
  const intervalMs = (): number => (failed ? fastMs : plannedMs());
  return {
    intervalMs,
    // Half a fast interval of slack: the check runs every fast interval, so a due read is not put off by one.
    due: (lastStartMs) => lastStartMs === undefined || now() - lastStartMs >= intervalMs() - fastMs / 2,
    // A failed read retries fast, and the data it could not renew is held to the fast bound: a lost
    // request on a 5 s cadence is not old data, but a calm account's 30 s old figures with the venue
    // not answering are (stale at once, until a read succeeds).
    staleAfterMs: () => 3 * (failed ? fastMs : Math.max(intervalAtReadMs, plannedMs())),
    record(outcome) {
      failed = !outcome.ok;
      if (!outcome.ok) return;
      const next = signatureOf(outcome.snapshot);
      // The first read is no change: only a difference from a previous read says the trader is acting.
      if (signature !== undefined && next !== signature) changedAtMs = now();
      signature = next;
      intervalAtReadMs = intervalMs();
    },
  };
}
