import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
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

/** The latest heartbeat from the core, or undefined before the first one arrives. */
export function useHeartbeat(api: LiqLensApi): Heartbeat | undefined {
  const [heartbeat, setHeartbeat] = useState<Heartbeat>();
  useEffect(() => api.onHeartbeat(setHeartbeat), [api]);
  return heartbeat;
}
