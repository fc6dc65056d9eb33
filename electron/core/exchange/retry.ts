import type { GatewayError } from './gateway-error';

/** How a call is retried. */
export interface RetryPolicy {
  /** Attempts in total, including the first; >= 1. */
  readonly attempts: number;
  /** Delay before the second attempt, ms; doubles each time (full jitter). */
  readonly baseDelayMs: number;
  /** Upper bound of one delay, ms. */
  readonly maxDelayMs: number;
}

/** REST calls: three attempts, 0.5 s then 1 s (bounded by 8 s), a venue's Retry-After taking precedence. */
export const defaultRetryPolicy: RetryPolicy = { attempts: 3, baseDelayMs: 500, maxDelayMs: 8000 };

/**
 * The delay before attempt `attempt + 1` (attempt counts from 1): exponential with full jitter
 * (random in [half, whole] of `base × 2^(attempt−1)`, capped), so that many clients dropped at
 * once do not reconnect in lockstep. `random` is injectable for tests.
 */
export function backoffDelayMs(
  attempt: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.5 + 0.5 * random()));
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs `call`, retrying `GatewayError`s that are `retryable` (network, rate limit) with backoff;
 * a venue's Retry-After (when longer) replaces the computed delay. Other errors reject at once.
 * `mapError` turns whatever `call` throws into a `GatewayError`.
 */
export async function withRetry<T>(
  call: () => Promise<T>,
  mapError: (error: unknown) => GatewayError,
  policy: RetryPolicy = defaultRetryPolicy,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const mapped = mapError(error);
      if (!mapped.retryable || attempt >= policy.attempts) throw mapped;
      await sleep(Math.max(backoffDelayMs(attempt, policy), mapped.retryAfterMs ?? 0));
    }
  }
}

/** Whether `error` is a `GatewayError` the user must act on (auth or clock): streams stop retrying. */
export function needsUser(error: GatewayError): boolean {
  return error.kind === 'auth' || error.kind === 'clock';
}

/**
 * When each venue may be asked again after it sent Retry-After, keyed by venue and base URL. One
 * table per process on purpose: a venue limits the IP, so every gateway to it (accounts, markets,
 * permission checks) must stay quiet until the time has passed, not only the call that was refused.
 */
const quietUntilMs = new Map<string, number>();

/** Records a venue's Retry-After: no request to `key` before `nowMs + retryAfterMs`. */
export function holdVenue(key: string, retryAfterMs: number, nowMs: number = Date.now()): void {
  quietUntilMs.set(key, Math.max(quietUntilMs.get(key) ?? 0, nowMs + retryAfterMs));
}

/** Resolves once the venue's Retry-After (if any) has passed; at once otherwise. */
export async function waitForVenue(key: string, now: () => number = Date.now): Promise<void> {
  for (let left = (quietUntilMs.get(key) ?? 0) - now(); left > 0; left = (quietUntilMs.get(key) ?? 0) - now())
    await sleep(left);
}
