import { describe, expect, it } from 'vitest';
import { createExactThrottler, type ThrottlerTime } from './exact-throttler';

/** A clock that moves only when the throttler sleeps, so spacing and wake-ups are exact. */
function virtualTime(): ThrottlerTime & { readonly sleeps: number[]; advance(ms: number): void } {
  let nowMs = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => nowMs,
    sleep: async (ms) => {
      sleeps.push(ms);
      nowMs += ms;
    },
    advance: (ms) => {
      nowMs += ms;
    },
  };
}

/** Asks for `costs` at once and records when (virtual ms) each request was let through, in order. */
async function burst(throttler: ReturnType<typeof createExactThrottler>, time: ThrottlerTime, costs: number[]) {
  const granted: { index: number; atMs: number }[] = [];
  await Promise.all(
    costs.map((cost, index) => throttler.throttle(cost).then(() => granted.push({ index, atMs: time.now() }))),
  );
  return granted;
}

describe('createExactThrottler', () => {
  // Binance's ccxt rateLimit is 50 ms: a refill of 1/50 token per ms, capacity 1.
  const bucket = { refillRate: 1 / 50, capacity: 1, cost: 1 };

  it('lets a burst through at the venue rate, in order, with one wake-up per waiting request', async () => {
    const time = virtualTime();
    const granted = await burst(createExactThrottler(bucket, time), time, [1, 1, 1, 1, 1]);
    expect(granted).toEqual([0, 50, 100, 150, 200].map((atMs, index) => ({ index, atMs })));
    // ccxt's own loop polls every millisecond: 200 wake-ups for this burst.
    expect(time.sleeps).toEqual([50, 50, 50, 50]);
  });

  it('charges each request its endpoint cost', async () => {
    const time = virtualTime();
    const granted = await burst(createExactThrottler(bucket, time), time, [5, 1, 2]);
    // The weight-5 request leaves a deficit of 5 tokens (250 ms) before the next may go.
    expect(granted.map((grant) => grant.atMs)).toEqual([0, 250, 300]);
  });

  it('refills while nobody asks, never beyond its capacity', async () => {
    const time = virtualTime();
    const throttler = createExactThrottler(bucket, time);
    await throttler.throttle();
    time.advance(10_000);
    // A long pause earns one token at most (as ccxt's bucket): two requests go at once, the third waits a refill.
    const granted = await burst(throttler, time, [1, 1, 1]);
    expect(granted.map((grant) => grant.atMs - 10_000)).toEqual([0, 0, 50]);
  });
});
