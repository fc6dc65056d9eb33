import type { MarginMode } from '../domain/margin-mode';
import { venueName } from '../domain/venue';
import type { RiskAccount } from '../domain/risk-account';
import type { RiskPosition } from '../domain/risk-position';
import { legNotional, makeLeg } from './leg';
import { repriceCollateral } from './multi-asset';
import { venueRules } from './venue-rules';
import type { OpOutcome, PositionTarget } from './what-if-op';
import { amount, freeBalance, label } from './what-if-support';

/**
 * Shows the named positions (every leg of the symbol unless a side is given) as if held in the other
 * margin mode. To isolated: margin = entry notional / leverage, taken from the wallet (refused
 * without a leverage or if the wallet cannot pay it). To cross: the isolated margin returns to the
 * wallet. Venues do not switch an open position's margin mode (Binance refuses with open positions),
 * so the outcome carries a note that this is hypothetical.
 */
export function setMarginMode(account: RiskAccount, target: PositionTarget, marginMode: MarginMode): OpOutcome {
  let walletBalance = account.walletBalance;
  let matched = 0;
  const positions: RiskPosition[] = [];
  for (const position of account.positions) {
    if (position.symbol !== target.symbol || (target.side !== undefined && position.side !== target.side)) {
      positions.push(position);
      continue;
    }
    matched++;
    if (position.marginMode === marginMode) return { refused: `${label(position)} is already ${marginMode}` };
    if (position.isolatedOnly === true) return { refused: `${label(position)} trades on an isolated-only market` };
    if (marginMode === 'cross') {
      walletBalance += position.isolatedMargin;
      positions.push({ ...position, marginMode, isolatedMargin: 0 });
      continue;
    }
    if (position.leverage === null)
      return { refused: `the leverage of ${label(position)} is needed to size its isolated margin` };
    const margin = legNotional(makeLeg(account, position), position.entryPrice) / position.leverage;
    walletBalance -= margin;
    positions.push({ ...position, marginMode, isolatedMargin: margin });
  }
  if (matched === 0) return { refused: `no open position in ${target.symbol}` };
  const state = { ...account, walletBalance, positions };
  const free = freeBalance(state);
  if (typeof free === 'string') return { refused: free };
  if (walletBalance < 0 || free < 0)
    return {
      refused: `the wallet cannot fund the isolated margin (short by ${amount(Math.max(-walletBalance, -free))})`,
    };
  return {
    state,
    note: `${venueName(account.venue)} does not switch the margin mode of an open position; ${target.symbol} is shown as if opened ${marginMode}`,
  };
}

/**
 * A price scenario: sets `symbol`'s mark to `markPrice`, or multiplies one symbol's (or every) mark
 * by `1 + change`. Liquidation prices of the other positions change too where they share the cross
 * wallet. Refused when the symbol has no position or the new mark would be <= 0.
 */
export function movePrice(
  account: RiskAccount,
  symbol: string | undefined,
  markPrice: number | undefined,
  change: number | undefined,
): OpOutcome {
  let matched = 0;
  const positions = account.positions.map((position) => {
    if (symbol !== undefined && position.symbol !== symbol) return position;
    matched++;
    return { ...position, markPrice: markPrice ?? position.markPrice * (1 + (change ?? 0)) };
  });
  if (matched === 0) return { refused: symbol === undefined ? 'no open positions' : `no open position in ${symbol}` };
  if (positions.some((position) => !(position.markPrice > 0))) return { refused: 'the mark price would be <= 0' };
  return { state: repriceCollateral({ ...account, positions }, account.positions) };
}

/**
 * Pays funding for `hours` at `rate` per interval (positive: longs pay shorts), pro rata:
 * payment = side × rate × notional at mark × hours / interval, mark held still. Cross: from the
 * wallet. Isolated: from the position's margin (Binance, OKX, Hyperliquid settle isolated funding
 * against the position); Bybit takes it from the wallet while the wallet suffices and from the
 * position margin only after that (https://www.bybit.com/en/help-center/article/Liquidation-Price-USDT-Contract, Example 3).
 */
export function payFunding(
  account: RiskAccount,
  target: PositionTarget,
  rate: number,
  hours: number,
  intervalHours: number | undefined,
): OpOutcome {
  let matched = 0;
  let walletBalance = account.walletBalance;
  const interval = intervalHours ?? venueRules[account.venue].fundingIntervalHours;
  const positions = account.positions.map((position) => {
    if (position.symbol !== target.symbol || (target.side !== undefined && position.side !== target.side))
      return position;
    matched++;
    const leg = makeLeg(account, position);
    const payment = (leg.sign * rate * legNotional(leg, position.markPrice) * hours) / interval;
    if (position.marginMode === 'cross') {
      walletBalance -= payment;
      return position;
    }
    // Received funding (payment < 0) lands where paid funding would have come from first.
    const fromWallet = venueRules[account.venue].isolatedFundingFromWalletFirst
      ? payment <= 0
        ? payment
        : Math.min(payment, Math.max(0, walletBalance))
      : 0;
    walletBalance -= fromWallet;
    return { ...position, isolatedMargin: position.isolatedMargin - (payment - fromWallet) };
  });
  if (matched === 0) return { refused: `no open position in ${target.symbol}` };
  return { state: { ...account, walletBalance, positions } };
}
