/**
 * A candle or statistics period. Every venue in LiqLens serves these (Binance `5m`, Bybit `5`,
 * OKX `5m`, Hyperliquid `5m`); the gateway translates through ccxt's unified timeframes.
 */
export type Timeframe = '1m' | '5m' | '15m' | '1h' | '4h' | '1d';

/** Every timeframe, shortest first. */
export const timeframes: readonly Timeframe[] = ['1m', '5m', '15m', '1h', '4h', '1d'];

/** Length of each timeframe in milliseconds. */
export const timeframeMs: Readonly<Record<Timeframe, number>> = {
  '1m': 60_000,
  '5m': 300_000,
  '15m': 900_000,
  '1h': 3_600_000,
  '4h': 14_400_000,
  '1d': 86_400_000,
};
