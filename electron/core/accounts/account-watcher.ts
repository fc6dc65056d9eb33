import type { AccountSnapshot } from '../../../shared/domain/account-snapshot';
import type { ForceClose } from '../../../shared/domain/force-close';
import type { AccountVenue } from '../../../shared/domain/account-venue';
import type { Freshness } from '../../../shared/domain/freshness';
import type { AccountKind, AccountStatus, AccountSummary, KeyPermissions } from '../../../shared/ipc/views/accounts';
import { GatewayError } from '../exchange/gateway-error';
import type { SnapshotSource } from './manual-source';
import { createPollCadence } from './poll-cadence';
import type { Clock, Logger } from '../ports';

/** One account being watched: its gateway, the last snapshot and where its data stands. */
export interface AccountWatcher {
  readonly id: string;
  /** The label the user gave the account. */
  readonly label: string;
  readonly kind: AccountKind;
  summary(): AccountSummary;
  /** The last snapshot, if any, and where its data stands (`freshness()`). */
  latest(): { readonly snapshot: AccountSnapshot; readonly freshness: Freshness } | undefined;
  /** Where the account's data stands: the one answer its summary, its positions and its alerts use. */
  freshness(): Freshness;
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
  /** How often to fetch the account, ms, near danger (see poll-cadence.ts). Data older than 3 polls is stale. */
  readonly pollMs: number;
  /** How often to fetch it while every position is far from danger, ms; absent: `pollMs` always. */
  readonly slowPollMs?: number;
  /** Whether a position of the account is near danger now (the alerts' live reading); absent: never. */
  readonly urgent?: () => boolean;
  /** Called after every change of snapshot or status. */
  readonly onChange: (watcher: AccountWatcher) => void;
}

/**
 * Polls one account's positions on the clock, at the adaptive cadence of poll-cadence.ts (fast near
 * danger or after a change, slow while far from it). A failure keeps the last snapshot but marks it
 * stale once it is older than three polls of the cadence in force, so a frozen number is never shown
 * as live; an auth failure turns the account to `error` with the venue's words until a fetch
 * succeeds again.
 */
export function watchAccount(options: WatcherOptions): AccountWatcher {
  const { clock, gateway, logger, pollMs } = options;
  const cadence = createPollCadence(
    { fastMs: pollMs, slowMs: options.slowPollMs ?? pollMs, ...(options.urgent ? { urgent: options.urgent } : {}) },
    () => clock.now(),
  );
  /** When the last read started (the watcher's clock), undefined before the first. */
  let lastStartMs: number | undefined;
  let snapshot: AccountSnapshot | undefined;
  /** The last read failed in a way only the user can fix (key, clock): the account shows `error`. */
  let needsUser = false;
  let permissions: KeyPermissions | undefined;
  let inFlight: Promise<void> | undefined;
  let stopped = false;
  /** Why the last read failed (the venue's words), until one succeeds; `broken`: it answered unreadably. */
  let failure: { readonly message: string; readonly broken: boolean } | undefined;

  const tooOld = (): boolean => snapshot !== undefined && clock.now() - snapshot.fetchedAtMs > cadence.staleAfterMs();
  /**
   * Live while the last read succeeded and is within three polls (of the cadence in force); stale once it is older, or at once
   * when the venue answered with a payload that could not be read (the numbers are no longer
   * confirmed). A failed read within the cadence keeps the data live: one lost request is not old data.
   */
  const freshness = (): Freshness => {
    if (snapshot === undefined) return { state: 'unknown', reason: failure?.message ?? 'connecting' };
    const updatedAtMs = snapshot.fetchedAtMs;
    if (failure?.broken) return { state: 'stale', updatedAtMs, reason: `venue answer unreadable: ${failure.message}` };
    if (!tooOld()) return { state: 'live', updatedAtMs };
    const reason = failure ? `venue not answering: ${failure.message}` : 'no fresh data from the exchange';
    return { state: 'stale', updatedAtMs, reason };
  };

  const fetchOnce = async (): Promise<void> => {
    try {
      // Stamped on the watcher's own clock, the one its age is judged on (`tooOld`): an injected clock
      // (the engine's, moved by a test or a replay) would otherwise compare two different times.
      snapshot = { ...(await gateway.fetchAccount()), fetchedAtMs: clock.now() };
      needsUser = false;
      failure = undefined;
      cadence.record({ ok: true, snapshot });
    } catch (error) {
      cadence.record({ ok: false });
      const message = error instanceof Error ? error.message : String(error);
      const fatal = error instanceof GatewayError && (error.kind === 'auth' || error.kind === 'clock');
      // The venue answered, but with a broken payload: the numbers on screen are no longer confirmed, so stale at once.
      const broken = error instanceof GatewayError && error.kind === 'exchange';
      failure = { message, broken };
      needsUser = fatal;
      logger.warn('account fetch failed', { account: options.id, venue: options.venue, message });
    }
    if (!stopped) options.onChange(watcher);
  };

  /** The status shown: `error` (needs the user) stands; otherwise the data's freshness decides. */
  const shownStatus = (): AccountStatus => {
    if (needsUser) return 'error';
    const state = freshness().state;
    return state === 'unknown' ? 'connecting' : state;
  };

  const watcher: AccountWatcher = {
    id: options.id,
    label: options.label,
    kind: options.kind,
    summary() {
      const shown = shownStatus();
      const current = freshness();
      return {
        id: options.id,
        label: options.label,
        venue: options.venue,
        source: options.source,
        kind: options.kind,
        status: shown,
        freshness: current,
        ...(failure
          ? { statusMessage: failure.message }
          : current.state === 'stale'
            ? { statusMessage: 'No fresh data from the exchange; the numbers shown are old.' }
            : {}),
        ...(permissions ? { permissions } : {}),
        updatedAtMs: snapshot?.fetchedAtMs ?? null,
        equity: snapshot?.account.equity ?? null,
        maintenanceMargin: snapshot?.account.maintenanceMargin ?? null,
        marginRatio: snapshot?.account.marginRatio ?? null,
        accountMode: snapshot?.accountMode ?? null,
        venueGauge: snapshot?.venueGauge ?? null,
        refreshMs: cadence.intervalMs(),
      };
    },
    latest: () => (snapshot ? { snapshot, freshness: freshness() } : undefined),
    freshness,
    async forceCloses(sinceMs) {
      if (gateway.fetchForceCloses === undefined)
        throw new GatewayError('unsupported', 'Typed-in positions have no force-close records.');
      return gateway.fetchForceCloses(sinceMs);
    },
    refresh() {
      if (inFlight === undefined) lastStartMs = clock.now();
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
  let lastState: Freshness['state'] = 'unknown';
  let lastIntervalMs = cadence.intervalMs();
  // Checked every fast interval: a read is due at the cadence in force (see poll-cadence.ts).
  const stopTimer = clock.every(pollMs, () => {
    // Data that aged past its cadence since the last change is news on its own: say so now; so is a new cadence.
    const state = freshness().state;
    const intervalMs = cadence.intervalMs();
    const news = (state !== lastState && state === 'stale') || intervalMs !== lastIntervalMs;
    lastState = state;
    lastIntervalMs = intervalMs;
    if (cadence.due(lastStartMs)) void watcher.refresh();
    if (news) options.onChange(watcher);
  });
  return watcher;
}
