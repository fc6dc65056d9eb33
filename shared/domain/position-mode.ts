/**
 * `oneway`: one net position per symbol. `hedge`: a long and a short leg per symbol may coexist
 * (Binance LONG/SHORT, Bybit positionIdx 1/2, OKX long/short posSide). Hyperliquid is one-way only.
 */
export type PositionMode = 'oneway' | 'hedge';

/** Every position mode. */
export const positionModes: readonly PositionMode[] = ['oneway', 'hedge'];
