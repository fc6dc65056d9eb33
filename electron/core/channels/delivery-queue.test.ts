import { describe, expect, it } from 'vitest';
import type { NotificationRequest } from '../ports';
import { createDeliveryQueue, type QueueTimer } from './delivery-queue';
import type { Attempt } from './http-post';

const timer: QueueTimer = { now: () => 0, sleep: async () => undefined };
const policy = { minIntervalMs: 0, maxQueued: 3, maxAttempts: 2, backoffMs: 1000 };

describe('delivery queue', () => {
  it('sends critical first and, when full, drops the least urgent oldest one', async () => {
    const sent: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const queue = createDeliveryQueue(policy, timer, () => undefined);
    const send = (name: string, wait?: Promise<void>) => async (): Promise<Attempt> => {
      await wait;
      sent.push(name);
      return { ok: true };
    };
    const add = (level: NotificationRequest['level'], name: string, wait?: Promise<void>) =>
      queue.enqueue(level, send(name, wait));
    // The first one is in flight (held at the gate); the next ones wait in the queue of three.
    const outcomes = [
      add('warning', 'first', gate),
      add('warning', 'w1'),
      add('info', 'i1'),
      add('warning', 'w2'),
      add('critical', 'c1'),
    ];
    expect(queue.size()).toBe(3);
    release();
    const states = await Promise.all(outcomes);
    expect(sent).toEqual(['first', 'c1', 'w1', 'w2']);
    expect(states.map((outcome) => outcome.state)).toEqual([
      'delivered',
      'delivered',
      'dropped',
      'delivered',
      'delivered',
    ]);
    expect(states[2]?.detail).toBe('dropped: 3 notifications waiting');
  });

  it('gives up after its attempts and says how many it made', async () => {
    const queue = createDeliveryQueue(policy, timer, () => undefined);
    const outcome = await queue.enqueue('danger', async () => ({
      ok: false,
      retryable: true,
      detail: 'network error: ECONNREFUSED',
      retryAfterMs: null,
    }));
    expect(outcome).toEqual({ state: 'failed', detail: 'failed: network error: ECONNREFUSED (after 2 attempts)' });
  });
});
