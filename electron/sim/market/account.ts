import { venueRulesOf } from './instruments';
import { solveLiquidationPrice, type MarginLeg } from './liquidation-price';
import { liquidationRequirement, maintenanceMargin, requirementPrice } from './margin-rules';
import { deriveSeed } from './prng';
import type { SimAccount, SimAccountPosition, SimInstrument, SimLiquidation, SimVenue } from './types';

/** A position to put in a user account. */
export interface SimAccountPositionSpec {
  readonly symbol: string;
  readonly side: 'long' | 'short';
  /** Base units, > 0. */
  readonly size: number;
  readonly leverage: number;
  readonly marginMode: 'isolated' | 'cross';
  /** Entry price, quote units. Default: the mark when the scenario starts, times (1 + entryOffset). */
  readonly entryPrice?: number;
  /** Fraction: entry relative to the starting mark when `entryPrice` is absent (0.01 = 1 % above). */
  readonly entryOffset?: number;
  /** Isolated only: margin excluding PnL, quote units. Default size·entry/leverage. */
  readonly isolatedMargin?: number;
}

/** A user account to create: demo or test. */
export interface SimAccountSpec {
  readonly id: string;
  readonly venue: SimVenue;
  /** Cross wallet balance excluding PnL, quote units (isolated margins are held apart from it). */
  readonly walletBalance: number;
  readonly positionMode?: 'one-way' | 'hedge';
  /** Hyperliquid address; derived from the id when absent. */
  readonly address?: string;
  readonly positions: readonly SimAccountPositionSpec[];
}

interface HeldPosition {
  readonly symbol: string;
  readonly side: 'long' | 'short';
  readonly size: number;
  readonly entryPrice: number;
  readonly leverage: number;
  readonly marginMode: 'isolated' | 'cross';
  readonly isolatedMargin: number;
}

/** A user account's mutable state inside the market. */
export interface AccountBook {
  readonly id: string;
  readonly venue: SimVenue;
  readonly positionMode: 'one-way' | 'hedge';
  readonly address: string | undefined;
  walletBalance: number;
  positions: HeldPosition[];
  readonly liquidations: SimLiquidation[];
}

/** Prices and instruments of the market, as the account needs them. */
export interface AccountMarket {
  instrument(symbol: string): SimInstrument;
  mark(symbol: string): number;
  last(symbol: string): number;
}

/**
 * Opens an account from its spec at the current marks. Throws with a one-line reason on an unknown
 * symbol, a non-positive size or leverage, or two positions where the position mode allows one.
 */
export function openAccount(spec: SimAccountSpec, market: AccountMarket): AccountBook {
  const positionMode = spec.venue === 'hyperliquid' ? 'one-way' : (spec.positionMode ?? 'one-way');
  const seen = new Set<string>();
  const positions = spec.positions.map((p): HeldPosition => {
    const key = positionMode === 'hedge' ? `${p.symbol}:${p.side}` : p.symbol;
    if (seen.has(key))
      throw new Error(
        `Account ${spec.id}: ${positionMode} mode allows one ${positionMode === 'hedge' ? p.side + ' ' : ''}position per symbol (${p.symbol})`,
      );
    seen.add(key);
    market.instrument(p.symbol);
    if (!(p.size > 0) || !(p.leverage > 0))
      throw new Error(`Account ${spec.id}: ${p.symbol} needs a positive size and leverage`);
    const entryPrice = p.entryPrice ?? market.mark(p.symbol) * (1 + (p.entryOffset ?? 0));
    const isolatedMargin = p.marginMode === 'isolated' ? (p.isolatedMargin ?? (p.size * entryPrice) / p.leverage) : 0;
    return {
      symbol: p.symbol,
      side: p.side,
      size: p.size,
      entryPrice,
      leverage: p.leverage,
      marginMode: p.marginMode,
      isolatedMargin,
    };
  });
  return {
    id: spec.id,
    venue: spec.venue,
    positionMode,
    address: spec.venue === 'hyperliquid' ? (spec.address ?? addressFor(spec.id)) : spec.address,
    walletBalance: spec.walletBalance,
    positions,
    liquidations: [],
  };
}

const signOf = (p: HeldPosition): 1 | -1 => (p.side === 'long' ? 1 : -1);
const pnl = (p: HeldPosition, market: AccountMarket): number =>
  signOf(p) * p.size * (market.mark(p.symbol) - p.entryPrice);
const requirement = (book: AccountBook, p: HeldPosition, market: AccountMarket): number => {
  const rules = venueRulesOf(market.instrument(p.symbol), book.venue);
  return liquidationRequirement(
    rules,
    p.marginMode,
    p.size,
    requirementPrice(rules, p.marginMode, p.entryPrice, market.mark(p.symbol)),
  );
};

/**
 * The liquidation price the venue would report for `position`, by a numeric root search. Isolated:
 * the position alone on its margin. Cross: every cross leg of the symbol moves with P (hedge legs
 * share one price, as Binance states), other cross positions stay at their marks.
 */
