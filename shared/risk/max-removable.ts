import type { RiskAccount } from '../domain/risk-account';
import { legClosingFee, legMaintenance, legNotional, legPnl, makeLeg } from './leg';
import { venueRules } from './venue-rules';
import { freeBalance, label } from './what-if-support';

/**
 * Most collateral that can be taken out of position `index`, in the margin asset, or the reason it
 * cannot be known.
 *
 * - Isolated, Binance (official, https://www.binance.com/en/support/faq/how-to-adjust-margin-balance-in-isolated-margin-mode-360038447311):
 *   `max(0, min(wallet − MM, wallet + size·(mark − entry) − mark·|size|/leverage))`. OKX and
 *   Hyperliquid are assumed to follow the same rule (their documentation does not state one), with
 *   OKX's requirement including the fee to close.
 * - Isolated, Bybit: only margin above the entry initial margin (position value at entry / leverage)
 *   and not more than what losses leave (added margin is what can be taken back,
 *   https://help.bybit.com/hc/en-us/articles/900000294083-Adjust-Margin-on-position-USDT-Contract-).
 * - Cross: the free balance, `min(wallet, wallet + cross PnL) − Σ cross initial margin`.
 *
 * Needs the position's leverage (the initial-margin rate); ignores open orders.
 */
export function maxRemovableMargin(account: RiskAccount, index: number): number | string {
  const position = account.positions[index];
  if (position === undefined) return `no position at index ${index}`;
  // Isolated-only markets (Hyperliquid HIP-3) never release margin but by closing: docs/research/account-modes.md §6.
  if (position.isolatedOnly === true)
    return `margin cannot be removed from ${label(position)}: the market is isolated-only, and margin leaves only as the position is closed`;
  if (position.marginMode === 'cross') {
    const free = freeBalance(account);
    return typeof free === 'string' ? free : Math.max(0, free);
  }
  if (position.leverage === null)
    return `the leverage of ${label(position)} is needed to know how much margin it must keep`;
  const leg = makeLeg(account, position);
  const mark = position.markPrice;
  const margin = position.isolatedMargin;
  const pnl = legPnl(leg, mark);
  if (venueRules[account.venue].removableAboveEntryMargin) {
    const entryInitialMargin = legNotional(leg, position.entryPrice) / position.leverage;
    return Math.max(0, Math.min(margin - entryInitialMargin, margin + Math.min(0, pnl) - entryInitialMargin));
  }
  const requirement = legMaintenance(leg, mark) + legClosingFee(leg, mark);
  return Math.max(0, Math.min(margin - requirement, margin + pnl - legNotional(leg, mark) / position.leverage));
}
