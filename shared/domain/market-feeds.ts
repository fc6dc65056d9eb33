/**
 * Funding of a perpetual now, as the venue publishes it. Rates are fractions per funding interval
 * (0.0001 = 0.01 %); a positive rate means longs pay shorts.
 */
export interface FundingSnapshot {
  /** The rate accruing now, which settles at `nextSettlementMs` (the venue's own running estimate). */
  readonly rate: number;
  /** The venue's forecast for the interval after that (OKX `nextFundingRate`); null where it gives none. */
  readonly predictedRate: number | null;
  /** When the current rate settles, Unix ms; null where the venue does not say. */
  readonly nextSettlementMs: number | null;
  /**
   * When this reading was taken, Unix ms, on the venue's own clock where it stamps the reply (else the
   * reader's): the countdown to `nextSettlementMs` runs from it, so it holds on a simulated clock too.
   */
  readonly readAtMs: number;
  /** Hours between settlements (8 on Binance, Bybit and OKX for majors; 1 on Hyperliquid); null if unknown. */
  readonly intervalHours: number | null;
}

/** The long/short account ratio of one period: accounts net long per account net short. */
export interface LongShortPoint {
  /** Sample time, Unix ms. */
  readonly timeMs: number;
  /** Long accounts / short accounts, > 0 (2 = two long accounts for every short one). */
  readonly ratio: number;
}
