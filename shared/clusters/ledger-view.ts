import type { Side } from '../domain/side';
import type { Venue } from '../domain/venue';
import type { LedgerParams } from './params';
import type { PriceGrid } from './price-grid';
import type { SideBook } from './side-book';

/** One heatmap column: the profile as it stood at `timeMs`, compact (float32, a window around price). */
export interface HeatmapSnapshot {
  /** When the snapshot was taken (a cadence boundary), Unix ms. */
  readonly timeMs: number;
  /** Mark price then, quote units. */
  readonly price: number;
  /** Grid index of element 0 of `long` and `short`. */
  readonly firstBin: number;
  /** USD of long levels per bin. */
  readonly long: Float32Array;
  /** USD of short levels per bin. */
  readonly short: Float32Array;
}

/** What the outputs read from a ledger: one state, read-only. */
export interface LedgerView {
  readonly params: LedgerParams;
  readonly grid: PriceGrid;
  /** The mix's leverages, in the order of the books' leverage indices. */
  readonly leverages: readonly number[];
  readonly venues: readonly Venue[];
  /** Origin of birth minutes (the first bar's open time), Unix ms; NaN before any bar. */
  readonly originMs: number;
  /** Close time of the latest bar applied, Unix ms; NaN before any bar. */
  readonly timeMs: number;
  /** Latest mark close applied (any venue), quote units; NaN before any bar. */
  readonly price: number;
  /** Latest open-interest sample of `venue`, USD; 0 before any (or for a venue the ledger does not hold). */
  openInterestUsd(venue: Venue): number;
  /** How many open-interest samples of `venue` the ledger has applied (a change needs two). */
  openInterestSamples(venue: Venue): number;
  /** The levels of one venue and side, or undefined for a venue the ledger does not hold. */
  book(venue: Venue, side: Side): SideBook | undefined;
  /** Heatmap snapshots, oldest first. */
  snapshots(): readonly HeatmapSnapshot[];
}
