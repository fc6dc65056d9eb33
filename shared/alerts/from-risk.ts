import { gaugeMarginRatio } from '../domain/account-mode';
import type { RiskAccount } from '../domain/risk-account';
import type { RiskResult } from '../risk/risk-result';
import type { PositionObservation } from './inputs';

/**
 * The observations of every position of an account from one `evaluateAccount` result (position i of
 * the result is position i of the account). `tickTimeMs`: the mark tick behind the evaluation
 * (venue clock); `receivedAtMs`: when it arrived on the engine's clock. Market context (clusters,
 * imbalance, liquidations) is left for the caller to add per symbol.
 *
 * In a mode LiqLens cannot recompute (docs/research/account-modes.md §5) with the venue's gauge read,
 * a cross position's margin ratio is that gauge on the 1 = liquidation scale, as the position list
 * shows it (the venue liquidates the account as a whole on it: Bybit portfolio margin's
 * `accountMMRate`), and the observation names it (`measure`). Its distance stays null there: no price
 * LiqLens could trust, so no distance alert.
 */
export function observationsFromRisk(
  accountId: string,
  account: RiskAccount,
  risk: RiskResult,
  tickTimeMs: number,
  receivedAtMs: number = tickTimeMs,
): PositionObservation[] {
  const observations: PositionObservation[] = [];
  const gauge = risk.account.liquidationPriceKind === 'exact' ? null : risk.account.venueGauge;
  const gaugeRatio = gauge === null ? null : gaugeMarginRatio(gauge);
  for (const [index, position] of account.positions.entries()) {
    const result = risk.positions[index];
    if (result === undefined) continue;
    const onGauge = gauge !== null && result.marginMode === 'cross';
    observations.push({
      accountId,
      venue: account.venue,
      symbol: position.symbol,
      side: position.side,
      markPrice: position.markPrice,
      liquidationPrice: result.liquidationPrice,
      marginRatio: onGauge ? gaugeRatio : result.marginRatio,
      ...(onGauge ? { measure: gauge } : {}),
      distance: result.distance,
      tickTimeMs,
      receivedAtMs,
    });
  }
  return observations;
}
