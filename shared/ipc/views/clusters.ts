/** The liquidation-cluster estimate of one market as it crosses to the renderer: plain arrays, ready for the chart. */
import type { BinSize, LiquidationMap, MeasuredCoverage, PartTotals } from '../../clusters';
import type { Venue } from '../../domain/venue';

/** Long and short liquidation USD per price bin from `firstBin` on (bins of the grid `binSize` defines). */
export interface ProfileWire {
  readonly firstBin: number;
  readonly long: readonly number[];
  readonly short: readonly number[];
}

/** A heatmap column: the estimated profile at one moment. */
export interface HeatmapColumnWire extends ProfileWire {
  readonly timeMs: number;
  /** Mark price then. */
  readonly price: number;
}

/** A realized (reported) liquidation, side = the liquidated position's side. */
export interface RealizedWire {
  readonly timeMs: number;
  /** Where it filled, in its own venue's quote. */
  readonly price: number;
  readonly side: 'long' | 'short';
  readonly usd: number;
  /** The venue that reported it: set on the map across venues, absent on one venue's own. */
  readonly venue?: Venue;
}

/**
 * The cluster estimate of one market, ready for the chart: the map now (bins with leverage, venue
 * and birth provenance), the same profile as arrays for derived outputs computed in the renderer
 * (imbalance, cumulative curves, top clusters, cascade path via shared/clusters on
 * `createPriceGrid(binSize)`), the heatmap over time and the realized liquidations beside it.
 */
export interface ClusterWire {
  readonly binSize: BinSize;
  readonly timeMs: number;
  readonly price: number;
  readonly map: LiquidationMap;
  readonly profile: ProfileWire;
  readonly heatmap: { readonly everyMs: number; readonly columns: readonly HeatmapColumnWire[] };
  readonly realized: readonly RealizedWire[];
  /**
   * Hours of history the map is built from while the rest of the window still loads (a first
   * start maps the newest hours first); absent on a map of the whole window. The map is replaced
   * by the whole window's once the backfill is done.
   */
  readonly partialHours?: number;
}

/**
 * The measured map of a market: real positions' venue-reported liquidation prices (Hyperliquid,
 * where every position is public by address), binned on the estimate's grid, with how much of the
 * open interest it covers and how old its reads are. Not an estimate: what it lacks is coverage.
 */
export interface MeasuredMapWire {
  readonly binSize: BinSize;
  readonly timeMs: number;
  readonly price: number;
  readonly map: LiquidationMap;
  readonly profile: ProfileWire;
  readonly coverage: MeasuredCoverage;
}

/** One venue's part in an aggregated map: its market, whether estimated or measured, its mark and its USD in the map. */
export type AggregatePartWire = PartTotals;

/** A venue the aggregated map lacks, and why (not read at this source, no such market, map not built yet). */
export interface AggregateMissingWire {
  readonly venue: Venue;
  /** The venue's market of the coin where one was found; null where the venue lists none or was not read. */
  readonly symbol: string | null;
  readonly reason: string;
}

/**
 * The map of one coin across every venue read at one source (the Demo, or production: never the
 * two together), on the charted market's grid and around its mark. Each bin's `byVenue` holds
 * every venue's USD (they sum to the bin's); `parts` sum to the totals; `missing` names every venue
 * left out, so a partial sum never passes for the whole.
 */
export interface AggregateMapWire {
  /** The coin (`BTC`): the base asset of the charted market. */
  readonly coin: string;
  /** The source every part is read at (`sourceIdOf`). */
  readonly source: string;
  readonly binSize: BinSize;
  readonly timeMs: number;
  /** The charted market's mark: each venue's levels are placed at their distance from their own mark. */
  readonly price: number;
  readonly map: LiquidationMap;
  readonly profile: ProfileWire;
  readonly parts: readonly AggregatePartWire[];
  readonly missing: readonly AggregateMissingWire[];
  /**
   * The venues' heatmap histories summed on the charted grid, at the charted market's column times
   * (each venue's estimate, placed like the map now); `heatmapVenues` are those that added to it.
   */
  readonly heatmap: { readonly everyMs: number; readonly columns: readonly HeatmapColumnWire[] };
  readonly heatmapVenues: readonly Venue[];
  /** Realized liquidations of every venue taking part, each with its venue, oldest first. */
  readonly realized: readonly RealizedWire[];
  /** Venues taking part that publish no market-wide liquidation stream: none of theirs can be shown. */
  readonly realizedUnavailable: readonly Venue[];
}
