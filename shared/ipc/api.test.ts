import { describe, expect, it } from 'vitest';
import { createLiqLensApi, type ContractTransport } from './api';
import { eventNames, type EventName, type Events, type LiqLensApi } from './contract';

/** The LiqLensApi method whose callback takes event E's payload (an `onX(callback)`), or never. */
type SubscriberOf<E extends EventName> = {
  [K in keyof LiqLensApi]: Parameters<LiqLensApi[K]> extends [callback: (payload: Events[E]) => void] ? K : never;
}[keyof LiqLensApi];

/**
 * The method the renderer subscribes to each event with. A mapped type over every event, so an event
 * added to `Events` without an `onX` method on `LiqLensApi` fails tsc here.
 */
const subscribers: { readonly [E in EventName]: SubscriberOf<E> } = {
  'core:heartbeat': 'onHeartbeat',
  'settings:changed': 'onSettingsChanged',
  'notices:changed': 'onNoticesChanged',
  'accounts:changed': 'onAccountsChanged',
  'positions:changed': 'onPositionsChanged',
  'market:update': 'onMarketUpdate',
  'alerts:event': 'onAlert',
  'alerts:changed': 'onAlertsChanged',
  'alerts:focus': 'onFocusPosition',
  'channels:changed': 'onChannelsChanged',
};

/** A transport that delivers events the test pushes by hand and refuses every request. */
function fakeTransport() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const transport: ContractTransport = {
    invoke: (channel) => Promise.reject(new Error(`${channel} is not served here`)),
    subscribe(event, callback) {
      const set = listeners.get(event) ?? new Set();
      set.add(callback as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(callback as (payload: unknown) => void);
    },
  };
  const push = (event: string, payload: unknown): void => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  return { transport, push, count: () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0) };
}

describe('createLiqLensApi()', () => {
  it('hands every contract event to the callback of its own onX method, and to no other', () => {
    const { transport, push } = fakeTransport();
    const api = createLiqLensApi(transport);
    const received: [string, unknown][] = [];
    for (const event of eventNames) {
      const subscribe = api[subscribers[event]] as (callback: (payload: unknown) => void) => () => void;
      subscribe((payload) => received.push([event, payload]));
    }
    for (const event of eventNames) push(event, { from: event });
    expect(received).toEqual(eventNames.map((event) => [event, { from: event }]));
  });

  it('offers an onX method for events only, one per event', () => {
    const api = createLiqLensApi(fakeTransport().transport);
    const onMethods = Object.keys(api).filter((name) => /^on[A-Z]/.test(name));
    expect(onMethods.sort()).toEqual(Object.values(subscribers).sort());
  });

  it('stops delivering once unsubscribed', () => {
    const { transport, push, count } = fakeTransport();
    const api = createLiqLensApi(transport);
    const received: unknown[] = [];
    const unsubscribes = eventNames.map((event) =>
      (api[subscribers[event]] as (callback: (payload: unknown) => void) => () => void)((payload) =>
        received.push(payload),
      ),
    );
    expect(count()).toBe(eventNames.length);
    for (const unsubscribe of unsubscribes) unsubscribe();
    for (const event of eventNames) push(event, { from: event });
    expect(received).toEqual([]);
    expect(count()).toBe(0);
  });
});
