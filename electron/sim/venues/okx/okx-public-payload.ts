import type { SimInstrument, SimLiquidation, SimMarket } from '../../market/types';
import { decimalText, stepText } from '../common/decimal-text';
import { contractsText, okxFamily, okxInstId } from './okx-instruments';

const eightHoursMs = 8 * 3_600_000;

/** `public/mark-price` row, also the `mark-price` channel's data. */
export function markPriceRow(market: SimMarket, instrument: SimInstrument): Record<string, unknown> {
  const ticker = market.ticker(instrument.symbol);
  return {
    instType: 'SWAP',
    instId: okxInstId(instrument),
    markPx: stepText(ticker.markPrice, instrument.tickSize),
    ts: String(ticker.timeMs),
  };
}

/**
 * `public/funding-rate` row. `fundingTime` is the settlement the current rate applies to (the
 * next one), `nextFundingTime` the one after, 8 hours later.
 */
export function fundingRateRow(market: SimMarket, instrument: SimInstrument): Record<string, unknown> {
  const ticker = market.ticker(instrument.symbol);
  return {
    instType: 'SWAP',
    instId: okxInstId(instrument),
    fundingRate: decimalText(ticker.fundingRate, 10),
    nextFundingRate: '',
    fundingTime: String(ticker.nextFundingTimeMs),
    nextFundingTime: String(ticker.nextFundingTimeMs + eightHoursMs),
    minFundingRate: '-0.0075',
    maxFundingRate: '0.0075',
    method: 'current_period',
    formulaType: 'withRate',
    premium: decimalText(ticker.indexPrice > 0 ? ticker.markPrice / ticker.indexPrice - 1 : 0, 10),
    settFundingRate: decimalText(ticker.fundingRate, 10),
    settState: 'settled',
    interestRate: '0.0001',
    impactValue: '20000',
    ts: String(ticker.timeMs),
  };
}

/** `public/open-interest` row: contracts, base units and USD (USDT taken at 1 USD). */
export function openInterestRow(market: SimMarket, instrument: SimInstrument): Record<string, unknown> {
  const ticker = market.ticker(instrument.symbol);
  return {
    instType: 'SWAP',
    instId: okxInstId(instrument),
    oi: contractsText(instrument, ticker.openInterest),
    oiCcy: stepText(ticker.openInterest, instrument.stepSize),
    oiUsd: decimalText(ticker.openInterest * ticker.markPrice, 2),
    ts: String(ticker.timeMs),
  };
}

interface DayStats {
  readonly minute: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  /** Base units. */
  readonly volume: number;
}

/** 24 h statistics per market and symbol, recomputed once per simulated minute (the tickers channel pushes every tick). */
const dayStatsCache = new WeakMap<SimMarket, Map<string, DayStats>>();

function dayStats(market: SimMarket, symbol: string, timeMs: number, lastPrice: number): DayStats {
  const minute = Math.floor(timeMs / 60_000);
  let perSymbol = dayStatsCache.get(market);
  if (!perSymbol) {
    perSymbol = new Map();
    dayStatsCache.set(market, perSymbol);
  }
  const cached = perSymbol.get(symbol);
  if (cached?.minute === minute) return cached;
  const bars = market.bars(symbol, 'last', timeMs - 86_400_000, timeMs, 1440);
  const stats = { minute, open: bars[0]?.open ?? lastPrice, high: -Infinity, low: Infinity, volume: 0 };
  for (const bar of bars) {
    stats.high = Math.max(stats.high, bar.high);
    stats.low = Math.min(stats.low, bar.low);
    stats.volume += bar.volume;
  }
  perSymbol.set(symbol, stats);
  return stats;
}

/** The `tickers` channel / `market/ticker` row: last price and 24 h statistics from the bars. */
export function tickerRow(market: SimMarket, instrument: SimInstrument): Record<string, unknown> {
  const ticker = market.ticker(instrument.symbol);
  const price = (value: number): string => stepText(value, instrument.tickSize);
  const stats = dayStats(market, instrument.symbol, ticker.timeMs, ticker.lastPrice);
  return {
    instType: 'SWAP',
    instId: okxInstId(instrument),
    last: price(ticker.lastPrice),
    lastSz: contractsText(instrument, instrument.stepSize),
    askPx: price(ticker.lastPrice + instrument.tickSize),
    askSz: '100',
    bidPx: price(ticker.lastPrice),
    bidSz: '100',
    open24h: price(stats.open),
    high24h: price(Math.max(stats.high, ticker.lastPrice)),
    low24h: price(Math.min(stats.low, ticker.lastPrice)),
    sodUtc0: price(stats.open),
    sodUtc8: price(stats.open),
    volCcy24h: stepText(stats.volume, instrument.stepSize),
    vol24h: contractsText(instrument, stats.volume),
    ts: String(ticker.timeMs),
  };
}

/**
 * A liquidation as OKX lists it (REST `public/liquidation-orders` detail and the
 * `liquidation-orders` channel): `side` is the liquidation order's side (sell = a long was
 * liquidated), `posSide` the position's, `bkPx` the bankruptcy price (the simulator's fill price),
 * `sz` in contracts.
 */
export function liquidationDetail(instrument: SimInstrument, liquidation: SimLiquidation): Record<string, unknown> {
  return {
    side: liquidation.side === 'long' ? 'sell' : 'buy',
    posSide: liquidation.side,
    bkPx: stepText(liquidation.price, instrument.tickSize),
    sz: contractsText(instrument, liquidation.size),
    bkLoss: '0',
    ccy: '',
    ts: String(liquidation.timeMs),
  };
}

/** The envelope around one instrument's liquidation details. */
export function liquidationGroup(
  instrument: SimInstrument,
  details: readonly Record<string, unknown>[],
): Record<string, unknown> {
  return {
    instType: 'SWAP',
    instId: okxInstId(instrument),
    instFamily: okxFamily(instrument),
    uly: okxFamily(instrument),
    totalLoss: '0',
    details,
  };
}
