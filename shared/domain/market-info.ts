/** One perpetual contract listed on a venue. */
export interface MarketInfo {
  /** The venue's own symbol (`BTCUSDT`, `BTC-USDT-SWAP`, `BTC`). */
  readonly symbol: string;
  /** The unified symbol (`BTC/USDT:USDT`). */
  readonly unifiedSymbol: string;
  readonly base: string;
  readonly quote: string;
  /** Margin (settlement) asset, e.g. `USDT`, `USDC`. */
  readonly settle: string;
  /** Smallest price increment, quote currency; null when unknown. */
  readonly tickSize: number | null;
  /** Base units per contract (OKX `ctVal`); 1 where sizes are in base units. */
  readonly contractSize: number;
  /**
   * Taker fee rate, a fraction, as ccxt lists it for the venue's base fee tier (the user's VIP tier
   * may pay less); null when unknown. Enters OKX's and Bybit cross's liquidation requirement.
   */
  readonly takerFeeRate: number | null;
  /**
   * The market allows isolated margin only, and its margin is never removed but by closing
   * (Hyperliquid HIP-3 dexes); false elsewhere.
   */
  readonly isolatedOnly: boolean;
  /** Highest leverage the venue allows on this contract, or null when unknown. */
  readonly maxLeverage: number | null;
}
