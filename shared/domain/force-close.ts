import type { Side } from './side';

/**
 * The venue's own record that it force-closed one of the account's positions: a forced order
 * (Binance `forceOrders`), an execution of type `BustTrade` (Bybit), an order of category
 * `full_liquidation` / `partial_liquidation` (OKX `orders-history`), or a fill carrying a
 * `liquidation` object (Hyperliquid `userFills`). Read by the gateway; the alerts judge a vanished
 * position with it (docs/research/liquidation-events.md §2).
 */
export interface ForceClose {
  /** The venue's symbol, e.g. `BTCUSDT`. */
  readonly symbol: string;
  /** Side of the position that was force-closed (a long is closed by a forced sell). */
  readonly side: Side;
  /** Average fill price of the forced close, quote currency. */
  readonly price: number;
  /** Size closed, base units. */
  readonly size: number;
  /** Execution time, Unix milliseconds (venue clock). */
  readonly timeMs: number;
  /**
   * The realised loss the venue reports for the close, USD (positive = lost; negative = a gain),
   * or null where its record carries none (Binance forced orders and Bybit executions carry none;
   * OKX's `pnl` and Hyperliquid's `closedPnl` leave fees out).
   */
  readonly lossUsd: number | null;
}
