/** How fast one web client may send requests: a burst, then a steady rate. */
export interface RateLimit {
  /** Requests allowed at once after a quiet spell. */
  readonly burst: number;
  /** Requests per second allowed for as long as the client keeps sending. */
  readonly perSecond: number;
}

/**
 * The default per-client limit: far above what the renderer sends (a few requests per user action;
 * what-if runs in the renderer), far below what would keep the core busy for other clients.
 */
export const defaultRateLimit: RateLimit = { burst: 200, perSecond: 50 };

/**
 * A token bucket: `take()` is true while the client is within `limit`, false when the request must
 * be refused. `now` is in milliseconds (injectable for tests).
 */
export function createTokenBucket(limit: RateLimit, now: () => number = Date.now): { take(): boolean } {
  let tokens = limit.burst;
  let lastMs = now();
  return {
    take() {
      const at = now();
      tokens = Math.min(limit.burst, tokens + ((at - lastMs) / 1000) * limit.perSecond);
      lastMs = at;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
