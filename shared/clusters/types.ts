import type { Side } from '../domain/side';
import type { Tier } from '../domain/tier';
import type { Venue } from '../domain/venue';

/**
 * One bar as the ledger takes it: the mark's range (levels trigger on the mark), the taker split of
 * the traded volume, and open interest at the bar's close when a sample exists.
 */
export interface LedgerBar {
  /** Bar open time, Unix ms. */
  readonly timeMs: number;
  /** Bar length, ms (decay runs on it). */
  readonly durationMs: number;
  readonly markHigh: number;
  readonly markLow: number;
  readonly markClose: number;
  /** Volume bought by takers in the bar, USD (quote). */
  readonly takerBuyUsd: number;
  /** Volume sold by takers in the bar, USD (quote). */
  readonly takerSellUsd: number;
  /**
   * Open interest at the bar's close in USD, or null where no sample falls on this bar (5-minute
   * history under 1-minute bars): the change is then applied at the next sample, over the range
   * and taker flow of every bar since the previous one.
   */
  readonly openInterestUsd: number | null;
}

/** What the ledger needs to know of one venue's contract to price liquidations exactly. */
export interface VenueMarket {
  readonly venue: Venue;
  /** The venue's maintenance tiers for the symbol (notional tiers; contracts on OKX). */
  readonly tiers: readonly Tier[];
  /** Taker fee rate, fraction (OKX and Bybit cross add the fee to close; margin pays the opening fee). */
  readonly takerFeeRate: number;
  /** Base units per contract (OKX `ctVal`), 1 elsewhere. */
  readonly contractSize: number;
}

/** Where an amount in a bin came from. */
export interface Provenance {
  readonly venue: Venue;
  readonly side: Side;
  /** The leverage of the mix that produced it (x). */
  readonly leverage: number;
  /** USD in this bin from this venue, side and leverage. */
  readonly usd: number;
  /** USD-weighted mean birth time of those levels, Unix ms. */
  readonly meanBirthMs: number;
}
