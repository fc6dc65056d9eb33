import {
  adlQuantileOf,
  collateralSymbol,
  resolveAccountMode,
  valueCollateral,
  withMaintenanceFloor,
  type SimCollateralSpec,
} from './account-mode';
import { venueRulesOf } from './instruments';
import { solveLiquidationPrice, type MarginLeg } from './liquidation-price';
import { liquidationRequirement, maintenanceMargin, requirementPrice } from './margin-rules';
import { deriveSeed } from './prng';
import type { SimModeRules } from '../venues/venue-module';
import type {
  SimAccount,
  SimAccountMargin,
  SimAccountMode,
  SimAccountPosition,
  SimInstrument,
  SimLiquidation,
  SimVenue,
  SimVenueAdjustment,
  SimVenueRules,
} from './types';

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
  /** Hyperliquid only: the HIP-3 dex the position trades on (isolated only). */
  readonly dex?: string;
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
  /** The account mode (see `SimAccountModes`); default the venue module's `defaultMode`. */
  readonly mode?: SimAccountMode;
  /** Multi-collateral modes only: assets held besides the settle-currency wallet. */
  readonly collateral?: readonly SimCollateralSpec[];
}

interface HeldPosition {
  readonly symbol: string;
  readonly side: 'long' | 'short';
  readonly size: number;
  readonly entryPrice: number;
  readonly marginMode: 'isolated' | 'cross';
  readonly isolatedMargin: number;
  readonly dex?: string;
  leverage: number;
  maintenanceRateFloor?: number;
  riskLimitLoweredAtMs?: number;
  leverageLoweredAtMs?: number;
  /** The venue's ADL quantile set by a test (`adjustPosition`), in place of the banding. */
  adlQuantile?: number;
}

/** A user account's mutable state inside the market. */
export interface AccountBook {
  readonly id: string;
  readonly venue: SimVenue;
  readonly positionMode: 'one-way' | 'hedge';
  readonly address: string | undefined;
  mode: SimAccountMode;
  modeRules: SimModeRules;
  walletBalance: number;
  collateral: SimCollateralSpec[];
  positions: HeldPosition[];
  readonly liquidations: SimLiquidation[];
}

/** Prices and instruments of the market, as the account needs them. */
export interface AccountMarket {
  instrument(symbol: string): SimInstrument;
  mark(symbol: string): number;
  /** The symbol's index price: the USD price venues value collateral at (Binance assetIndex, Bybit usdValue). */
  index(symbol: string): number;
  last(symbol: string): number;
}

/**
 * Opens an account from its spec at the current marks. Throws with a one-line reason on an unknown
 * symbol, a non-positive size or leverage, or two positions where the position mode allows one.
 */
export function openAccount(spec: SimAccountSpec, market: AccountMarket): AccountBook {
  const { mode, rules: modeRules } = resolveAccountMode(spec);
  for (const { asset } of spec.collateral ?? []) {
    const symbol = collateralSymbol(asset);
    if (symbol !== null) market.instrument(symbol);
  }
  const positionMode = spec.venue === 'hyperliquid' ? 'one-way' : (spec.positionMode ?? 'one-way');
  const seen = new Set<string>();
  const positions = spec.positions.map((p): HeldPosition => {
    // A HIP-3 dex is a market of its own: one position per symbol on each dex.
    const where = p.dex === undefined ? p.symbol : `${p.dex}:${p.symbol}`;
    const key = positionMode === 'hedge' ? `${where}:${p.side}` : where;
    if (seen.has(key))
      throw new Error(
        `Account ${spec.id}: ${positionMode} mode allows one ${positionMode === 'hedge' ? p.side + ' ' : ''}position per symbol (${p.symbol})`,
      );
    seen.add(key);
    market.instrument(p.symbol);
    if (!(p.size > 0) || !(p.leverage > 0))
      throw new Error(`Account ${spec.id}: ${p.symbol} needs a positive size and leverage`);
    if (p.dex !== undefined && (spec.venue !== 'hyperliquid' || p.marginMode !== 'isolated'))
      throw new Error(`Account ${spec.id}: a HIP-3 dex position is a Hyperliquid isolated position`);
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
      ...(p.dex === undefined ? {} : { dex: p.dex }),
    };
  });
  return {
    id: spec.id,
    venue: spec.venue,
    positionMode,
    address: spec.venue === 'hyperliquid' ? (spec.address ?? addressFor(spec.id)) : spec.address,
    mode,
    modeRules,
    walletBalance: spec.walletBalance,
    collateral: [...(spec.collateral ?? [])],
    positions,
    liquidations: [],
  };
}

