import type { RiskAccount } from '../../../../shared/domain/risk-account';
import type { PositionView } from '../../../../shared/ipc/views/positions';

/** The money figures of one position row, in the quote currency (USD stablecoins on every connected venue). */
export interface PositionFigures {
  /** Size × mark price. */
  readonly notionalUsd: number;
  /**
   * The margin the position holds: an isolated position's own margin as the venue reports it, else
   * the initial margin at its leverage (notional / leverage); null when neither is known.
   */
  readonly marginUsd: number | null;
  readonly pnlUsd: number;
  /** Unrealized PnL over the margin (the return on margin the venues show); null without a margin. */
  readonly pnlFraction: number | null;
}

/**
 * Notional, margin and PnL of `position`, reading the isolated margin from the account's risk input
 * (`risk`, null when it has not arrived). Every connected venue is linear (margined in the quote
 * stablecoin), so these are USD amounts.
 */
export function positionFigures(position: PositionView, risk: RiskAccount | null): PositionFigures {
  const notionalUsd = Math.abs(position.sizeBase) * position.markPrice;
  const input = risk?.positions.find((p) => p.symbol === position.symbol && p.side === position.side);
  const isolated = position.marginMode === 'isolated' && input !== undefined && input.isolatedMargin > 0;
  const marginUsd = isolated
    ? input.isolatedMargin
    : position.leverage !== null && position.leverage > 0
      ? notionalUsd / position.leverage
      : null;
  const pnlUsd = position.unrealizedPnl;
  return {
    notionalUsd,
    marginUsd,
    pnlUsd,
    pnlFraction: marginUsd !== null && marginUsd > 0 ? pnlUsd / marginUsd : null,
  };
}
