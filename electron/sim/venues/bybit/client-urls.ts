/**
 * The ccxt `bybit` url keys that must point at the simulator, as plain data (no ccxt import).
 * A client assigns every entry of `rest` into `exchange.urls.api` (ccxt appends 'v5/...') and
 * `wsPublicLinear` to `exchange.urls.api.ws.public.linear` (ccxt pro).
 */
export interface BybitClientUrls {
  /** ccxt `urls.api` key -> the simulator's Bybit base; these are every string key ccxt 4.5 has. */
  readonly rest: Readonly<Record<'spot' | 'futures' | 'v2' | 'public' | 'private', string>>;
  /** For `urls.api.ws.public.linear`. */
  readonly wsPublicLinear: string;
}

/** The url overrides for a simulator whose Bybit base is `baseUrl` (`http://127.0.0.1:P/bybit`) and WebSocket base `wsBaseUrl`. */
export function bybitClientUrls(baseUrl: string, wsBaseUrl: string): BybitClientUrls {
  return {
    rest: { spot: baseUrl, futures: baseUrl, v2: baseUrl, public: baseUrl, private: baseUrl },
    wsPublicLinear: `${wsBaseUrl}/v5/public/linear`,
  };
}
