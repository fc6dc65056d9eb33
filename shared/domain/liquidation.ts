import type { Side } from './side';

/**
 * One liquidation the venue executed (a forced order), as seen on its public feed.
 */
export interface RealizedLiquidation {
  /** The venue's symbol, e.g. `BTCUSDT`. */
  readonly symbol: string;
  /**
   * Side of the position that was LIQUIDATED (a long is liquidated by a forced sell). Venues label
   * their feeds differently (order side vs position side); the gateway normalises.
   */
  readonly side: Side;
  /** Average (or order) price of the forced order, quote currency. */
  readonly price: number;
  /** Size in base units. */
  readonly size: number;
  /** price × size, in quote (USD). */
  readonly notionalUsd: number;
  /** Execution time, Unix milliseconds. */
  readonly timeMs: number;
}
