import type { RiskAccount } from '../../../shared/domain/risk-account';
import type { ShockSpec } from '../../../shared/risk/input-shock';
import { shockCoinMoves, shockMovesOf } from '../../../shared/risk/input-shock';
import { coinOfSymbol, portfolioShock } from '../../../shared/risk/index';

/**
 * The `shock` part of `liqlens risk`'s report: each held coin's move and its basis (by hand,
 * reference, beta, or why not moved), the liquidations in the order the move reaches them, and the
 * account's equity before and after (null, with the reason, where the mode is not recomputed).
 */
export function shockReport(account: RiskAccount, spec: ShockSpec): Record<string, unknown> {
  const coins = [...new Set(account.positions.map((position) => coinOfSymbol(position.symbol)))];
  const moves = shockCoinMoves(spec, coins);
  const result = portfolioShock([{ id: 'input', label: 'input', account }], shockMovesOf(moves));
  const summary = result.accounts[0];
  return {
    moves,
    liquidations: result.liquidations.map(({ accountId: _id, accountLabel: _label, ...entry }) => entry),
    account:
      summary === undefined
        ? null
        : {
            kind: summary.kind,
            note: summary.note,
            equityBefore: summary.equityBefore,
            equityAfter: summary.equityAfter,
            liquidated: summary.liquidated,
            positions: summary.positions,
          },
  };
}
