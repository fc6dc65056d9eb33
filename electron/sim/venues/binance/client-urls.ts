/**
 * The ccxt `binanceusdm` url keys that must point at the simulator, as plain data (no ccxt
 * import): every REST key whose path the simulator serves, and the futures WebSocket base.
 * A client assigns `rest` into `exchange.urls.api` and `wsFuture` to `exchange.urls.api.ws.future`.
 */
export interface BinanceClientUrls {
  /** ccxt `urls.api` key -> url under the simulator's `/binance` prefix. */
  readonly rest: Readonly<Record<string, string>>;
  /** For `urls.api.ws.future`; ccxt rewrites `.../ws` to `.../market/ws/<n>` and `.../public/ws/<n>`. */
  readonly wsFuture: string;
}

/**
 * The url overrides for a simulator whose Binance base is `baseUrl` (`http://127.0.0.1:P/binance`)
 * and WebSocket base `wsBaseUrl` (`ws://127.0.0.1:P/binance`).
 */
export function binanceClientUrls(baseUrl: string, wsBaseUrl: string): BinanceClientUrls {
  return {
    rest: {
      fapiPublic: `${baseUrl}/fapi/v1`,
      fapiPublicV2: `${baseUrl}/fapi/v2`,
      fapiPublicV3: `${baseUrl}/fapi/v3`,
      fapiPrivate: `${baseUrl}/fapi/v1`,
      fapiPrivateV2: `${baseUrl}/fapi/v2`,
      fapiPrivateV3: `${baseUrl}/fapi/v3`,
      fapiData: `${baseUrl}/futures/data`,
      papi: `${baseUrl}/papi/v1`,
      sapi: `${baseUrl}/sapi/v1`,
      sapiV2: `${baseUrl}/sapi/v2`,
      sapiV3: `${baseUrl}/sapi/v3`,
      sapiV4: `${baseUrl}/sapi/v4`,
    },
    wsFuture: `${wsBaseUrl}/ws`,
  };
}