function liquidationPriceOf(book: AccountBook, position: HeldPosition, market: AccountMarket): number | null {
  const rules = venueRulesOf(market.instrument(position.symbol), book.venue);
  const markPrice = market.mark(position.symbol);
  const toLeg = (p: HeldPosition): MarginLeg => ({ sign: signOf(p), size: p.size, entryPrice: p.entryPrice });
  if (position.marginMode === 'isolated') {
    return solveLiquidationPrice({
      rules,
      marginMode: 'isolated',
      legs: [toLeg(position)],
      fixedEquity: position.isolatedMargin,
      fixedRequirement: 0,
      markPrice,
    });
  }
  const cross = book.positions.filter((p) => p.marginMode === 'cross');
  const others = cross.filter((p) => p.symbol !== position.symbol);
  return solveLiquidationPrice({
    rules,
    marginMode: 'cross',
    markPrice,
    legs: cross.filter((p) => p.symbol === position.symbol).map(toLeg),
    fixedEquity: book.walletBalance + others.reduce((sum, p) => sum + pnl(p, market), 0),
    fixedRequirement: others.reduce((sum, p) => sum + requirement(book, p, market), 0),
  });
}

/** The account as the venue would report it now: marks, PnL, maintenance margin and liquidation prices. */
export function snapshotAccount(book: AccountBook, market: AccountMarket): SimAccount {
  const positions = book.positions.map((p): SimAccountPosition => ({
    symbol: p.symbol,
    side: p.side,
    size: p.size,
    entryPrice: p.entryPrice,
    leverage: p.leverage,
    marginMode: p.marginMode,
    isolatedMargin: p.isolatedMargin,
    markPrice: market.mark(p.symbol),
    unrealizedPnl: pnl(p, market),
    maintenanceMargin: ((rules) =>
      maintenanceMargin(rules, p.size, requirementPrice(rules, p.marginMode, p.entryPrice, market.mark(p.symbol))))(
      venueRulesOf(market.instrument(p.symbol), book.venue),
    ),
    liquidationPrice: liquidationPriceOf(book, p, market),
    positionSide: book.positionMode === 'hedge' ? p.side : 'both',
  }));
  const cross = positions.filter((p) => p.marginMode === 'cross');
  return {
    id: book.id,
    venue: book.venue,
    walletBalance: book.walletBalance,
    positions,
    positionMode: book.positionMode,
    ...(book.address === undefined ? {} : { address: book.address }),
    crossEquity: book.walletBalance + cross.reduce((sum, p) => sum + p.unrealizedPnl, 0),
    crossMaintenanceMargin: cross.reduce((sum, p) => sum + p.maintenanceMargin, 0),
    liquidations: [...book.liquidations],
  };
}

/**
 * Force-closes what the venue would liquidate at the current marks: an isolated position whose
 * equity is at or below its requirement; every cross position when the cross equity is at or below
 * the cross requirement (the remaining cross equity goes to the venue, as a clearance fee). Returns
 * the liquidations, filled at the last price, and records them on the account.
 */
export function liquidateUnderwater(book: AccountBook, market: AccountMarket, timeMs: number): SimLiquidation[] {
  const out: SimLiquidation[] = [];
  const close = (p: HeldPosition): void => {
    out.push({
      symbol: p.symbol,
      timeMs,
      side: p.side,
      price: market.last(p.symbol),
      size: p.size,
      entryPrice: p.entryPrice,
    });
  };
  const survivors: HeldPosition[] = [];
  for (const p of book.positions) {
    if (p.marginMode === 'isolated' && p.isolatedMargin + pnl(p, market) - requirement(book, p, market) <= 0) close(p);
    else survivors.push(p);
  }
  const cross = survivors.filter((p) => p.marginMode === 'cross');
  const surplus = book.walletBalance + cross.reduce((sum, p) => sum + pnl(p, market) - requirement(book, p, market), 0);
  if (cross.length > 0 && surplus <= 0) {
    cross.forEach(close);
    book.walletBalance = 0;
    book.positions = survivors.filter((p) => p.marginMode !== 'cross');
  } else book.positions = survivors;
  book.liquidations.push(...out);
  return out;
}

/**
 * The user closes a position at the mark (a market close; fees ignored): its PnL is realised into
 * the wallet (isolated margin returns with it) and no liquidation is recorded. Returns false when
 * the account holds no such position.
 */
export function closeUserPosition(
  book: AccountBook,
  market: AccountMarket,
  symbol: string,
  side: 'long' | 'short',
): boolean {
  const position = book.positions.find((p) => p.symbol === symbol && p.side === side);
  if (position === undefined) return false;
  book.walletBalance += pnl(position, market) + position.isolatedMargin;
  book.positions = book.positions.filter((p) => p !== position);
  return true;
}

// A stable, valid-looking Hyperliquid address for an account id (0x + 40 hex digits).
function addressFor(id: string): string {
  let hex = '';
  for (let k = 0; k < 5; k++) hex += deriveSeed(k, id).toString(16).padStart(8, '0');
  return `0x${hex}`;
}
