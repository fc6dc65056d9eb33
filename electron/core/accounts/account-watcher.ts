import type { AccountSnapshot } from '../../../shared/domain/account-snapshot';
import type { ForceClose } from '../../../shared/domain/force-close';
import type { AccountVenue } from '../../../shared/domain/account-venue';
import type { AccountKind, AccountStatus, AccountSummary, KeyPermissions } from '../../../shared/ipc/views/accounts';
import { GatewayError } from '../exchange/gateway-error';
import type { SnapshotSource } from './manual-source';
import type { Clock, Logger } from '../ports';

/** One account being watched: its gateway, the last snapshot and where its data stands. */
export interface AccountWatcher {
  readonly id: string;
  summary(): AccountSummary;
  /** The last snapshot, if any, and whether it is older than the account's cadence allows. */
  latest(): { readonly snapshot: AccountSnapshot; readonly stale: boolean } | undefined;
  /**
   * The account's force-close records since `sinceMs` (venue clock, Unix ms); rejects with a
   * `GatewayError` of kind `unsupported` for a source that has none (typed-in positions).
   */
  forceCloses(sinceMs: number): Promise<readonly ForceClose[]>;
  /** Fetches now (also what the poll timer calls); resolves when the fetch is done, never rejects. */
  refresh(): Promise<void>;
  setPermissions(permissions: KeyPermissions): void;
  stop(): Promise<void>;
}

/** Options of an account watcher. */
export interface WatcherOptions {
  readonly id: string;
  readonly label: string;
  readonly venue: AccountVenue;
  /** The market source the account reads (`sourceIdOf`), shown in its header. */
  readonly source: string;
  readonly kind: AccountKind;
  /** Where snapshots come from: an exchange gateway, or the manual-position pricer. */
  readonly gateway: SnapshotSource;
  readonly clock: Clock;
  readonly logger: Logger;
  /** How often to fetch the account, ms. Data older than 3 polls is stale. */
  readonly pollMs: number;
  /** Called after every change of snapshot or status. */
  readonly onChange: (watcher: AccountWatcher) => void;
}

/**
 * Polls one account's positions on the clock. A failure keeps the last snapshot but marks it stale
 * once it is older than three polls, so a frozen number is never shown as live; an auth failure
 * turns the account to `error` with the venue's words until a fetch succeeds again.
 */
export function watchAccount(options: WatcherOptions): AccountWatcher {
  const { clock, gateway, logger, pollMs } = options;
  let snapshot: AccountSnapshot | undefined;
  let status: AccountStatus = 'connecting';
  let statusMessage: string | undefined;
  let permissions: KeyPermissions | undefined;
  let inFlight: Promise<void> | undefined;
  let stopped = false;

  const isStale = (): boolean => snapshot !== undefined && clock.now() - snapshot.fetchedAtMs > 3 * pollMs;

  const fetchOnce = async (): Promise<void> => {
    try {
      snapshot = await gateway.fetchAccount();
      status = 'live';
      statusMessage = undefined;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const fatal = error instanceof GatewayError && (error.kind === 'auth' || error.kind === 'clock');
      // The venue answered, but with a broken payload: the numbers on screen are no longer confirmed, so stale at once.
      const broken = error instanceof GatewayError && error.kind === 'exchange';
      status = fatal ? 'error' : snapshot && !isStale() && !broken ? 'live' : snapshot ? 'stale' : 'connecting';
      statusMessage = message;
      logger.warn('account fetch failed', { account: options.id, venue: options.venue, message });
    }
    if (!stopped) options.onChange(watcher);
  };

  const watcher: AccountWatcher = {
    id: options.id,
    summary() {
      const shownStatus: AccountStatus = status === 'live' && isStale() ? 'stale' : status;
      return {
        id: options.id,
        label: options.label,
        venue: options.venue,
        source: options.source,
        kind: options.kind,
        status: shownStatus,
        ...(statusMessage
          ? { statusMessage }
          : shownStatus === 'stale'
            ? { statusMessage: 'No fresh data from the exchange; the numbers shown are old.' }
            : {}),
        ...(permissions ? { permissions } : {}),
        updatedAtMs: snapshot?.fetchedAtMs ?? null,
        equity: snapshot?.account.equity ?? null,
        maintenanceMargin: snapshot?.account.maintenanceMargin ?? null,
        marginRatio: snapshot?.account.marginRatio ?? null,
        accountMode: snapshot?.accountMode ?? null,
        venueGauge: snapshot?.venueGauge ?? null,
      };
    },
    // Stale by age, or because the last answer was unusable (status turned stale at once).
    latest: () => (snapshot ? { snapshot, stale: isStale() || status === 'stale' } : undefined),
    async forceCloses(sinceMs) {
      if (gateway.fetchForceCloses === undefined)
        throw new GatewayError('unsupported', 'Typed-in positions have no force-close records.');
      return gateway.fetchForceCloses(sinceMs);
    },
    refresh() {
      inFlight ??= fetchOnce().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
    setPermissions(next) {
      permissions = next;
      if (!stopped) options.onChange(watcher);
    },
    async stop() {
      stopped = true;
      stopTimer();
      await inFlight;
      await gateway.close();
    },
  };
  const stopTimer = clock.every(pollMs, () => {
    const wasStale = status === 'live' && isStale();
    void watcher.refresh();
    if (wasStale) options.onChange(watcher);
  });
  return watcher;
}
