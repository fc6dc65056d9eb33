import { accountModes } from '../domain/account-mode';
import type { RiskAccount } from '../domain/risk-account';
import type { Side } from '../domain/side';
import type { Venue } from '../domain/venue';
import { accountModeOf, evaluateAccount } from './evaluate-account';
import { venueLiquidation } from './liquidation-process';
import { repriceCollateral } from './multi-asset';
import type { RiskResult } from './risk-result';
import { coinOfSymbol } from './shock-coins';

/** One account to shock, named as the trader knows it. */
export interface ShockAccount {
  readonly id: string;
  readonly label: string;
  readonly account: RiskAccount;
}

/** A position the shock liquidates, and how far along the shock it goes. */
export interface ShockLiquidation {
  readonly accountId: string;
  readonly accountLabel: string;
  readonly venue: Venue;
  readonly symbol: string;
  readonly coin: string;
  readonly side: Side;
  readonly marginMode: 'isolated' | 'cross';
  /** Share of the whole shock travelled when it liquidates, 0–1 (0: already liquidatable). */
  readonly pathShare: number;
  /** The coin's own move at that point, signed fraction (−0.062 = 6.2 % lower). */
  readonly coinMove: number;
  /** Its mark at that point. */
  readonly markPrice: number;
  /** Margin balance that went with it, margin asset (what the venue keeps or returns, see `returned`). */
  readonly marginLost: number;
  /** True where the venue returns the margin left after the liquidation (Hyperliquid). */
  readonly returned: boolean;
}

/** One account after the shock. */
export interface ShockAccountResult {
  readonly accountId: string;
  readonly label: string;
  readonly venue: Venue;
  /** `exact`: the venue's formulas; `approximate`: the mode's named approximation; `off`: not recomputed. */
  readonly kind: 'exact' | 'approximate' | 'off';
  /** The approximation, or why LiqLens cannot recompute this account; null when exact. */
  readonly note: string | null;
  /** Equity now and after the shock, margin asset (USD in multi-asset pools); null when `off`. */
  readonly equityBefore: number | null;
  readonly equityAfter: number | null;
  /** Positions the shock liquidates in this account. */
  readonly liquidated: number;
  /** Positions it holds. */
  readonly positions: number;
}

/** What a shock does to every account at once. */
export interface ShockResult {
  /** Every liquidation, in the order the shock reaches them (ties: account order). */
  readonly liquidations: readonly ShockLiquidation[];
  readonly accounts: readonly ShockAccountResult[];
}

/** Moves per coin, signed fractions (`{ BTC: -0.1 }`); coins not named do not move. */
export type ShockMoves = Readonly<Record<string, number>>;

/** Points scanned along the path before bisecting a crossing; fine enough not to skip a short dip. */
const scanSteps = 64;
const bisections = 40;

/**
 * The portfolio shock test: every coin in `moves` travels from its mark to mark × (1 + move), all
 * together and in proportion (the path), across every account. A position liquidates at the first
 * point of that path where its venue's equity falls to its requirement (evaluateAccount): isolated
 * positions alone, cross positions with their whole cross pool. Results are sorted by how far along
 * the path each liquidation comes.
 *
 * Equity after: surviving positions at the shocked marks; a liquidated one leaves what its venue
 * leaves (venueLiquidation: Hyperliquid returns the margin left, the others' insurance funds keep it).
 * Modes whose what-if is off (portfolio margin) are listed with the reason and not recomputed;
 * approximate modes say which approximation they use. Ignores partial (tier) liquidation, which would
 * only leave more equity, fees, funding and slippage past the bankruptcy price. Pure.
 */
export function portfolioShock(accounts: readonly ShockAccount[], moves: ShockMoves): ShockResult {
  const liquidations: ShockLiquidation[] = [];
  const results = accounts.map((entry) => shockAccount(entry, moves, liquidations));
  liquidations.sort((a, b) => a.pathShare - b.pathShare);
  return { liquidations, accounts: results };
}

