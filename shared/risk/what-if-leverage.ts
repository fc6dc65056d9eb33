import type { RiskAccount } from '../domain/risk-account';
import { venueName } from '../domain/venue';
import { legClosingFee, legMaintenance, legNotional, legPnl, makeLeg } from './leg';
import { venueRules } from './venue-rules';
import { exceeds } from './what-if-margin';
import type { OpOutcome, PositionTarget } from './what-if-op';
import { amount, findPosition, freeBalance, label, leverageLimit, withPosition } from './what-if-support';

/**
 * Sets a position's leverage, following the venue:
 *
 * - Above the tier's (or asset's) maximum leverage, or below 1x: refused everywhere.
 * - Cross (all venues): leverage is not in the liquidation equation, so the liquidation price does
 *   not move; only initial margin changes, and a change that leaves less than nothing free is refused.
 * - Isolated, Bybit (official, https://help.bybit.com/hc/en-us/articles/900000294083-Adjust-Margin-on-position-USDT-Contract-):
 *   the margin resets to position value at entry / leverage and added margin is dropped; lowering needs
 *   enough free balance, raising is refused if it would liquidate at once. OKX is assumed to work the
 *   same way (uncertain).
 * - Isolated, Binance and Hyperliquid: raising keeps the isolated wallet (liquidation price
 *   unchanged; Binance's removable-margin rule implies it); lowering is refused ("If you have open
 *   positions in Isolated Margin Mode, you are not allowed to lower the leverage",
 *   https://docs.traderwagon.com/faq/futures-trading-introduction/leverage-and-margin; Hyperliquid
 *   front ends likewise say "add margin instead", uncertain).
 */
export function setLeverage(account: RiskAccount, target: PositionTarget, leverage: number): OpOutcome {
  const index = findPosition(account, target);
  if (typeof index === 'string') return { refused: index };
  const position = account.positions[index];
  if (position === undefined) return { refused: `no position at index ${index}` };
  if (leverage < 1) return { refused: 'leverage below 1x is not offered' };
  const limit = leverageLimit(account, position);
  if (limit !== null && exceeds(leverage, limit))
    return { refused: `${label(position)} allows at most ${amount(limit)}x at this size` };
  const changed = withPosition(account, index, { ...position, leverage });
  if (position.marginMode === 'cross') {
    const free = freeBalance(changed);
    if (typeof free === 'string') return { refused: free };
    if (free < 0)
      return { refused: `${amount(leverage)}x needs ${amount(-free)} more free balance for the initial margin` };
    return { state: changed };
  }
  const rules = venueRules[account.venue];
  const leg = makeLeg(account, position);
  if (!rules.leverageResetsIsolatedMargin) {
    if (position.leverage === null)
      return { refused: `the current leverage of ${label(position)} is needed to tell a raise from a lowering` };
    if (leverage < position.leverage && rules.refusesIsolatedLeverageLowering) {
      return {
        refused: `${venueName(account.venue)} does not lower the leverage of an open isolated position; add margin instead`,
      };
    }
    return { state: changed };
  }
  const margin = legNotional(leg, position.entryPrice) / leverage;
  const delta = margin - position.isolatedMargin;
  if (delta > 0) {
    const free = freeBalance(account);
    if (typeof free === 'string') return { refused: free };
    if (exceeds(delta, free))
      return {
        refused: `${amount(leverage)}x needs ${amount(delta)} more margin but only ${amount(Math.max(0, free))} is free`,
      };
  }
  const mark = position.markPrice;
  const requirement = legMaintenance(leg, mark) + legClosingFee(leg, mark);
  if (margin + legPnl(leg, mark) <= requirement)
    return { refused: `${amount(leverage)}x would liquidate ${label(position)} at once` };
  const reset = withPosition(account, index, { ...position, leverage, isolatedMargin: margin });
  return { state: { ...reset, walletBalance: account.walletBalance - delta } };
}
