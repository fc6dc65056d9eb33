import type { SimMarketEvents } from './types';

/** A typed event emitter for the market's events. */
export interface MarketEmitter {
  on<E extends keyof SimMarketEvents>(event: E, listener: (payload: SimMarketEvents[E]) => void): () => void;
  emit<E extends keyof SimMarketEvents>(event: E, payload: SimMarketEvents[E]): void;
  /** True when someone listens, so the market builds payloads only when they are wanted. */
  has(event: keyof SimMarketEvents): boolean;
}

/** Creates an emitter. A listener that throws does not stop the others or the market (errors go to console.error). */
export function createMarketEmitter(): MarketEmitter {
  const listeners: { [E in keyof SimMarketEvents]: Set<(payload: SimMarketEvents[E]) => void> } = {
    ticker: new Set(),
    bar: new Set(),
    liquidation: new Set(),
  };
  return {
    on(event, listener) {
      const set = listeners[event] as Set<typeof listener>;
      set.add(listener);
      return () => void set.delete(listener);
    },
    emit(event, payload) {
      for (const listener of listeners[event] as Set<(value: typeof payload) => void>) {
        try {
          listener(payload);
        } catch (error) {
          console.error(`sim market ${event} listener failed:`, error);
        }
      }
    },
    has: (event) => listeners[event].size > 0,
  };
}
