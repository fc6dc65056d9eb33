/**
 * The ccxt `okx` url keys that must point at the simulator, as plain data (no ccxt import).
 * A client sets `exchange.urls.api.rest = rest` and `exchange.urls.api.ws = ws`; ccxt appends
 * '/api/v5/...' to `rest` and '/public', '/business' or '/private' to `ws`.
 */
export interface OkxClientUrls {
  /** For `urls.api.rest`. */
  readonly rest: string;
  /** For `urls.api.ws` (ccxt pro). */
  readonly ws: string;
}

/** The url overrides for a simulator whose OKX base is `baseUrl` (`http://127.0.0.1:P/okx`) and WebSocket base `wsBaseUrl`. */
export function okxClientUrls(baseUrl: string, wsBaseUrl: string): OkxClientUrls {
  return { rest: baseUrl, ws: `${wsBaseUrl}/ws/v5` };
}
