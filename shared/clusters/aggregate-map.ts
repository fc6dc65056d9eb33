import type { Venue } from '../domain/venue';
import { mapOfBins, type LiquidationMap, type MapBin } from './map-now';
import type { BinSize } from './params';
import { createPriceGrid } from './price-grid';
import type { Provenance } from './types';

/** One venue's map of a coin, as it enters the aggregate. */
export interface MapPart {
  readonly venue: Venue;
  /** The venue's own symbol of the coin (`BTCUSDT`, `BTC-USDT-SWAP`, `BTC`). */
  readonly symbol: string;
  /** The model's estimate, or positions measured on the venue (Hyperliquid). */
  readonly kind: 'estimated' | 'measured';
  /** The venue's own mark, quote units (its quote may differ: USDT, USDC). */
  readonly price: number;
  /** The venue's map, USD per bin on its own grid. */
  readonly map: LiquidationMap;
}

/** One venue's part in the aggregate, in USD within the aggregate's range. */
export interface PartTotals {
  readonly venue: Venue;
  readonly symbol: string;
  readonly kind: 'estimated' | 'measured';
  readonly price: number;
  readonly longUsd: number;
  readonly shortUsd: number;
}

/** The map of one coin across venues, on the reference market's grid and around its mark. */
export interface AggregatedMap {
  /** Bins with `byVenue` (each venue's USD; they sum to the bin's), leverage and provenance of every part. */
  readonly map: LiquidationMap;
  /** The same long and short USD per bin from `firstBin` on, on the grid of the input's `binSize`. */
  readonly profile: { readonly firstBin: number; readonly long: readonly number[]; readonly short: readonly number[] };
  /** Each part's USD in the aggregate (parts sum to the map's totals), in input order. */
  readonly parts: readonly PartTotals[];
}

/** What to aggregate, and around what. */
export interface AggregateInput {
  /** The reference market's mark (the charted one): every part is placed relative to it. */
  readonly price: number;
  readonly timeMs: number;
  /** The grid of the result (the reference market's). */
  readonly binSize: BinSize;
  /** Fraction each side of `price` kept (default 0.15, the chart's range). */
  readonly rangeFraction?: number;
  readonly parts: readonly MapPart[];
}

interface Cell {
  long: number;
  short: number;
  readonly longByLeverage: Map<number, number>;
  readonly shortByLeverage: Map<number, number>;
  readonly byVenue: Map<Venue, { long: number; short: number }>;
  /** venue|side|leverage → USD and USD × birth time. */
  readonly provenance: Map<string, { item: Provenance; usd: number; birthUsd: number }>;
}

const newCell = (): Cell => ({
  long: 0,
  short: 0,
  longByLeverage: new Map(),
  shortByLeverage: new Map(),
  byVenue: new Map(),
  provenance: new Map(),
});

const add = (into: Map<number, number>, key: number, usd: number): void => {
  into.set(key, (into.get(key) ?? 0) + usd);
};

/** Adds one part's bin (already scaled to the reference) into a cell. */
function addBin(cell: Cell, part: MapPart, bin: MapBin): void {
  cell.long += bin.longUsd;
  cell.short += bin.shortUsd;
  part.map.leverages.forEach((leverage, k) => {
    add(cell.longByLeverage, leverage, bin.longByLeverage[k] ?? 0);
    add(cell.shortByLeverage, leverage, bin.shortByLeverage[k] ?? 0);
  });
  const venue = cell.byVenue.get(part.venue) ?? { long: 0, short: 0 };
  venue.long += bin.longUsd;
  venue.short += bin.shortUsd;
  cell.byVenue.set(part.venue, venue);
  for (const item of bin.provenance) {
    const key = `${item.venue}|${item.side}|${item.leverage}`;
    const entry = cell.provenance.get(key) ?? { item, usd: 0, birthUsd: 0 };
    entry.usd += item.usd;
    entry.birthUsd += item.usd * item.meanBirthMs;
    cell.provenance.set(key, entry);
  }
}

/**
 * Sums the venues' maps of one coin into one map on the reference market's grid.
 *
 * Alignment: a level is placed at the same distance from the reference mark as from its own
 * venue's mark (price × reference / venue mark), so a quote or basis difference (BTC/USDC on
 * Hyperliquid beside BTC/USDT) does not shift a venue's clusters; each bin's USD then goes whole to
 * the reference bin holding its scaled middle. With equal grids and marks a bin stays where it was.
 * The error is at most half a bin, as within one venue's map. Nothing is split or rescaled in size:
 * every bin's `byVenue` sums to its USD, and the parts' totals sum to the map's. A part with no mark
 * (price ≤ 0) adds nothing; bins beyond ± `rangeFraction` of the reference mark are left out (the
 * parts' totals count only what was kept).
 */
export function aggregateMaps(input: AggregateInput): AggregatedMap {
  const grid = createPriceGrid(input.binSize);
  const range = input.rangeFraction ?? 0.15;
  const from = grid.binOf(input.price * Math.max(1e-6, 1 - range)),
    to = grid.binOf(input.price * (1 + range));
  const cells = new Map<number, Cell>();
  const parts: PartTotals[] = [];
  for (const part of input.parts) {
    let longUsd = 0,
      shortUsd = 0;
    const scale = part.price > 0 && input.price > 0 ? input.price / part.price : 0;
    for (const bin of scale > 0 ? part.map.bins : []) {
      const index = grid.binOf(Math.sqrt(bin.low * bin.high) * scale);
      if (index < from || index > to) continue;
      const cell = cells.get(index) ?? newCell();
      cells.set(index, cell);
      addBin(cell, part, bin);
      longUsd += bin.longUsd;
      shortUsd += bin.shortUsd;
    }
    parts.push({ venue: part.venue, symbol: part.symbol, kind: part.kind, price: part.price, longUsd, shortUsd });
  }
  const leverages = [...new Set(input.parts.flatMap((part) => part.map.leverages))].sort((a, b) => a - b);
  const indices = [...cells.keys()].sort((a, b) => a - b);
  const bins: MapBin[] = indices.map((index) => {
    const cell = cells.get(index) ?? newCell();
    return {
      low: grid.low(index),
      high: grid.high(index),
      longUsd: cell.long,
      shortUsd: cell.short,
      longByLeverage: leverages.map((leverage) => cell.longByLeverage.get(leverage) ?? 0),
      shortByLeverage: leverages.map((leverage) => cell.shortByLeverage.get(leverage) ?? 0),
      byVenue: [...cell.byVenue].map(([venue, usd]) => ({ venue, longUsd: usd.long, shortUsd: usd.short })),
      provenance: [...cell.provenance.values()].map(({ item, usd, birthUsd }) => ({
        ...item,
        usd,
        meanBirthMs: usd > 0 ? birthUsd / usd : item.meanBirthMs,
      })),
    };
  });
  const firstBin = indices[0] ?? from;
  const width = indices.length === 0 ? 0 : (indices.at(-1) ?? firstBin) - firstBin + 1;
  const long = new Array<number>(width).fill(0),
    short = new Array<number>(width).fill(0);
  for (const index of indices) {
    const cell = cells.get(index);
    long[index - firstBin] = cell?.long ?? 0;
    short[index - firstBin] = cell?.short ?? 0;
  }
  return {
    map: mapOfBins(input.timeMs, input.price, leverages, bins),
    profile: { firstBin, long, short },
    parts,
  };
}
