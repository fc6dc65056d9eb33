import { venueRulesOf } from '../../market/instruments';
import type { SimAccount, SimAccountPosition, SimInstrument } from '../../market/types';
import { decimalText } from './decimal-text';

/**
 * The numbers Binance reports for one position, derived from the simulated account (which holds
 * the venue's own maintenance margin and liquidation price) and the instrument.
 */
export interface BinancePositionFigures {
  readonly symbol: string;
  readonly positionSide: 'BOTH' | 'LONG' | 'SHORT';
  /** Signed size, base units (negative for shorts). */
  readonly positionAmt: number;
  /** Signed notional at the mark price, quote units. */
  readonly notional: number;
  readonly isolated: boolean;
  /** Isolated wallet balance (margin excluding unrealized PnL); 0 for cross. */
  readonly isolatedWallet: number;
  /** `isolatedWallet + unrealizedPnl` for isolated positions, 0 for cross (as Binance sends it). */
  readonly isolatedMargin: number;
  /** Initial margin of the position: |notional| / leverage. */
  readonly initialMargin: number;
  readonly breakEvenPrice: number;
  /** Largest notional the position's leverage allows (the cap of the highest tier that permits it). */
  readonly maxNotional: number;
  readonly source: SimAccountPosition;
}

/** Binance's stand-in for an unbounded tier cap (JSON has no Infinity). */
export const unboundedNotionalCap = Number.MAX_SAFE_INTEGER;

/**
 * Whether the account is in hedge mode (positions reported with positionSide LONG/SHORT instead of
 * BOTH): its `positionMode` when set, else whether it holds a long and a short in one symbol, which
 * only hedge mode allows.
 */
export function isHedgeMode(account: SimAccount): boolean {
  if (account.positionMode !== undefined) return account.positionMode === 'hedge';
  const sides = new Map<string, Set<string>>();
  for (const position of account.positions) {
    const set = sides.get(position.symbol) ?? new Set<string>();
    set.add(position.side);
    sides.set(position.symbol, set);
  }
  return [...sides.values()].some((set) => set.size > 1);
}

/**
 * Maps one simulated position to Binance's figures. Break-even price includes the taker fee paid
 * on opening and on closing (entry × (1 ± fee) / (1 ∓ fee)); funding is not simulated per account.
 */
export function positionFigures(
  position: SimAccountPosition,
  instrument: SimInstrument | undefined,
  hedge: boolean,
): BinancePositionFigures {
  const sign = position.side === 'long' ? 1 : -1;
  const notional = sign * position.size * position.markPrice;
  const isolated = position.marginMode === 'isolated';
  const rules = instrument ? venueRulesOf(instrument, 'binance-usdm') : undefined;
  const fee = rules?.takerFeeRate ?? 0;
  const breakEvenPrice = position.entryPrice * (sign > 0 ? (1 + fee) / (1 - fee) : (1 - fee) / (1 + fee));
  const allowing = (rules?.tiers ?? []).filter((tier) => tier.maxLeverage >= position.leverage);
  const cap = allowing.length > 0 ? Math.max(...allowing.map((tier) => tier.notionalCap)) : 0;
  return {
    symbol: position.symbol,
    positionSide: hedge ? ((position.positionSide ?? position.side) === 'short' ? 'SHORT' : 'LONG') : 'BOTH',
    positionAmt: sign * position.size,
    notional,
    isolated,
    isolatedWallet: isolated ? position.isolatedMargin : 0,
    isolatedMargin: isolated ? position.isolatedMargin + position.unrealizedPnl : 0,
    initialMargin: Math.abs(notional) / position.leverage,
    breakEvenPrice,
    maxNotional: Number.isFinite(cap) ? cap : unboundedNotionalCap,
    source: position,
  };
}

/** Account-wide totals in Binance's single-asset (USDT) margin mode. */
export interface BinanceAccountTotals {
  /** Cross wallet + every isolated wallet. */
  readonly walletBalance: number;
  readonly crossWalletBalance: number;
  readonly unrealizedProfit: number;
  readonly crossUnPnl: number;
  readonly maintMargin: number;
  readonly initialMargin: number;
  /** Cross margin balance minus cross initial margin, floored at 0. */
  readonly availableBalance: number;
  /** What may be withdrawn: available balance, capped by the cross wallet. */
  readonly maxWithdrawAmount: number;
}

/** Sums the figures of every position into Binance's account totals. */
export function accountTotals(account: SimAccount, figures: readonly BinancePositionFigures[]): BinanceAccountTotals {
  let isolatedWallets = 0;
  let unrealizedProfit = 0;
  let crossUnPnl = 0;
  let maintMargin = 0;
  let initialMargin = 0;
  let crossInitialMargin = 0;
  for (const figure of figures) {
    isolatedWallets += figure.isolatedWallet;
    unrealizedProfit += figure.source.unrealizedPnl;
    maintMargin += figure.source.maintenanceMargin;
    initialMargin += figure.initialMargin;
    if (!figure.isolated) {
      crossUnPnl += figure.source.unrealizedPnl;
      crossInitialMargin += figure.initialMargin;
    }
  }
  const availableBalance = Math.max(0, account.walletBalance + crossUnPnl - crossInitialMargin);
  return {
    walletBalance: account.walletBalance + isolatedWallets,
    crossWalletBalance: account.walletBalance,
    unrealizedProfit,
    crossUnPnl,
    maintMargin,
    initialMargin,
    availableBalance,
    maxWithdrawAmount: Math.max(0, Math.min(availableBalance, account.walletBalance)),
  };
}

/** A quote-currency amount as Binance writes it. */
export function money(value: number): string {
  return decimalText(value, 8);
}
