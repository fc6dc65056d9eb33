/**
 * The risk engine's public surface: import from here rather than from the files behind it.
 */
export { applyOperation, applyWhatIf } from './apply-what-if';
export type { TimedClose } from './beta';
export { betaToReference, minimumBetaReturns } from './beta';
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
export type { LiquidationProcess, VenueLiquidation } from './liquidation-process';
export { liquidationProcessSources, venueLiquidation } from './liquidation-process';
export type { LiquidationStep, LiquidationSteps } from './liquidation-steps';
export { liquidationSteps } from './liquidation-steps';
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
export type { ShockAccount, ShockAccountResult, ShockLiquidation, ShockMoves, ShockResult } from './portfolio-shock';
export { portfolioShock } from './portfolio-shock';
export type { AccountRisk, MarginPool, PositionRisk, RiskResult } from './risk-result';
export {
  continuousDeductions,
  hyperliquidMaintenanceRate,
  hyperliquidTiers,
  tieredMaintenanceMargin,
  tierIndexForContracts,
  tierIndexForNotional,
} from './tiers';
export { coinOfSymbol } from './shock-coins';
export type { VenueRules } from './venue-rules';
export { sources, venueRules } from './venue-rules';
export type { OpOutcome, PositionTarget, Refusal, WhatIfOp, WhatIfResult } from './what-if-op';
