import type { RiskAccount } from '../domain/risk-account';
import { legNotional, legPnl, makeLeg } from './leg';
import { exceeds } from './what-if-margin';
import type { OpOutcome, PositionTarget } from './what-if-op';
import { amount, findPosition, freeBalance, label, leverageLimit, withPosition } from './what-if-support';

/**
 * Closes part of a position at its current mark: a `fraction` in (0, 1] or a `size` (the position's
 * unit). Realized PnL goes to the wallet. Isolated margin shrinks in proportion and the released
 * part returns to the wallet (Bybit's documented rule: "the added margin will be reduced
 * proportionally", liquidation price unchanged, https://help.bybit.com/hc/en-us/articles/900000294083-Adjust-Margin-on-position-USDT-Contract-;
 * assumed on the other venues, which do not document it). Ignores the closing fee.
 */
export function closePosition(
  account: RiskAccount,
  target: PositionTarget,
  fraction: number | undefined,
  size: number | undefined,
): OpOutcome {
  const index = findPosition(account, target);
  if (typeof index === 'string') return { refused: index };
  const position = account.positions[index];
  if (position === undefined) return { refused: `no position at index ${index}` };
  if (size !== undefined && exceeds(size, position.size))
    return { refused: `cannot close ${amount(size)}: ${label(position)} is ${amount(position.size)}` };
  const share = Math.min(1, fraction ?? (size ?? 0) / position.size);
  if (!(share > 0)) return { refused: 'give a fraction in (0, 1] or a size above 0' };
  const realized = share * legPnl(makeLeg(account, position), position.markPrice);
  const released = share * position.isolatedMargin;
  const remaining =
    share >= 1
      ? null
      : { ...position, size: position.size * (1 - share), isolatedMargin: position.isolatedMargin - released };
  const closed = withPosition(account, index, remaining);
  return { state: { ...closed, walletBalance: account.walletBalance + realized + released } };
}

/**
 * Adds `size` (the position's unit) at `price`. The entry becomes the size-weighted average (linear)
 * or the value-weighted harmonic average (inverse contracts: total face / Σ face/price). The added
 * part needs initial margin `added notional at price / leverage` from the free balance; isolated
 * positions receive it as margin (Bybit: "the added margin is used for the entire position"). Refused
 * without a known leverage, beyond the free balance, or above the tier's maximum leverage.
 */
export function addToPosition(account: RiskAccount, target: PositionTarget, size: number, price: number): OpOutcome {
  const index = findPosition(account, target);
  if (typeof index === 'string') return { refused: index };
  const position = account.positions[index];
  if (position === undefined) return { refused: `no position at index ${index}` };
  if (position.leverage === null)
    return { refused: `the leverage of ${label(position)} is needed to know the margin of the added size` };
  const added = { ...position, size, entryPrice: price };
  const initial = legNotional(makeLeg(account, added), price) / position.leverage;
  const free = freeBalance(account);
  if (typeof free === 'string') return { refused: free };
  if (exceeds(initial, free))
    return {
      refused: `adding ${amount(size)} needs ${amount(initial)} of margin but only ${amount(Math.max(0, free))} is free`,
    };
  const total = position.size + size;
  const inverse = makeLeg(account, position).inverse;
  const entryPrice = inverse
    ? total / (position.size / position.entryPrice + size / price)
    : (position.size * position.entryPrice + size * price) / total;
  const isolated = position.marginMode === 'isolated';
  const grown = {
    ...position,
    size: total,
    entryPrice,
    isolatedMargin: position.isolatedMargin + (isolated ? initial : 0),
  };
  const limit = leverageLimit(account, grown);
  if (limit !== null && exceeds(position.leverage, limit))
    return { refused: `at ${amount(total)} ${label(position)} allows at most ${amount(limit)}x` };
  const state = withPosition(account, index, grown);
  return { state: isolated ? { ...state, walletBalance: account.walletBalance - initial } : state };
}
