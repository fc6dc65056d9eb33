import type { RiskAccount } from '../domain/risk-account';
import { venueName } from '../domain/venue';
import { maxRemovableMargin } from './max-removable';
import type { OpOutcome, PositionTarget } from './what-if-op';
import { amount, findPosition, freeBalance, label, withPosition } from './what-if-support';

/** True when `requested` exceeds `limit` beyond float noise. */
export function exceeds(requested: number, limit: number): boolean {
  return requested > limit + 1e-9 * Math.max(1, Math.abs(limit));
}

/**
 * Adds `value` of collateral. Isolated: moved from the free wallet balance into the position (the
 * venue refuses more than is free; Binance `POST /fapi/v1/positionMargin` type 1, Bybit add margin);
 * the liquidation price moves away from the mark. Cross: a deposit into the cross wallet.
 */
export function addMargin(account: RiskAccount, target: PositionTarget, value: number): OpOutcome {
  const index = findPosition(account, target);
  if (typeof index === 'string') return { refused: index };
  const position = account.positions[index];
  if (position === undefined) return { refused: `no position at index ${index}` };
  if (position.marginMode === 'cross') return { state: { ...account, walletBalance: account.walletBalance + value } };
  const free = freeBalance(account);
  if (typeof free === 'string') return { refused: free };
  if (exceeds(value, free))
    return {
      refused: `only ${amount(Math.max(0, free))} of the wallet is free to move into ${label(position)}; deposit first`,
    };
  const moved = withPosition(account, index, { ...position, isolatedMargin: position.isolatedMargin + value });
  return { state: { ...moved, walletBalance: account.walletBalance - value } };
}

/**
 * Removes `value` of collateral, refused above the venue's maximum (see max-removable.ts).
 * Isolated: back to the wallet. Cross: a withdrawal from the cross wallet.
 */
export function removeMargin(account: RiskAccount, target: PositionTarget, value: number): OpOutcome {
  const index = findPosition(account, target);
  if (typeof index === 'string') return { refused: index };
  const position = account.positions[index];
  if (position === undefined) return { refused: `no position at index ${index}` };
  const limit = maxRemovableMargin(account, index);
  if (typeof limit === 'string') return { refused: limit };
  if (exceeds(value, limit))
    return {
      refused: `at most ${amount(limit)} can be removed from ${label(position)} on ${venueName(account.venue)}`,
    };
  if (position.marginMode === 'cross') return { state: { ...account, walletBalance: account.walletBalance - value } };
  const moved = withPosition(account, index, { ...position, isolatedMargin: position.isolatedMargin - value });
  return { state: { ...moved, walletBalance: account.walletBalance + value } };
}

/** Adds `value` to the wallet balance (a transfer in). Never refused. */
export function deposit(account: RiskAccount, value: number): OpOutcome {
  return { state: { ...account, walletBalance: account.walletBalance + value } };
}

/** Takes `value` out of the wallet, refused above the free balance (unrealized profit is not withdrawable). */
export function withdraw(account: RiskAccount, value: number): OpOutcome {
  const free = freeBalance(account);
  if (typeof free === 'string') return { refused: free };
  const limit = Math.max(0, Math.min(account.walletBalance, free));
  if (exceeds(value, limit)) return { refused: `at most ${amount(limit)} can be withdrawn` };
  return { state: { ...account, walletBalance: account.walletBalance - value } };
}
