import type { RiskAccount } from '../domain/risk-account';
import type { RiskResult } from '../risk/risk-result';
import type { PositionObservation } from './inputs';

/**
 * The observations of every position of an account from one `evaluateAccount` result (position i of
 * the result is position i of the account). `tickTimeMs`: the mark tick behind the evaluation
 * (venue clock); `receivedAtMs`: when it arrived on the engine's clock. Market context (clusters,
 * imbalance, liquidations) is left for the caller to add per symbol.
 */
export function observationsFromRisk(
  accountId: string,
  account: RiskAccount,
  risk: RiskResult,
  tickTimeMs: number,
  receivedAtMs: number = tickTimeMs,
): PositionObservation[] {
  const observations: PositionObservation[] = [];
  for (const [index, position] of account.positions.entries()) {
    const result = risk.positions[index];
    if (result === undefined) continue;
    observations.push({
      accountId,
      venue: account.venue,
      symbol: position.symbol,
      side: position.side,
      markPrice: position.markPrice,
      liquidationPrice: result.liquidationPrice,
      marginRatio: result.marginRatio,
      distance: result.distance,
      tickTimeMs,
      receivedAtMs,
    });
  }
  return observations;
}
