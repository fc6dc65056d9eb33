import type { RiskAccount } from '../domain/risk-account';
import type { PositionTarget } from './what-if-op';
import { evaluateAccount } from './evaluate-account';
import { legNotional, legPnl, legTierIndex, makeLeg } from './leg';
import { venueLiquidation, type LiquidationProcess } from './liquidation-process';
import { findPosition, withPosition } from './what-if-support';

/** One part of a position the venue closes at a liquidation price. */
export interface LiquidationStep {
  /** Mark at which this part closes. */
  readonly price: number;
  /** Size closed, in the position's own unit (base units; contracts on OKX and Binance COIN-M). */
  readonly closedSize: number;
  /** Size that stays open after it (0 after the last step). */
  readonly remainingSize: number;
  /** Share of the original position closed in this step, 0–1. */
  readonly closedShare: number;
}

/**
 * How the venue would liquidate a position, from where it stands:
 * - `steps`: parts closed in order, each at its own liquidation price (the last one closes the rest);
 * - `all-at-once`: the venue closes it whole at `price`;
 * - `unpublished`: the venue reduces first but does not publish by how much (Binance);
 * - `none`: no liquidation price (`reason`).
 * `rule` states the venue's rule and source in one line.
 */
export type LiquidationSteps =
  | { readonly kind: 'steps'; readonly steps: readonly LiquidationStep[]; readonly rule: string }
  | { readonly kind: 'all-at-once'; readonly price: number; readonly rule: string }
  | { readonly kind: 'unpublished'; readonly price: number; readonly rule: string }
  | { readonly kind: 'none'; readonly reason: string; readonly rule: string };

/** More steps than any venue's tier table would produce; a guard against a loop that never closes. */
const maxSteps = 12;

/**
 * The parts in which `target`'s venue closes it if the price walks to its liquidation price and on
 * (docs/research/liquidation-formulas.md §9): Bybit cuts to the lower risk-limit tier whose margin
 * it then meets, OKX drops two tiers from tier 3 up, Hyperliquid sends 20 % of a position above
 * 100,000 USDC and the rest (reached within the 30 s cooldown) whole. After each part the rest is
 * solved again with the evaluation engine: its size is smaller, and the closed part's loss at that
 * price has been taken from its isolated margin (cross: from the wallet). Ignores the liquidation
 * fee, slippage and open orders. Pure.
 */
export function liquidationSteps(account: RiskAccount, target: PositionTarget): LiquidationSteps {
  const facts = venueLiquidation[account.venue];
  const rule = facts.rule;
  const start = findPosition(account, target);
  if (typeof start === 'string') return { kind: 'none', reason: start, rule };
  const original = account.positions[start]?.size ?? 0;
  const steps: LiquidationStep[] = [];
  let state = account;
  for (let step = 0; step < maxSteps; step++) {
    const index = findPosition(state, target);
    const position = typeof index === 'number' ? state.positions[index] : undefined;
    if (typeof index === 'string' || position === undefined) break;
    const price = evaluateAccount(state, 'what-if').positions[index]?.liquidationPrice ?? null;
    if (price === null) {
      if (steps.length === 0) return { kind: 'none', reason: 'no liquidation price', rule };
      break;
    }
    if (facts.process.kind === 'unpublished-partial') return { kind: 'unpublished', price, rule };
    const kept = keptSize(state, index, price, facts.process, steps.length);
    if (kept <= 0 && steps.length === 0) return { kind: 'all-at-once', price, rule };
    const closedSize = position.size - Math.max(0, kept);
    steps.push({ price, closedSize, remainingSize: Math.max(0, kept), closedShare: closedSize / original });
    if (kept <= 0) break;
    state = closePartAt(state, index, price, kept);
  }
  return { kind: 'steps', steps, rule };
}

/** The size the venue leaves open after its first order at `price`; 0 closes it whole. */
function keptSize(
  account: RiskAccount,
  index: number,
  price: number,
  process: LiquidationProcess,
  stepsSoFar: number,
): number {
  const position = account.positions[index];
  if (position === undefined) return 0;
  const leg = makeLeg(account, position);
  const tier = legTierIndex(leg, price);
  switch (process.kind) {
    case 'share-above-notional':
      // The first order is a share; within the cooldown that follows, the whole rest goes.
      return stepsSoFar === 0 && legNotional(leg, price) > process.notionalAbove
        ? position.size * (1 - process.share)
        : 0;
    case 'two-tiers-down': {
      if (tier < process.fromTier) return 0;
      return position.tiers[tier - 2]?.cap ?? 0;
    }
    case 'to-lower-tier': {
      // Notional is proportional to size: scale the size to the lower tier's cap at the tier's own basis.
      const basis = leg.requirementAtEntry ? position.entryPrice : price;
      const notional = legNotional(leg, basis);
      for (let lower = tier - 1; lower >= 0; lower--) {
        const cap = position.tiers[lower]?.cap ?? null;
        if (cap === null || !(notional > 0)) continue;
        const kept = position.size * Math.min(1, (cap * (1 - 1e-9)) / notional);
        const after = closePartAt(account, index, price, kept);
        const risk = evaluateAccount(after, 'what-if').positions[index];
        if (risk !== undefined && !risk.liquidatable) return kept;
      }
      return 0;
    }
    case 'unpublished-partial':
      return 0;
  }
}

/**
 * The account after the venue closed all but `kept` of the position at `price`: the mark is there,
 * the closed part's PnL is realized into the position's isolated margin (cross: the wallet), and
 * the margin stays with the smaller position, which is what lowers its requirement.
 */
function closePartAt(account: RiskAccount, index: number, price: number, kept: number): RiskAccount {
  const position = account.positions[index];
  if (position === undefined) return account;
  const share = 1 - kept / position.size;
  const realized = share * legPnl(makeLeg(account, position), price);
  const isolated = position.marginMode === 'isolated';
  const positions = account.positions.map((other) =>
    other.symbol === position.symbol ? { ...other, markPrice: price } : other,
  );
  const moved = { ...account, positions };
  const smaller = {
    ...position,
    markPrice: price,
    size: kept,
    isolatedMargin: isolated ? position.isolatedMargin + realized : position.isolatedMargin,
  };
  const state = withPosition(moved, index, smaller);
  return isolated ? state : { ...state, walletBalance: account.walletBalance + realized };
}