const signOf = (p: HeldPosition): 1 | -1 => (p.side === 'long' ? 1 : -1);
const pnl = (p: HeldPosition, market: AccountMarket): number =>
  signOf(p) * p.size * (market.mark(p.symbol) - p.entryPrice);
const rulesOf = (book: AccountBook, p: HeldPosition, market: AccountMarket): SimVenueRules =>
  withMaintenanceFloor(venueRulesOf(market.instrument(p.symbol), book.venue), p.maintenanceRateFloor);
const requirement = (book: AccountBook, p: HeldPosition, market: AccountMarket): number => {
  const rules = rulesOf(book, p, market);
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
  if (book.modeRules.liquidationPrice === 'none') return null;
  const rules = rulesOf(book, position, market);
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
  // Collateral in the position's own base asset moves with P (its index keeping its ratio to the
  // mark); the rest stays at its index.
  const margin = marginCollateral(book);
  const moving = margin.filter(({ asset }) => collateralSymbol(asset) === position.symbol);
  const still = margin.filter(({ asset }) => collateralSymbol(asset) !== position.symbol);
  return solveLiquidationPrice({
    rules,
    marginMode: 'cross',
    markPrice,
    legs: cross.filter((p) => p.symbol === position.symbol).map(toLeg),
    fixedEquity:
      book.walletBalance + collateralUsd(book, still, market) + others.reduce((sum, p) => sum + pnl(p, market), 0),
    fixedRequirement: others.reduce((sum, p) => sum + requirement(book, p, market), 0),
    collateralUnits: valueCollateral(book.venue, moving, (symbol) => market.index(symbol) / markPrice).reduce(
      (sum, c) => sum + c.marginValueUsd,
      0,
    ),
    requirementScale: book.modeRules.liquidationThreshold,
  });
}

/** The assets that count as margin: every one held in a multi-collateral mode, none where they are spot holdings only. */
function marginCollateral(book: AccountBook): readonly SimCollateralSpec[] {
  return book.modeRules.multiCollateral ? book.collateral : [];
}

/** Margin value of `collateral` at the current index prices, USD. */
function collateralUsd(book: AccountBook, collateral: readonly SimCollateralSpec[], market: AccountMarket): number {
  return valueCollateral(book.venue, collateral, (symbol) => market.index(symbol)).reduce(
    (sum, c) => sum + c.marginValueUsd,
    0,
  );
}

/** The account-level test: equity over the cross requirement, in USD (see `SimAccount.accountMargin`). */
function accountMarginOf(book: AccountBook, market: AccountMarket): SimAccountMargin {
  const cross = book.positions.filter((p) => p.marginMode === 'cross');
  let maintenanceMarginUsd = 0;
  let requirementUsd = 0;
  let initialMarginUsd = 0;
  for (const p of cross) {
    const rules = rulesOf(book, p, market);
    const mark = market.mark(p.symbol);
    maintenanceMarginUsd += maintenanceMargin(rules, p.size, requirementPrice(rules, p.marginMode, p.entryPrice, mark));
    requirementUsd += requirement(book, p, market);
    initialMarginUsd += (p.size * mark) / p.leverage;
  }
  return {
    equityUsd:
      book.walletBalance +
      collateralUsd(book, marginCollateral(book), market) +
      cross.reduce((sum, p) => sum + pnl(p, market), 0),
    maintenanceMarginUsd,
    requirementUsd,
    initialMarginUsd,
    liquidationThreshold: book.modeRules.liquidationThreshold,
  };
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
      rulesOf(book, p, market),
    ),
    liquidationPrice: liquidationPriceOf(book, p, market),
    positionSide: book.positionMode === 'hedge' ? p.side : 'both',
    adlQuantile: p.adlQuantile ?? adlQuantileOf(pnl(p, market), (p.size * p.entryPrice) / p.leverage),
    ...(p.riskLimitLoweredAtMs === undefined ? {} : { riskLimitLoweredAtMs: p.riskLimitLoweredAtMs }),
    ...(p.leverageLoweredAtMs === undefined ? {} : { leverageLoweredAtMs: p.leverageLoweredAtMs }),
    ...(p.dex === undefined ? {} : { dex: p.dex }),
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
    mode: book.mode,
    collateral: valueCollateral(book.venue, book.collateral, (symbol) => market.index(symbol)),
    accountMargin: accountMarginOf(book, market),
  };
}

