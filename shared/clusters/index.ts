/**
 * The cluster model's public surface: import from here rather than from the files behind it.
 */
export type { CalibrationInput, CalibrationResult } from './calibrate';
export { calibrateLeverageMix, consumptionAgreement } from './calibrate';
export type { CascadePath } from './cascade-path';
export { cascadePath } from './cascade-path';
export type { CumulativeCurves, CurvePoint } from './cumulative';
export { cumulativeCurves } from './cumulative';
export type { Heatmap, ImbalancePoint } from './heatmap';
export { heatmap, imbalanceHistory, takeSnapshot } from './heatmap';
export type { Imbalance, ImbalanceWindow } from './imbalance';
export { imbalance } from './imbalance';
export type { ConsumeEvent, Ledger, LedgerOptions } from './ledger';
export { createLedger } from './ledger';
export type { HeatmapSnapshot, LedgerView } from './ledger-view';
export type { RatioAssumptions, RatioTable } from './liquidation-ratio';
export { allowedLeverage, createRatioTable, liquidationRatio } from './liquidation-ratio';
export type { LiquidationMap, MapBin } from './map-now';
export { liquidationMap } from './map-now';
export type { MarketSeries } from './market-bars';
export { ledgerBars } from './market-bars';
export type { BinSize, LedgerParams, LeverageWeight } from './params';
export { defaultLedgerParams, ledgerParamsSchema, parseLedgerParams } from './params';
export type { PriceGrid } from './price-grid';
export { createPriceGrid } from './price-grid';
export type { LiquidationSideNearest, NearestClusterOptions } from './nearest-cluster';
export type { MeasuredSkill, RecordedSkill } from './measured-skill';
export {
  imbalanceHasEdge,
  imbalanceSkillText,
  mapLegendSkillText,
  mapSkillText,
  recordedSkillDays,
  recordedSkillText,
  shippedMeasuredSkill,
} from './measured-skill';
export type { NearPriceBand } from './near-price-band';
export { withNearPriceBand } from './near-price-band';
export { liquidationSideClusters, liquidationSideNearest, nearestCluster } from './nearest-cluster';
export type { DroppedStop, StopOptions, StopPlan, StopSuggestion } from './suggested-stops';
export { averageTrueRange, placeStops, suggestedStops } from './suggested-stops';
export type { Profile, ProfileFilter } from './profile';
export { buildProfile, profileTotals, snapshotProfile } from './profile';
export type { RealizedBook } from './realized';
export { createRealizedBook, liquidatedSide } from './realized';
export type { VenueBars } from './replay';
export { replay } from './replay';
export type { ConsumeSink, SideBook } from './side-book';
export { createSideBook } from './side-book';
export type { Cluster, ClusterOptions } from './top-clusters';
export { topClusters } from './top-clusters';
export type { LedgerBar, Provenance, VenueMarket } from './types';
export type { MeasuredCoverage, MeasuredMap, MeasuredMapInput, MeasuredPosition } from './measured-map';
export { measuredMap } from './measured-map';
export type { AggregateInput, AggregatedMap, MapPart, PartTotals } from './aggregate-map';
export { aggregateMaps } from './aggregate-map';
export type { HeatColumn, HeatmapAggregateInput, HeatmapPart } from './aggregate-heatmap';
export { aggregateHeatmaps } from './aggregate-heatmap';
