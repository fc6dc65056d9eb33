import type { SimAccountSpec } from './account';

/**
 * The Demo accounts a new user sees: one per venue, entries relative to the starting marks. What the
 * welcome text says (renderer's `DemoChoice`) holds: positions safe (about 30 % or more from
 * liquidation) or moderate (10–20 % away, below every alert level), and exactly one close to
 * liquidation, the Bybit ETH long at 25x (about 2 % away), so a first start raises the alerts of
 * that one position and no other. Binance, Bybit and OKX run in hedge mode so that two symbols can
 * carry several positions; Binance's BTC pair is a cross hedge pair (both legs share one liquidation
 * price). Hyperliquid is one-way only, so it holds two: a safe cross BTC long and a moderate ETH
 * short. OKX runs at account level 3
 * (multi-currency margin) with BTC beside its USDT: its balance and margin ratio are account-wide
 * in USD with BTC discounted. Its positions are isolated, each margined on its own, so their
 * liquidation prices do not depend on the BTC.
 */
export function demoAccountSpecs(): SimAccountSpec[] {
  return [
    {
      id: 'demo-binance',
      venue: 'binance-usdm',
      walletBalance: 8_000,
      positionMode: 'hedge',
      positions: [
        { symbol: 'BTCUSDT', side: 'long', size: 0.4, leverage: 20, marginMode: 'cross', entryOffset: 0.01 },
        { symbol: 'BTCUSDT', side: 'short', size: 0.15, leverage: 20, marginMode: 'cross', entryOffset: -0.005 },
        { symbol: 'ETHUSDT', side: 'short', size: 6, leverage: 8, marginMode: 'isolated', entryOffset: 0.02 },
        { symbol: 'ETHUSDT', side: 'long', size: 8, leverage: 5, marginMode: 'isolated', entryOffset: 0.01 },
      ],
    },
    {
      id: 'demo-bybit',
      venue: 'bybit-linear',
      walletBalance: 5_000,
      positionMode: 'hedge',
      positions: [
        { symbol: 'BTCUSDT', side: 'long', size: 0.5, leverage: 3, marginMode: 'isolated', entryOffset: -0.005 },
        { symbol: 'BTCUSDT', side: 'short', size: 0.3, leverage: 10, marginMode: 'isolated', entryOffset: 0.04 },
        { symbol: 'ETHUSDT', side: 'long', size: 10, leverage: 25, marginMode: 'isolated', entryOffset: 0.015 },
      ],
    },
    {
      id: 'demo-okx',
      venue: 'okx-swap',
      mode: 'multi-currency',
      walletBalance: 10_000,
      collateral: [{ asset: 'BTC', amount: 0.1 }],
      positionMode: 'hedge',
      positions: [
        { symbol: 'BTCUSDT', side: 'long', size: 0.3, leverage: 3, marginMode: 'isolated', entryOffset: -0.01 },
        { symbol: 'ETHUSDT', side: 'short', size: 5, leverage: 10, marginMode: 'isolated', entryOffset: 0.04 },
        { symbol: 'ETHUSDT', side: 'long', size: 8, leverage: 5, marginMode: 'isolated', entryOffset: 0 },
      ],
    },
    {
      id: 'demo-hyperliquid',
      venue: 'hyperliquid',
      walletBalance: 6_000,
      positions: [
        { symbol: 'BTCUSDT', side: 'long', size: 0.2, leverage: 5, marginMode: 'cross', entryOffset: -0.005 },
        { symbol: 'ETHUSDT', side: 'short', size: 6, leverage: 8, marginMode: 'isolated', entryOffset: 0.02 },
      ],
    },
  ];
}
