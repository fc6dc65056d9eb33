import type { ContractTransport } from '../../../shared/ipc/api';
import type { EventName, Events } from '../../../shared/ipc/contract';
import type { HostMessage } from '../../../shared/ipc/wire';
import { createConnectionSource, type ConnectionSource } from './connection';

/** Reconnect delays in milliseconds; the last repeats. */
const backoffMs = [250, 500, 1000, 2000, 4000, 5000];
/** After this long without a connection the state turns from "reconnecting" to "lost". */
const lostAfterMs = 6000;
/** A request with no answer after this long fails instead of hanging. */
const requestTimeoutMs = 15_000;
/**
 * Requests the core answers only once a venue has: opening a market waits for its history (the
 * chart shows the backfill's progress meanwhile), which on a slow venue or a busy machine takes
 * far longer than an ordinary request.
 */
const slowRequestTimeoutMs: Partial<Record<string, number>> = { 'market:open': 120_000 };

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * The web-mode transport: one WebSocket to the host carrying the contract, with request ids,
 * timeouts, and reconnection with backoff. Requests made while disconnected fail at once with a
 * clear message rather than queueing behind a dead link.
 */
export function createWebSocketTransport(url: string): { transport: ContractTransport; connection: ConnectionSource } {
  const connection = createConnectionSource('connecting');
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const pending = new Map<number, Pending>();
  let socket: WebSocket | undefined;
  let nextId = 1;
  let attempt = 0;
  let downSinceMs: number | undefined;

  const failPending = (message: string): void => {
    for (const [id, request] of pending) {
      clearTimeout(request.timer);
      request.reject(new Error(message));
      pending.delete(id);
    }
  };

  const onMessage = (event: MessageEvent<unknown>): void => {
    if (typeof event.data !== 'string') return;
    const message = JSON.parse(event.data) as HostMessage;
    if (message.type === 'event') {
      for (const listener of listeners.get(message.event) ?? [])
        (listener as (payload: unknown) => void)(message.payload);
    } else if (message.type === 'response') {
      const request = pending.get(message.id);
      if (!request) return;
      pending.delete(message.id);
      clearTimeout(request.timer);
      if (message.ok) request.resolve(message.result);
      else request.reject(new Error(message.error.message));
    }
  };

  const connect = (): void => {
    const next = new WebSocket(url);
    socket = next;
    next.addEventListener('open', () => {
      attempt = 0;
      downSinceMs = undefined;
      connection.set('connected');
    });
    next.addEventListener('message', onMessage);
    next.addEventListener('close', () => {
      if (socket !== next) return;
      failPending('The connection to LiqLens was lost.');
      downSinceMs ??= Date.now();
      connection.set(Date.now() - downSinceMs >= lostAfterMs ? 'lost' : 'reconnecting');
      const delay = backoffMs[Math.min(attempt, backoffMs.length - 1)] ?? 5000;
      attempt += 1;
      setTimeout(connect, delay);
    });
  };
  connect();

  const transport: ContractTransport = {
    invoke(channel, payload) {
      const open = socket;
      if (!open || open.readyState !== WebSocket.OPEN) {
        return Promise.reject(new Error('Not connected to LiqLens right now; retrying.'));
      }
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`LiqLens did not answer ${channel} in time.`));
        }, slowRequestTimeoutMs[channel] ?? requestTimeoutMs);
        pending.set(id, { resolve, reject, timer });
        open.send(JSON.stringify({ type: 'request', id, channel, payload }));
      });
    },
    subscribe<E extends EventName>(event: E, callback: (payload: Events[E]) => void) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(callback);
      return () => {
        set.delete(callback);
      };
    },
  };
  return { transport, connection };
}
