/**
 * The ccxt `hyperliquid` url keys that must point at the simulator, as plain data (no ccxt import).
 * A client assigns `rest` into `exchange.urls.api` and `wsPublic` to `exchange.urls.api.ws.public`.
 */
export interface HyperliquidClientUrls {
  /** `public` and `private` (ccxt appends `/info`, and `/exchange` for trading, which the simulator does not serve). */
  readonly rest: Readonly<Record<'public' | 'private', string>>;
  readonly wsPublic: string;
}

/** The url overrides for a simulator whose Hyperliquid base is `baseUrl` and WebSocket base `wsBaseUrl`. */
export function hyperliquidClientUrls(baseUrl: string, wsBaseUrl: string): HyperliquidClientUrls {
  return { rest: { public: baseUrl, private: baseUrl }, wsPublic: `${wsBaseUrl}/ws` };
}
