import type { StreamState } from '../../../shared/domain/stream-state';
import type { GatewayError } from './gateway-error';
import { backoffDelayMs, needsUser, sleep } from './retry';

/** Reconnect delays of streams: 0.5 s doubling to 30 s (jittered), so a dropped venue is not hammered. */
const reconnectPolicy = { baseDelayMs: 500, maxDelayMs: 30_000 } as const;

/** What a stream loop runs. */
export interface StreamLoopOptions<T> {
  /** One-time setup before the first watch (load markets, ccxt's ws:// proxy agent); retried on failure. */
  readonly prepare: () => Promise<void>;
  /** One ccxt.pro watch call: resolves with the next update; rejects when the socket fails. */
  readonly watch: () => Promise<T>;
  readonly onData: (data: T, receivedAtMs: number) => void;
  readonly onState: (state: StreamState) => void;
  /** No data for this long (ms) while live → `stale`; null: never stale (sparse feeds). */
  readonly staleAfterMs: number | null;
  readonly mapError: (error: unknown) => GatewayError;
  /**
   * Tears the socket down when the stream goes stale: a half-open connection (no data, no close)
   * would otherwise keep the pending watch waiting forever. The watch then rejects and the loop
   * reconnects as after a drop.
   */
  readonly onStale?: () => void;
  readonly now?: () => number;
}

/**
 * Runs a ccxt.pro watch in a loop: each resolved update goes to `onData`; a failure reports
 * `reconnecting` (with attempt and reason) and retries with jittered backoff (ccxt reopens the
 * socket and resubscribes on the next watch call); the first update after that reports `live`.
 * A live stream silent for `staleAfterMs` reports `stale`. Returns a stop function (idempotent).
 */
export function runStreamLoop<T>(options: StreamLoopOptions<T>): () => void {
  const now = options.now ?? Date.now;
  let stopped = false;
  let status: StreamState['status'] | 'starting' = 'starting';
  let lastDataMs = now();
  const emit = (state: StreamState): void => {
    status = state.status;
    if (!stopped) options.onState(state);
  };
  // One timer armed for the moment the stream would turn stale, moved on by the data that came
  // meanwhile: a stream that keeps talking wakes it once per `staleAfterMs`, not every second.
  let staleTimer: ReturnType<typeof setTimeout> | null = null;
  const armStaleTimer = (delayMs: number): void => {
    staleTimer = setTimeout(checkStale, delayMs);
    staleTimer.unref();
  };
  const checkStale = (): void => {
    staleTimer = null;
    const staleAfterMs = options.staleAfterMs;
    if (stopped || staleAfterMs === null) return;
    const silentMs = now() - lastDataMs;
    if (status === 'live' && silentMs > staleAfterMs) {
      emit({
        status: 'stale',
        sinceMs: lastDataMs,
        reason: `no update for ${Math.round(silentMs / 1000)} s (expected within ${staleAfterMs / 1000} s)`,
      });
      options.onStale?.();
    }
    // Checked again just after the newest data would go stale; past that (stale, reconnecting), a
    // period on, by when any data that came meanwhile is at most that old.
    const untilStaleMs = lastDataMs + staleAfterMs + 1 - now();
    armStaleTimer(untilStaleMs > 0 ? untilStaleMs : staleAfterMs);
  };
  if (options.staleAfterMs !== null) armStaleTimer(options.staleAfterMs + 1);

  const run = async (): Promise<void> => {
    let prepared = false;
    let attempt = 0;
    while (!stopped) {
      try {
        if (!prepared) {
          await options.prepare();
          prepared = true;
          // Stopped while preparing (the core stopping as markets load): dialling now would open a
          // socket nobody closes, and it would keep the process alive.
          if (stopped) return;
        }
        const data = await options.watch();
        if (stopped) return;
        lastDataMs = now();
        attempt = 0;
        if (status !== 'live') emit({ status: 'live', sinceMs: lastDataMs });
        options.onData(data, lastDataMs);
      } catch (error) {
        if (stopped) return;
        const mapped = options.mapError(error);
        attempt += 1;
        emit({ status: 'reconnecting', sinceMs: now(), reason: mapped.message, attempt });
        // A key or clock problem will not heal by itself: retry slowly rather than hammer the venue.
        const delay = needsUser(mapped)
          ? reconnectPolicy.maxDelayMs
          : Math.max(backoffDelayMs(attempt, reconnectPolicy), mapped.retryAfterMs ?? 0);
        await sleep(delay);
      }
    }
  };
  void run();
  return () => {
    stopped = true;
    if (staleTimer !== null) clearTimeout(staleTimer);
  };
}
