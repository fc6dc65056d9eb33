import { accountModes, defaultAccountMode, type AccountModeId } from '../domain/account-mode';
import type { RiskAccount } from '../domain/risk-account';
import { evaluatePositions } from './evaluate-positions';
import { legPnl, makeLeg } from './leg';
import type { ClassicResult, RiskResult } from './risk-result';
import { withUsdPool } from './usd-pool-result';

/**
 * Why the evaluation is run: `current` positions (a mode LiqLens cannot recompute gets no price, only
 * the reason), or a `what-if` (a mode whose what-if is a named approximation gets the approximate price).
 */
export type EvaluationPurpose = 'current' | 'what-if';

/** The account's mode: the one it names, else its venue's classic mode. */
export function accountModeOf(account: RiskAccount): AccountModeId {
  return account.accountMode ?? defaultAccountMode[account.venue];
}

/**
 * Everything the venue computes for an account, per its account mode: per position the maintenance
 * margin, liquidation price, distance and whether it is liquidatable; per account equity,
 * maintenance and ratios, the mode, and the venue's own gauge passed through.
 *
 * Classic modes use the single-asset engine (evaluate-positions.ts). Binance Multi-Assets and Bybit
 * unified cross with `collateral` price the cross pool in USD (docs/research/account-modes.md §2, §3).
 * Hyperliquid unified with `spotQuoteTotal` backs cross positions with the spot total (same note, §4).
 * Modes LiqLens cannot recompute (docs/research/account-modes.md §5) get no liquidation price, the
 * mode's reason in `computedNote`, and the ratios from the input; their venue's gauge is the truth.
 *
 * Input is assumed valid (see input-schema.ts). Pure.
 */
export function evaluateAccount(account: RiskAccount, purpose: EvaluationPurpose = 'current'): RiskResult {
  const mode = accountModeOf(account);
  const facts = accountModes[mode];
  const priced = pricedAccount(account, mode);
  const classic = evaluatePositions(priced);
  const result: ClassicResult = usesCollateral(account, mode) ? withUsdPool(priced, classic) : classic;
  const recomputed =
    facts.liquidationPrice === 'exact' || (purpose === 'what-if' && facts.whatIf.kind === 'approximate');
  const note = recomputed ? null : facts.liquidationNote;
  return {
    // The engine's own objects, unchanged where the mode is recomputed: evaluated on every mark tick,
    // a copy of each position here would be garbage at once.
    positions:
      note === null
        ? result.positions
        : result.positions.map((position) => ({
            ...position,
            liquidationPrice: null,
            distance: null,
            computedNote: note,
          })),
    account: {
      ...result.account,
      accountMode: mode,
      liquidationPriceKind: facts.liquidationPrice,
      whatIf: facts.whatIf,
      venueGauge: account.venueGauge ?? null,
    },
  };
}

/** Multi-asset modes value the cross pool from `collateral` when the input gives it. */
function usesCollateral(account: RiskAccount, mode: AccountModeId): boolean {
  return (mode === 'binance-multi-assets' || mode === 'bybit-unified-cross') && (account.collateral?.length ?? 0) > 0;
}

/**
 * The account as the classic engine should see it. Hyperliquid unified: the spot clearinghouse's
 * quote total is the value every cross position shares once the isolated positions' own value
 * (margin plus PnL) is taken out, so the cross wallet is that minus the cross PnL at the marks
 * (docs/research/account-modes.md §4). Other modes: unchanged.
 */
function pricedAccount(account: RiskAccount, mode: AccountModeId): RiskAccount {
  if (mode !== 'hyperliquid-unified' || account.spotQuoteTotal === undefined) return account;
  let walletBalance = account.spotQuoteTotal;
  for (const position of account.positions) {
    const pnl = legPnl(makeLeg(account, position), position.markPrice);
    walletBalance -= position.marginMode === 'isolated' ? position.isolatedMargin + pnl : pnl;
  }
  return { ...account, walletBalance };
}