function shockAccount(entry: ShockAccount, moves: ShockMoves, out: ShockLiquidation[]): ShockAccountResult {
  const { account } = entry;
  const support = accountModes[accountModeOf(account)].whatIf;
  const base = {
    accountId: entry.id,
    label: entry.label,
    venue: account.venue,
    positions: account.positions.length,
  };
  if (support.kind === 'off')
    return { ...base, kind: 'off', note: support.reason, equityBefore: null, equityAfter: null, liquidated: 0 };
  const at = (share: number): RiskResult => evaluateAccount(shocked(account, moves, share), 'what-if');
  const groups = groupsOf(account);
  const path: RiskResult[] = [];
  for (let step = 0; step <= scanSteps; step++) path.push(at(step / scanSteps));
  const end = path[scanSteps] ?? at(1);
  let equityAfter = crossPart(end);
  let liquidated = 0;
  const returned = venueLiquidation[account.venue].remainingMarginReturned;
  for (const group of groups) {
    const first = path.findIndex((result) => group.some((index) => result.positions[index]?.liquidatable === true));
    if (first < 0) {
      for (const index of group)
        if (isIsolated(account, index)) equityAfter += end.positions[index]?.marginBalance ?? 0;
      continue;
    }
    const share = first === 0 ? 0 : crossing(at, group, (first - 1) / scanSteps, first / scanSteps);
    const state = at(share);
    const cross = !isIsolated(account, group[0] ?? 0);
    const marginLost = cross ? crossPart(state) : (state.positions[group[0] ?? 0]?.marginBalance ?? 0);
    // The cross part of `end` counted the pool at the end of the path; it went at the crossing instead.
    if (cross) equityAfter -= crossPart(end);
    if (returned) equityAfter += Math.max(0, marginLost);
    for (const index of group) {
      const position = account.positions[index];
      if (position === undefined) continue;
      liquidated++;
      const coin = coinOfSymbol(position.symbol);
      const coinMove = (moves[coin] ?? 0) * share;
      out.push({
        accountId: entry.id,
        accountLabel: entry.label,
        venue: account.venue,
        symbol: position.symbol,
        coin,
        side: position.side,
        marginMode: position.marginMode,
        pathShare: share,
        coinMove,
        markPrice: position.markPrice * (1 + coinMove),
        marginLost,
        returned,
      });
    }
  }
  return {
    ...base,
    kind: support.kind,
    note: support.kind === 'approximate' ? support.approximation : null,
    equityBefore: (path[0] ?? at(0)).account.equity,
    equityAfter,
    liquidated,
  };
}

/** The account with every named coin moved `share` of the way; collateral in a moved coin is revalued too. */
function shocked(account: RiskAccount, moves: ShockMoves, share: number): RiskAccount {
  const positions = account.positions.map((position) => {
    const move = moves[coinOfSymbol(position.symbol)] ?? 0;
    return move === 0 ? position : { ...position, markPrice: position.markPrice * (1 + move * share) };
  });
  return repriceCollateral({ ...account, positions }, account.positions);
}

/** Positions liquidated together: each isolated one alone, every cross one in one pool. */
function groupsOf(account: RiskAccount): number[][] {
  const groups: number[][] = [];
  const cross: number[] = [];
  account.positions.forEach((position, index) => {
    if (position.marginMode === 'cross') cross.push(index);
    else groups.push([index]);
  });
  if (cross.length > 0) groups.push(cross);
  return groups;
}

function isIsolated(account: RiskAccount, index: number): boolean {
  return account.positions[index]?.marginMode === 'isolated';
}

/** The wallet and cross part of an evaluated account's equity: the total less every isolated position's balance. */
function crossPart(result: RiskResult): number {
  let isolated = 0;
  for (const position of result.positions) if (position.marginMode === 'isolated') isolated += position.marginBalance;
  return result.account.equity - isolated;
}

/** The first share in (low, high] where the group is liquidatable, by bisection. */
function crossing(at: (share: number) => RiskResult, group: readonly number[], low: number, high: number): number {
  let [safe, gone] = [low, high];
  for (let step = 0; step < bisections; step++) {
    const middle = (safe + gone) / 2;
    const result = at(middle);
    if (group.some((index) => result.positions[index]?.liquidatable === true)) gone = middle;
    else safe = middle;
  }
  return gone;
}
