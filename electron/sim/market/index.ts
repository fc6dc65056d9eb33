// The simulator's market model: what the venue servers, the CLI and the Demo import.
export { createSimMarket, type SimMarketOptions } from './market';
export { startRealtime, type RealtimeOptions } from './realtime';
export { defaultSymbols, venueRulesOf, type SimSymbolSpec } from './instruments';
export { demoAccountSpecs } from './demo-accounts';
export type { SimAccountSpec, SimAccountPositionSpec } from './account';
export type { SimCollateralSpec } from './account-mode';
export { defaultLeverageMix, type LeverageWeight } from './traders';
export { scenarioDurationMs, scenarioNames } from './scenarios';
export { maintenanceMargin, liquidationRequirement, closingFeeTerm } from './margin-rules';
export { solveLiquidationPrice, marginSurplus, type LiquidationProblem, type MarginLeg } from './liquidation-price';
export { buildTiers, tierForNotional, tierForContracts } from './tiers';
export type * from './types';
