import type { DeliveryStatus } from '../../../shared/ipc/views/channels';
import type { NotificationRequest } from '../ports';
import type { Attempt } from './http-post';

/** Time as the queue sees it: injectable so tests check the waits without waiting. */
export interface QueueTimer {
  /** Epoch ms. */
  now(): number;
  /** Resolves after `ms`, or at once when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** The real timer. */
export const realQueueTimer: QueueTimer = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done);
    }),
};

/** A channel's pace and patience. */
export interface QueuePolicy {
  /** Least time between two sends, ms (the service's rate limit). */
  readonly minIntervalMs: number;
  /** Most notifications waiting; beyond it the least urgent is dropped. */
  readonly maxQueued: number;
  /** Attempts per notification, the first included. */
  readonly maxAttempts: number;
  /** The first retry's wait, ms; doubles on each further one. */
  readonly backoffMs: number;
}

/** The final state of one notification on a channel. */
export type Outcome = Pick<DeliveryStatus, 'state' | 'detail'>;

/** One channel's queue. */
export interface DeliveryQueue {
  /** Queues a notification; resolves with its final state. Never throws, never blocks the caller. */
  enqueue(level: NotificationRequest['level'], send: (signal: AbortSignal) => Promise<Attempt>): Promise<Outcome>;
  /** How many wait (the one being sent not included). */
  size(): number;
  /** Resolves once nothing waits or is in flight, or after `withinMs`, whichever is first. */
  drain(withinMs: number): Promise<void>;
  /** Stops: what waits ends as dropped, a wait in progress ends at once. */
  stop(): void;
}

const rank = { info: 0, warning: 1, danger: 2, critical: 3 } as const;

interface Item {
  readonly level: NotificationRequest['level'];
  readonly send: (signal: AbortSignal) => Promise<Attempt>;
  readonly resolve: (outcome: Outcome) => void;
}

/**
 * A bounded queue that sends one notification at a time, at most one per `minIntervalMs`, most
 * urgent first (critical before danger before warning, in arrival order within a level). A 429,
 * 5xx or network failure is retried after `backoffMs`, doubling, or after the service's own
 * "retry after" when longer; other failures are final. When full, the least urgent, oldest
 * notification is dropped (the new one if it is the least urgent): critical alerts get through.
 * `onStatus` hears every state change, for the settings and the alert history.
 */
export function createDeliveryQueue(
  policy: QueuePolicy,
  timer: QueueTimer,
  onStatus: (status: DeliveryStatus) => void,
): DeliveryQueue {
  const waiting: Item[] = [];
  const stopping = new AbortController();
  let running = false;
  let lastSentAtMs = Number.NEGATIVE_INFINITY;
  let idle: (() => void)[] = [];

  const report = (state: DeliveryStatus['state'], detail: string): Outcome => {
    onStatus({ state, detail, atMs: timer.now() });
    return { state, detail };
  };
  const takeMostUrgent = (): Item | undefined => {
    let best = 0;
    for (let i = 1; i < waiting.length; i += 1) {
      const item = waiting[i];
      const current = waiting[best];
      if (item && current && rank[item.level] > rank[current.level]) best = i;
    }
    return waiting.splice(best, 1)[0];
  };
  const attempt = async (item: Item): Promise<Outcome> => {
    for (let n = 1; ; n += 1) {
      const wait = lastSentAtMs + policy.minIntervalMs - timer.now();
      if (wait > 0) await timer.sleep(wait, stopping.signal);
      if (stopping.signal.aborted) return report('dropped', 'dropped: stopped before sending');
      lastSentAtMs = timer.now();
      const result = await item.send(stopping.signal);
      if (result.ok) return report('delivered', 'delivered');
      if (!result.retryable || n >= policy.maxAttempts) {
        const tries = n > 1 ? ` (after ${n} attempts)` : '';
        return report('failed', `failed: ${result.detail}${tries}`);
      }
      const backoff = Math.max(policy.backoffMs * 2 ** (n - 1), result.retryAfterMs ?? 0);
      report('retrying', `retrying in ${Math.ceil(backoff / 1000)} s: ${result.detail}`);
      await timer.sleep(backoff, stopping.signal);
    }
  };
  const pump = async (): Promise<void> => {
    if (running) return;
    running = true;
    for (let item = takeMostUrgent(); item; item = takeMostUrgent()) item.resolve(await attempt(item));
    running = false;
    for (const done of idle) done();
    idle = [];
  };

  return {
    enqueue(level, send) {
      return new Promise<Outcome>((resolve) => {
        if (stopping.signal.aborted) return resolve(report('dropped', 'dropped: stopped'));
        waiting.push({ level, send, resolve });
        if (waiting.length > policy.maxQueued) {
          // The least urgent, oldest one goes (the order within a level is arrival order).
          let worst = 0;
          for (let i = 1; i < waiting.length; i += 1) {
            const item = waiting[i];
            const current = waiting[worst];
            if (item && current && rank[item.level] < rank[current.level]) worst = i;
          }
          waiting.splice(worst, 1)[0]?.resolve(report('dropped', `dropped: ${policy.maxQueued} notifications waiting`));
        }
        void pump();
      });
    },
    size: () => waiting.length,
    drain(withinMs) {
      if (!running && waiting.length === 0) return Promise.resolve();
      const deadline = new AbortController();
      return new Promise<void>((resolve) => {
        idle.push(resolve);
        void timer.sleep(withinMs, deadline.signal).then(resolve);
      }).finally(() => deadline.abort());
    },
    stop() {
      stopping.abort();
      for (const item of waiting.splice(0)) item.resolve(report('dropped', 'dropped: stopped before sending'));
    },
  };
}
