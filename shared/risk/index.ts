/**
 * The risk engine's public surface: import from here rather than from the files behind it.
 */
export { applyOperation, applyWhatIf } from './apply-what-if';
export type { EvaluationPurpose } from './evaluate-account';
export { accountModeOf, evaluateAccount } from './evaluate-account';
export { collateralValueUsd } from './collateral-value';
export type { DriftPoint, FundingDrift } from './funding-drift';
export { fundingDrift } from './funding-drift';
export { formatIssue, formatPath, parseRiskInput } from './input-errors';
export type { ParsedRiskInput, RiskInputJson, RiskQuestion } from './input-schema';
export { inputLimits, riskInputSchema } from './input-schema';
export type { CollateralAnswer, LeverageAnswer } from './inverse-questions';
export { collateralForTarget, leverageForTarget } from './inverse-questions';
export { maintenanceRatio, venueRatio } from './margin-ratio';
export { maxRemovableMargin } from './max-removable';
export type { LiquidationReach, ReportedLiquidation, ReportedPositionRisk } from './reach';
export {
  isWithinReach,
  liquidationReach,
  liquidationReachFactor,
  reportLiquidation,
  reportPositionRisk,
} from './reach';
export type { AccountRisk, MarginPool, PositionRisk, RiskResult } from './risk-result';
export {
  continuousDeductions,
  hyperliquidMaintenanceRate,
  hyperliquidTiers,
  tieredMaintenanceMargin,
  tierIndexForContracts,
  tierIndexForNotional,
} from './tiers';
export type { VenueRules } from './venue-rules';
export { sources, venueRules } from './venue-rules';
export type { OpOutcome, PositionTarget, Refusal, WhatIfOp, WhatIfResult } from './what-if-op';
