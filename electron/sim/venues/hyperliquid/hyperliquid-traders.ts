import type { SimAccount, SimAccountPosition, SimInstrument, SimMarket, SimTruthLevel } from '../../market/types';
import { decimalText } from '../binance/decimal-text';

/**
 * The simulated traders behind the map, named as Hyperliquid names everyone: by public address.
 * Trader `i` of every symbol's population is one address, so an address may hold a position in
 * several coins, as on the venue. The market maker on the other side of their trades holds nothing.
 */
const traderPrefix = '0x5117';
const addressDigits = 40 - (traderPrefix.length - 2);

/** The market maker every simulated trade is against: a real address with an empty state. */
export const marketMakerAddress = `0x${'a'.repeat(40)}`;

/** The public address of trader `index` (0x + 40 lowercase hex digits). */
export function traderAddress(index: number): string {
  return `${traderPrefix}${index.toString(16).padStart(addressDigits, '0')}`;
}

/** The trader index an address names, or undefined when it is no simulated trader's. */
export function traderIndexOf(address: string): number | undefined {
  const lower = address.toLowerCase();
  if (!lower.startsWith(traderPrefix)) return undefined;
  const index = Number.parseInt(lower.slice(traderPrefix.length), 16);
  return Number.isSafeInteger(index) ? index : undefined;
}

function accountPosition(market: SimMarket, level: SimTruthLevel): SimAccountPosition {
  const mark = market.ticker(level.symbol).markPrice;
  const entry = level.entryPrice ?? mark;
  const sign = level.side === 'long' ? 1 : -1;
  return {
    symbol: level.symbol,
    side: level.side,
    size: level.size,
    entryPrice: entry,
    leverage: level.leverage,
    marginMode: 'isolated',
    isolatedMargin: level.isolatedMargin ?? (level.size * entry) / level.leverage,
    markPrice: mark,
    unrealizedPnl: sign * level.size * (mark - entry),
    // The map reads only the liquidation price; the trader's own maintenance figure is not kept.
    maintenanceMargin: 0,
    liquidationPrice: level.liquidationPrice,
  };
}

/**
 * The account of a simulated trader, read by address: its open position in every coin, each
 * isolated with the population's own liquidation price (the truth the measured map is scored
 * against). Undefined for an address that is no trader's; a flat trader has no positions.
 */
export function traderAccount(market: SimMarket, address: string): SimAccount | undefined {
  const index = traderIndexOf(address);
  if (index === undefined) return undefined;
  const positions = market.instruments.flatMap((instrument) =>
    market
      .truth(instrument.symbol)
      .filter((level) => level.trader === index)
      .map((level) => accountPosition(market, level)),
  );
  return { id: address.toLowerCase(), venue: 'hyperliquid', walletBalance: 0, positions };
}

/** Where a coin's trade stream stands: the last time served and the next holder to name. */
export interface TradeCursor {
  sinceMs: number;
  next: number;
}

/** Holders named each second besides the newly opened: real holders add, trim and roll their positions. */
const holdersPerMessage = 25;

/**
 * One `trades` message for `coin`: each position opened since the cursor's time (its taker bought
 * to open a long, sold to open a short), then the next `holdersPerMessage` holders in turn (a
 * small add to their position), each against the market maker. `users` is [buyer, seller] as the
 * venue sends it. Empty when nobody holds a position.
 */
export function tradesMessage(
  market: SimMarket,
  instrument: SimInstrument,
  coin: string,
  cursor: TradeCursor,
): object[] {
  const nowMs = market.now();
  const holders = market.truth(instrument.symbol).filter((level) => level.trader !== undefined);
  const opened = holders.filter((level) => level.openedAtMs > cursor.sinceMs && level.openedAtMs <= nowMs);
  const turn: SimTruthLevel[] = [];
  for (let k = 0; k < Math.min(holdersPerMessage, holders.length); k++) {
    const level = holders[(cursor.next + k) % holders.length];
    if (level !== undefined) turn.push(level);
  }
  cursor.next = holders.length === 0 ? 0 : (cursor.next + turn.length) % holders.length;
  cursor.sinceMs = nowMs;
  const price = market.ticker(instrument.symbol).lastPrice;
  return [...opened, ...turn].map((level, k) => {
    const trader = traderAddress(level.trader ?? 0);
    const buys = level.side === 'long';
    return {
      coin,
      side: buys ? 'B' : 'A',
      px: decimalText(price),
      sz: decimalText(opened.includes(level) ? level.size : instrument.stepSize),
      time: nowMs,
      hash: `0x${nowMs.toString(16).padStart(64, '0')}`,
      tid: nowMs * 1000 + k,
      users: buys ? [trader, marketMakerAddress] : [marketMakerAddress, trader],
    };
  });
}
