import type { RiskAccount } from '../../../../shared/domain/risk-account';
import { evaluateAccount } from '../../../../shared/risk';
import { findTargetIndex, type WhatIfTarget } from './what-if-controls';

/** What closing part of a position at the mark brings: realized PnL and the margin it frees. */
export interface CloseOutcome {
  /** PnL realized by the closed part at the current mark, margin asset. */
  readonly realizedPnl: number;
  /**
   * Margin freed, margin asset: isolated, the closed share of the position's margin (it returns to
   * the wallet); cross, the closed share of the initial margin (notional at the mark / leverage)
   * that the free balance gains. Null for cross without a known leverage.
   */
  readonly freedMargin: number | null;
}

/**
 * Closing `fraction` of `target` at the live mark, as closePosition in shared/risk applies it
 * (proportional margin release): the share of the unrealized PnL it realizes and the margin it
 * frees. Null when the account holds no such position or nothing is closed.
 */
export function closeOutcome(account: RiskAccount, target: WhatIfTarget, fraction: number): CloseOutcome | null {
  const index = findTargetIndex(account, target);
  const position = account.positions[index];
  const risk = evaluateAccount(account).positions[index];
  if (position === undefined || risk === undefined || !(fraction > 0)) return null;
  const share = Math.min(1, fraction);
  const freedMargin =
    position.marginMode === 'isolated'
      ? share * position.isolatedMargin
      : position.leverage === null
        ? null
        : (share * risk.notional) / position.leverage;
  return { realizedPnl: share * risk.unrealizedPnl, freedMargin };
}
