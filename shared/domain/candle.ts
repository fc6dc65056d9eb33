/**
 * One OHLCV bar of the last-trade or the mark price. Prices in the quote currency; volumes in base
 * units (contracts are converted by the gateway).
 */
export interface Candle {
  /** Bar open time, Unix milliseconds (UTC). */
  readonly openTimeMs: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  /** Traded volume in base units; 0 for mark-price bars, which have no volume. */
  readonly volume: number;
  /**
   * Part of `volume` bought by takers (aggressive buyers), base units; null when the venue does not
   * publish it (only Binance klines do).
   */
  readonly takerBuyVolume: number | null;
}
