/**
 * The perpetual-futures venues LiqLens reads positions from.
 *
 * - `binance-usdm`: Binance USDⓈ-M futures (linear, margined in USDT/USDC).
 * - `binance-coinm`: Binance COIN-M futures (inverse, margined in the coin; contracts worth a fixed USD amount).
 * - `bybit-linear`: Bybit USDT perpetuals.
 * - `okx-swap`: OKX USDT-margined perpetual swaps (sizes in contracts of `ctVal` base units).
 * - `hyperliquid`: Hyperliquid perps (USDC).
 */
export type Venue = 'binance-usdm' | 'binance-coinm' | 'bybit-linear' | 'okx-swap' | 'hyperliquid';

/** Every venue, in display order. */
export const venues: readonly Venue[] = ['binance-usdm', 'binance-coinm', 'bybit-linear', 'okx-swap', 'hyperliquid'];
