/** Open interest of one symbol at one time. */
export interface OpenInterestPoint {
  /** Sample time, Unix milliseconds (period start for historical series). */
  readonly timeMs: number;
  /**
   * Open interest in base units (one side of the book: longs = shorts), or null where the venue's
   * history gives only a value (OKX `open-interest-volume`).
   */
  readonly base: number | null;
  /** Open interest valued in USD (quote), or null where the venue gives only an amount (Bybit). */
  readonly usd: number | null;
}

/** Taker buy and sell volume of one period. */
export interface TakerVolumePoint {
  /** Period start, Unix milliseconds. */
  readonly timeMs: number;
  /** Volume bought by takers in base units. */
  readonly buyVolume: number;
  /** Volume sold by takers in base units. */
  readonly sellVolume: number;
  /** Where the split came from: the venue's own statistic, or candles' taker-buy volume. */
  readonly source: 'venue' | 'candles';
}

/** One public trade as a taker flow: when, which side the taker was on, how much (base units). */
export interface TakerTrade {
  readonly timeMs: number;
  readonly side: 'buy' | 'sell';
  readonly amount: number;
}
