/** The leaky bucket of a ccxt client, as ccxt builds it from the venue's `rateLimit` (`exchange.tokenBucket`). */
export interface TokenBucket {
  /** Tokens refilled per millisecond (1 / the venue's `rateLimit` in ms). */
  readonly refillRate: number;
  /** The most tokens the bucket holds (ccxt: 1, so no burst beyond one request). */
  readonly capacity: number;
  /** What a request costs when the endpoint names no cost. */
  readonly cost: number;
}

/** What the throttler reads time with; a test passes its own. */
export interface ThrottlerTime {
  /** Monotonic milliseconds. */
  readonly now: () => number;
  /** Resolves after `ms` milliseconds. */
  readonly sleep: (ms: number) => Promise<void>;
}

/** The one method a ccxt client calls on its throttler before each REST request. */
export interface ExactThrottler {
  /** Resolves when a request of `cost` tokens may go; requests go in the order they asked. */
  throttle(cost?: number): Promise<void>;
}

const systemTime: ThrottlerTime = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * ccxt's leaky bucket (same tokens, capacity and costs, so the same request rate), but a request
 * that must wait sleeps once for the time its deficit takes to refill. ccxt's own loop wakes every
 * millisecond until the bucket refills: about a hundred timer wake-ups per request that waits, a
 * measurable part of an idle app's CPU (an account poll sends several requests at once). Tokens
 * refill while no request waits too, never above `capacity`.
 */
export function createExactThrottler(bucket: TokenBucket, time: ThrottlerTime = systemTime): ExactThrottler {
  let tokens = 0;
  let lastMs = time.now();
  let queue: Promise<void> = Promise.resolve();
  const refill = (): void => {
    const nowMs = time.now();
    tokens = Math.min(bucket.capacity, tokens + bucket.refillRate * (nowMs - lastMs));
    lastMs = nowMs;
  };
  const take = async (cost: number): Promise<void> => {
    refill();
    // A timer may fire a fraction of a millisecond early: wait again for what is left.
    while (tokens < 0) {
      await time.sleep(Math.max(1, Math.ceil(-tokens / bucket.refillRate)));
      refill();
    }
    tokens -= cost;
  };
  return {
    throttle(cost = bucket.cost) {
      const turn = queue.then(() => take(cost));
      queue = turn;
      return turn;
    },
  };
}
