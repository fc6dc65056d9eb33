import type { Venue } from '../domain/venue';
import type { BinSize } from './params';
import { createPriceGrid } from './price-grid';

/** A heatmap column on some grid: long and short USD per bin from `firstBin` on, at `timeMs` with the mark `price`. */
export interface HeatColumn {
  readonly timeMs: number;
  readonly price: number;
  readonly firstBin: number;
  readonly long: readonly number[];
  readonly short: readonly number[];
}

/** One venue's heatmap history, on its own grid and around its own marks. */
export interface HeatmapPart {
  readonly venue: Venue;
  readonly binSize: BinSize;
  readonly columns: readonly HeatColumn[];
}

/** What to sum, and on what. */
export interface HeatmapAggregateInput {
  /** The charted market's grid and its columns: their times and marks are the result's. */
  readonly binSize: BinSize;
  readonly reference: readonly Pick<HeatColumn, 'timeMs' | 'price'>[];
  /** A venue's column counts for a reference column at `t` when its time lies in (t − `everyMs`, t]. */
  readonly everyMs: number;
  /** Fraction each side of each reference mark kept (default 0.15, the chart's range). */
  readonly rangeFraction?: number;
  readonly parts: readonly HeatmapPart[];
}

/**
 * Sums the venues' heatmap histories onto the charted market's grid, column by column, aligned as
 * `aggregateMaps` aligns the map now: a level sits at the same distance from the reference column's
 * mark as from its venue column's mark (price × reference mark / venue mark), and each bin's USD
 * goes whole to the reference bin holding its scaled middle (at most half a bin off). For each
 * reference column a venue adds its newest column from the last `everyMs`, or nothing (a venue whose
 * history starts later, or has a hole there). Returns the columns (empty bins trimmed off both ends)
 * and the venues that added to at least one.
 */
export function aggregateHeatmaps(input: HeatmapAggregateInput): { columns: HeatColumn[]; venues: Venue[] } {
  const grid = createPriceGrid(input.binSize);
  const range = input.rangeFraction ?? 0.15;
  const used = new Set<Venue>();
  const parts = input.parts.map((part) => ({
    part,
    grid: createPriceGrid(part.binSize),
    columns: [...part.columns].sort((a, b) => a.timeMs - b.timeMs),
  }));
  const columns = input.reference.map((reference): HeatColumn => {
    const from = grid.binOf(reference.price * Math.max(1e-6, 1 - range)),
      to = grid.binOf(reference.price * (1 + range));
    const long = new Array<number>(Math.max(0, to - from + 1)).fill(0),
      short = new Array<number>(long.length).fill(0);
    for (const { part, grid: own, columns: history } of parts) {
      const column = newestAtOrBefore(history, reference.timeMs);
      if (column === undefined || column.timeMs <= reference.timeMs - input.everyMs || !(column.price > 0)) continue;
      const scale = reference.price / column.price;
      column.long.forEach((longUsd, i) => {
        const shortUsd = column.short[i] ?? 0;
        if (longUsd === 0 && shortUsd === 0) return;
        const bin = column.firstBin + i;
        const index = grid.binOf(Math.sqrt(own.low(bin) * own.high(bin)) * scale) - from;
        if (index < 0 || index >= long.length) return;
        long[index] = (long[index] ?? 0) + longUsd;
        short[index] = (short[index] ?? 0) + shortUsd;
        used.add(part.venue);
      });
    }
    let first = 0,
      last = long.length - 1;
    while (first <= last && long[first] === 0 && short[first] === 0) first++;
    while (last >= first && long[last] === 0 && short[last] === 0) last--;
    return {
      timeMs: reference.timeMs,
      price: reference.price,
      firstBin: from + first,
      long: long.slice(first, last + 1),
      short: short.slice(first, last + 1),
    };
  });
  return { columns, venues: input.parts.map((part) => part.venue).filter((venue) => used.has(venue)) };
}

/** The last column with time ≤ `timeMs` (columns sorted by time), by binary search. */
function newestAtOrBefore(columns: readonly HeatColumn[], timeMs: number): HeatColumn | undefined {
  let lo = 0,
    hi = columns.length - 1,
    found: HeatColumn | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const column = columns[mid];
    if (column !== undefined && column.timeMs <= timeMs) {
      found = column;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
