import type { Venue } from '../domain/venue';
import type { Ledger } from './ledger';
import type { LedgerBar } from './types';

/** Bars of one venue, oldest first. */
export interface VenueBars {
  readonly venue: Venue;
  readonly bars: readonly LedgerBar[];
}

/**
 * Feeds every venue's bars to `ledger` in time order (venues interleaved by bar time, ties in the
 * order given), so a replay of the same inputs always gives the same state.
 */
export function replay(ledger: Ledger, series: readonly VenueBars[]): void {
  const cursors = series.map(() => 0);
  for (;;) {
    let pick = -1,
      pickTime = Infinity;
    for (let v = 0; v < series.length; v++) {
      const bar = series[v]?.bars[cursors[v] ?? 0];
      if (bar !== undefined && bar.timeMs < pickTime) {
        pick = v;
        pickTime = bar.timeMs;
      }
    }
    const chosen = series[pick];
    if (chosen === undefined) return;
    const index = cursors[pick] ?? 0;
    const bar = chosen.bars[index];
    if (bar !== undefined) ledger.update(chosen.venue, bar);
    cursors[pick] = index + 1;
  }
}
