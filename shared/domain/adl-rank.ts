/**
 * A position's place in the venue's auto-deleveraging queue, on the venue's own scale: Binance
 * `adlQuantile` 0–4, Bybit `adlRankIndicator` 0–5 (0: not ranked), OKX `adl` 1–5. On these scales a
 * higher figure is nearer to being deleveraged. A position whose venue publishes no rank carries
 * null instead of an `AdlRank`.
 */
export interface AdlRank {
  /** The venue's figure. */
  readonly value: number;
  /** The lowest figure of the venue's scale. */
  readonly min: number;
  /** The highest figure of the venue's scale (nearest to deleveraging). */
  readonly max: number;
}

/**
 * Whether the rank is at the front of the venue's queue: its highest figure, the positions the venue
 * deleverages first when a liquidation cannot be filled (docs/research/account-modes.md §7).
 */
export function isAdlFront(rank: AdlRank | null): boolean {
  return rank !== null && rank.value >= rank.max;
}
