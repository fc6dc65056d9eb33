import { createContext, useContext, useSyncExternalStore } from 'react';
import type { LiqLensApi } from '../../../shared/ipc/contract';
import type { Heartbeat } from '../../../shared/ipc/views/app';
import type { Bridge } from '../lib/bridge';
import type { ConnectionState } from '../lib/connection';

/** The bridge to the core, provided once at the root. */
export const BridgeContext = createContext<Bridge | null>(null);

/** The bridge; throws when used outside the provider, which is a programming error. */
export function useBridge(): Bridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge must be used inside <BridgeContext.Provider>');
  return bridge;
}

/** The live connection state. */
export function useConnectionState(): ConnectionState {
  const { connection } = useBridge();
  return useSyncExternalStore(connection.subscribe, connection.get);
}

interface HeartbeatSource {
  readonly subscribe: (listener: () => void) => () => void;
  readonly get: () => Heartbeat | undefined;
}

const heartbeats = new WeakMap<LiqLensApi, HeartbeatSource>();

/** The heartbeat of `api`, kept outside React: one bridge subscription per api, made on first use. */
function heartbeatSource(api: LiqLensApi): HeartbeatSource {
  let source = heartbeats.get(api);
  if (source) return source;
  let latest: Heartbeat | undefined;
  const listeners = new Set<() => void>();
  api.onHeartbeat((heartbeat) => {
    latest = heartbeat;
    for (const listener of [...listeners]) listener();
  });
  source = {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: () => latest,
  };
  heartbeats.set(api, source);
  return source;
}

/**
 * The latest heartbeat from the core, or undefined before the first one arrives. It changes about
 * once a second: only the component that shows it should call this, so a beat re-renders only it.
 */
export function useHeartbeat(): Heartbeat | undefined {
  const source = heartbeatSource(useBridge().api);
  return useSyncExternalStore(source.subscribe, source.get);
}
