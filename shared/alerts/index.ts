/**
 * The alert engine's public surface: import from here rather than from the files behind it.
 */
export type {
  ActiveAlert,
  AdlFacts,
  AlertEnd,
  AlertEvent,
  AlertRule,
  LiquidationFacts,
  LoweredFacts,
  SilenceReason,
} from './alert-event';
export { isFiring } from './alert-event';
export type { AlertConfig, AlertConfigInput, QuietHours } from './config-schema';
export {
  alertConfigSchema,
  alertOverrideSchema,
  defaultAlertConfig,
  defaultQuietHours,
  parseAlertConfig,
  quietHoursSchema,
} from './config-schema';
export type { AlertEngine } from './engine';
export { createAlertEngine, createParsedAlertEngine } from './engine';
export type { AlertEngineState, LastObservation, LoweredStamps, PositionState } from './engine-state';
export { alertEngineStateSchema, parseAlertEngineState } from './engine-state';
export { observationsFromRisk } from './from-risk';
export type {
  AlertInput,
  ClusterBin,
  ImbalanceInput,
  LiquidationInput,
  MarginCallEvent,
  PositionObservation,
  PositionRef,
  VenueReport,
} from './inputs';
export type { RuleState } from './ladder';
export type { Level, Rank, RankOrNone } from './levels';
export { levelRank, levels, levelSchema, rankLevel, worseLevel } from './levels';
export type { ForceCloseEvidence, VanishedPosition, VanishVerdict } from './liquidation';
export { closeProfitUsd, closerMark, evidenceSlackMs, judgeVanished, liquidationDistance } from './liquidation';
export { formatPercent, formatPrice, formatUsd, positionName, type PositionNameFacts } from './message';
export type { AlertOverride } from './resolve-rules';
export { resolveRules } from './resolve-rules';
export type { GradedLevels, RuleKind, RuleSet, RuleSetPatch } from './rule-schemas';
export { defaultRules, ruleKinds, ruleSetPatchSchema, ruleSetSchema } from './rule-schemas';
export type { ThresholdPrice } from './threshold-prices';
export { thresholdPrices } from './threshold-prices';
export { atAdlFront } from './venue-report-rules';
