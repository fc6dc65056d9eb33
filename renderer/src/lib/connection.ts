/** The renderer's link to the core, as the user sees it. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'lost';

/** A readable, subscribable connection state. */
export interface ConnectionSource {
  readonly get: () => ConnectionState;
  readonly subscribe: (listener: (state: ConnectionState) => void) => () => void;
}

/** A connection state holder with change notification. */
export function createConnectionSource(
  initial: ConnectionState,
): ConnectionSource & { set(state: ConnectionState): void } {
  let state = initial;
  const listeners = new Set<(state: ConnectionState) => void>();
  return {
    get: () => state,
    set(next) {
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener(state);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Runs `run` once, as soon as `source` is connected (now, if it already is). */
export function onceConnected(source: ConnectionSource, run: () => void): void {
  if (source.get() === 'connected') {
    run();
    return;
  }
  const off = source.subscribe((state) => {
    if (state !== 'connected') return;
    off();
    run();
  });
}