/**
 * The venue changes a position on its own, as Bybit does when it lowers a risk limit or a
 * leverage: the new leverage, or a maintenance rate the position is charged at least, stamped with
 * `timeMs`; or its place in the ADL queue (null: back to the banding). Throws with a one-line reason
 * when the account holds no such position, the leverage would not be lower or the quantile is not 0–4.
 */
export function adjustPosition(book: AccountBook, symbol: string, change: SimVenueAdjustment, timeMs: number): void {
  const held = book.positions.filter((p) => p.symbol === symbol);
  if (held.length === 0) throw new Error(`Account ${book.id} holds no ${symbol} position`);
  for (const p of held) {
    if (change.leverage !== undefined) {
      if (!(change.leverage > 0 && change.leverage < p.leverage))
        throw new Error(`Account ${book.id}: ${symbol} leverage can only be lowered (now ${p.leverage})`);
      p.leverage = change.leverage;
      p.leverageLoweredAtMs = timeMs;
    }
    if (change.maintenanceMarginRate !== undefined) {
      p.maintenanceRateFloor = change.maintenanceMarginRate;
      p.riskLimitLoweredAtMs = timeMs;
    }
    if (change.adlQuantile === null) delete p.adlQuantile;
    else if (change.adlQuantile !== undefined) {
      if (!(Number.isInteger(change.adlQuantile) && change.adlQuantile >= 0 && change.adlQuantile <= 4))
        throw new Error(`Account ${book.id}: an ADL quantile is 0–4 (got ${change.adlQuantile})`);
      p.adlQuantile = change.adlQuantile;
    }
  }
}

/**
 * The account is switched to `mode` with its positions and collateral held, as a user does in the
 * venue's own app (Binance single-asset to Multi-Assets, a Bybit unified account from isolated to
 * cross, an OKX account level): the next read reports the new mode and the new mode's rules decide
 * liquidation from now on. Throws with the same one-line reasons as opening an account in `mode`.
 */
export function changeAccountMode(book: AccountBook, mode: SimAccountMode): void {
  const { rules } = resolveAccountMode({ ...book, mode });
  book.mode = mode;
  book.modeRules = rules;
}

/**
 * Force-closes what the venue would liquidate at the current marks: an isolated position whose
 * equity is at or below its requirement; every cross position when the account-level test fails:
 * equity (wallet, other collateral at its collateral ratio, cross PnL) at or below the mode's
 * threshold times the cross requirement (the remaining cross equity, collateral included, goes to
 * the venue, as a clearance fee). The test per mode: docs/research/venue-payloads.md §6. Returns
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
      marginMode: p.marginMode,
      leverage: p.leverage,
    });
  };
  const survivors: HeldPosition[] = [];
  for (const p of book.positions) {
    if (p.marginMode === 'isolated' && p.isolatedMargin + pnl(p, market) - requirement(book, p, market) <= 0) close(p);
    else survivors.push(p);
  }
  const cross = survivors.filter((p) => p.marginMode === 'cross');
  const test = accountMarginOf({ ...book, positions: cross }, market);
  if (cross.length > 0 && test.equityUsd - test.liquidationThreshold * test.requirementUsd <= 0) {
    cross.forEach(close);
    book.walletBalance = 0;
    book.collateral = [];
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
