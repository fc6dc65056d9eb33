import type { RiskAccount } from '../domain/risk-account';
import type { RiskPosition } from '../domain/risk-position';
import { legNotional, legPnl, legTierIndex, makeLeg } from './leg';
import type { PositionTarget } from './what-if-op';

/** Index of the position `target` names, or a reason it names none or several. */
export function findPosition(account: RiskAccount, target: PositionTarget): number | string {
  let found = -1;
  for (const [index, position] of account.positions.entries()) {
    if (position.symbol !== target.symbol || (target.side !== undefined && position.side !== target.side)) continue;
    if (found >= 0) return `${target.symbol} has a long and a short leg: say which side`;
    found = index;
  }
  return found >= 0 ? found : `no open ${target.side ?? ''} position in ${target.symbol}`.replace('  ', ' ');
}

/** `account` with position `index` replaced (or removed when `position` is null). */
export function withPosition(account: RiskAccount, index: number, position: RiskPosition | null): RiskAccount {
  const positions = account.positions.slice();
  if (position === null) positions.splice(index, 1);
  else positions[index] = position;
  return { ...account, positions };
}

/** Short label of a position for messages, e.g. `ETHUSDT long`. */
export function label(position: RiskPosition): string {
  return `${position.symbol} ${position.side}`;
}

/**
 * Initial margin of a position at `leverage` on the notional at `price`: notional / leverage, in
 * the margin asset. Ignores the fee reserve some venues add.
 */
export function initialMargin(account: RiskAccount, position: RiskPosition, price: number, leverage: number): number {
  return legNotional(makeLeg(account, position), price) / leverage;
}

/**
 * Balance free for transfers, new margin and withdrawals: `min(wallet, wallet + cross PnL) − Σ cross
 * initial margin` (unrealized profit is not transferable; Binance availableBalance / max withdraw,
 * Bybit available balance), initial margin at each mark over its leverage. Negative when the cross
 * positions are short of initial margin. A reason string when a cross position's leverage is unknown.
 */
export function freeBalance(account: RiskAccount): number | string {
  let pnl = 0;
  let initial = 0;
  for (const position of account.positions) {
    if (position.marginMode !== 'cross') continue;
    if (position.leverage === null) return `the leverage of ${label(position)} is needed to know its initial margin`;
    const leg = makeLeg(account, position);
    pnl += legPnl(leg, position.markPrice);
    initial += legNotional(leg, position.markPrice) / position.leverage;
  }
  return Math.min(account.walletBalance, account.walletBalance + pnl) - initial;
}

/** Highest leverage the venue allows for `position` at its current notional, or null when unknown. */
export function leverageLimit(account: RiskAccount, position: RiskPosition): number | null {
  const leg = makeLeg(account, position);
  return position.tiers[legTierIndex(leg, position.markPrice)]?.maxLeverage ?? position.maxLeverage;
}

/** Formats an amount for messages (up to 8 significant digits, no exponent for usual sizes). */
export function amount(value: number): string {
  return Number(value.toPrecision(8)).toString();
}
