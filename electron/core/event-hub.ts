import type { EventName, Events } from '../../shared/ipc/contract';

type Listener<E extends EventName> = (payload: Events[E]) => void;

/** A typed publish/subscribe hub for the contract's events. */
export interface EventHub {
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  on<E extends EventName>(event: E, listener: Listener<E>): () => void;
  /** Number of listeners on all events; lets tests prove nothing leaks after unsubscribe. */
  listenerCount(): number;
}

/** Creates an event hub. A listener that throws is isolated: the others still receive the event. */
export function createEventHub(onListenerError: (error: unknown) => void): EventHub {
  const listeners = new Map<EventName, Set<Listener<EventName>>>();
  return {
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) {
        try {
          (listener as Listener<typeof event>)(payload);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener as Listener<EventName>);
      return () => {
        set.delete(listener as Listener<EventName>);
      };
    },
    listenerCount() {
      let count = 0;
      for (const set of listeners.values()) count += set.size;
      return count;
    },
  };
}
