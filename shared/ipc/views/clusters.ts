/** The liquidation-cluster estimate of one market as it crosses to the renderer: plain arrays, ready for the chart. */
import type { BinSize, LiquidationMap, MeasuredCoverage } from '../../clusters';

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
  readonly price: number;
  readonly side: 'long' | 'short';
  readonly usd: number;
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
