import { createLiqLensApi } from '../../../shared/ipc/api';
import type { LiqLensApi } from '../../../shared/ipc/contract';
import { createConnectionSource, type ConnectionSource } from './connection';
import { createWebSocketTransport } from './ws-transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in web mode. */
    readonly liqlens?: LiqLensApi;
  }
}

/** The renderer's way to the core, whichever transport carries it. */
export interface Bridge {
  readonly api: LiqLensApi;
  readonly connection: ConnectionSource;
  readonly transport: 'electron' | 'web';
  /** Why the bridge cannot work as opened (web mode without its access token), in plain words. */
  readonly problem?: string;
}

const tokenKey = 'liqlens.token';

/**
 * Picks the transport: `window.liqlens` when the Electron preload provided it, otherwise the web
 * host's WebSocket. The web token comes from the URL LiqLens printed; it is kept for this tab's
 * session and removed from the address bar so it does not end up in screenshots or history.
 */
export function connectBridge(): Bridge {
  if (window.liqlens) {
    return { api: window.liqlens, connection: createConnectionSource('connected'), transport: 'electron' };
  }
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token') ?? window.sessionStorage.getItem(tokenKey) ?? '';
  if (url.searchParams.has('token')) {
    window.sessionStorage.setItem(tokenKey, token);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  const socketUrl = `${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}/ws?token=${encodeURIComponent(token)}`;
  const { transport, connection } = createWebSocketTransport(socketUrl);
  const problem = token
    ? undefined
    : 'This page was opened without its access token. Open the full URL LiqLens printed when it started (it ends in ?token=…).';
  return { api: createLiqLensApi(transport), connection, transport: 'web', ...(problem ? { problem } : {}) };
}
