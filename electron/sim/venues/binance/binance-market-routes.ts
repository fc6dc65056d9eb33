import type { SimInstrument, SimMarket } from '../../market/types';
import { dayStats, parseBarInterval } from './bar-buckets';
import { invalidIntervalError, invalidSymbolError, missingParameterError } from './binance-errors';
import { klineBuckets, klineRow, markKlineRow } from './binance-klines';
import {
  limitParam,
  ok,
  optionalSymbol,
  requireSymbol,
  timeParam,
  type BinanceCall,
  type BinanceHandler,
} from './binance-call';
import { decimalText, decimalsOfStep } from './decimal-text';
import { assetIndexRows } from './binance-mode-payloads';

/** Binance's far-future delivery date for perpetuals (2100-12-25). */
const perpetualDeliveryMs = 4_133_404_800_000;

function symbolInfo(instrument: SimInstrument): object {
  const tick = decimalText(instrument.tickSize, 12);
  const step = decimalText(instrument.stepSize, 12);
  return {
    symbol: instrument.symbol,
    pair: instrument.symbol,
    contractType: 'PERPETUAL',
    deliveryDate: perpetualDeliveryMs,
    onboardDate: 1_569_398_400_000,
    status: 'TRADING',
    maintMarginPercent: '2.5000',
    requiredMarginPercent: '5.0000',
    baseAsset: instrument.base,
    quoteAsset: instrument.quote,
    marginAsset: instrument.quote,
    pricePrecision: decimalsOfStep(instrument.tickSize),
    quantityPrecision: decimalsOfStep(instrument.stepSize),
    baseAssetPrecision: 8,
    quotePrecision: 8,
    underlyingType: 'COIN',
    underlyingSubType: [],
    settlePlan: 0,
    triggerProtect: '0.0500',
    liquidationFee: '0.012500',
    marketTakeBound: '0.05',
    maxMoveOrderLimit: 10000,
    filters: [
      {
        filterType: 'PRICE_FILTER',
        minPrice: tick,
        maxPrice: decimalText(instrument.tickSize * 1e8, 8),
        tickSize: tick,
      },
      { filterType: 'LOT_SIZE', minQty: step, maxQty: decimalText(instrument.stepSize * 1e6, 8), stepSize: step },
      {
        filterType: 'MARKET_LOT_SIZE',
        minQty: step,
        maxQty: decimalText(instrument.stepSize * 1e5, 8),
        stepSize: step,
      },
      { filterType: 'MAX_NUM_ORDERS', limit: 200 },
      { filterType: 'MIN_NOTIONAL', notional: '5' },
      { filterType: 'PERCENT_PRICE', multiplierUp: '1.0500', multiplierDown: '0.9500', multiplierDecimal: '4' },
    ],
    orderTypes: ['LIMIT', 'MARKET', 'STOP', 'STOP_MARKET', 'TAKE_PROFIT', 'TAKE_PROFIT_MARKET', 'TRAILING_STOP_MARKET'],
    timeInForce: ['GTC', 'IOC', 'FOK', 'GTX', 'GTD'],
  };
}

function premiumIndex(market: SimMarket, symbol: string): object {
  const ticker = market.ticker(symbol);
  return {
    symbol,
    markPrice: decimalText(ticker.markPrice),
    indexPrice: decimalText(ticker.indexPrice),
    estimatedSettlePrice: decimalText(ticker.indexPrice),
    lastFundingRate: decimalText(ticker.fundingRate),
    interestRate: '0.00010000',
    nextFundingTime: ticker.nextFundingTimeMs,
    time: ticker.timeMs,
  };
}

/** `GET /fapi/v1/ticker/24hr` row (also the `<symbol>@ticker` stream's fields, under long names). */
export function ticker24h(market: SimMarket, symbol: string): Record<string, string | number> {
  const ticker = market.ticker(symbol);
  const stats = dayStats(market, symbol, ticker.timeMs, ticker.lastPrice);
  const change = ticker.lastPrice - stats.open;
  return {
    symbol,
    priceChange: decimalText(change),
    priceChangePercent: decimalText(stats.open > 0 ? (100 * change) / stats.open : 0, 3),
    weightedAvgPrice: decimalText(stats.volume > 0 ? stats.quoteVolume / stats.volume : ticker.lastPrice),
    lastPrice: decimalText(ticker.lastPrice),
    lastQty: '0',
    openPrice: decimalText(stats.open),
    highPrice: decimalText(stats.high),
    lowPrice: decimalText(stats.low),
    volume: decimalText(stats.volume),
    quoteVolume: decimalText(stats.quoteVolume),
    openTime: stats.openTimeMs,
    closeTime: ticker.timeMs,
    firstId: 0,
    lastId: Math.max(0, stats.trades - 1),
    count: stats.trades,
  };
}

function klines(kind: 'last' | 'mark'): BinanceHandler {
  return (call: BinanceCall) => {
    const picked = requireSymbol(call);
    if ('error' in picked) return picked.error;
    const intervalName = call.params.get('interval');
    if (!intervalName) return missingParameterError('interval');
    const interval = parseBarInterval(intervalName);
    if (!interval) return invalidIntervalError();
    const window = {
      startTimeMs: timeParam(call, 'startTime'),
      endTimeMs: timeParam(call, 'endTime'),
      limit: limitParam(call, 500, 1500),
    };
    const buckets = klineBuckets(call.context.market, picked.instrument.symbol, kind, interval, window);
    return ok(buckets.map(kind === 'last' ? klineRow : markKlineRow));
  };
}

function perSymbolOrAll(row: (market: SimMarket, symbol: string) => object): BinanceHandler {
  return (call) => {
    const picked = optionalSymbol(call);
    if ('error' in picked) return picked.error;
    const { market } = call.context;
    return ok(
      picked.instrument ? row(market, picked.instrument.symbol) : market.instruments.map((i) => row(market, i.symbol)),
    );
  };
}

/** The public market-data endpoints under `/fapi/v1`, by `METHOD path`. */
export const marketRoutes: Readonly<Record<string, BinanceHandler>> = {
  'GET /fapi/v1/ping': () => ok({}),
  // Server time is the host clock: signed requests are checked against it (see binance-auth.ts).
  'GET /fapi/v1/time': (call) => ok({ serverTime: call.wallNowMs }),
  'GET /fapi/v1/exchangeInfo': (call) =>
    ok({
      timezone: 'UTC',
      serverTime: call.wallNowMs,
      futuresType: 'U_MARGINED',
      rateLimits: [
        { rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 2400 },
        { rateLimitType: 'ORDERS', interval: 'MINUTE', intervalNum: 1, limit: 1200 },
      ],
      exchangeFilters: [],
      assets: [...new Set(call.context.market.instruments.map((i) => i.quote))].map((asset) => ({
        asset,
        marginAvailable: true,
        autoAssetExchange: '-10000',
      })),
      symbols: call.context.market.instruments.map(symbolInfo),
    }),
  'GET /fapi/v1/klines': klines('last'),
  'GET /fapi/v1/markPriceKlines': klines('mark'),
  'GET /fapi/v1/openInterest': (call) => {
    const picked = requireSymbol(call);
    if ('error' in picked) return picked.error;
    const ticker = call.context.market.ticker(picked.instrument.symbol);
    return ok({
      openInterest: decimalText(ticker.openInterest),
      symbol: picked.instrument.symbol,
      time: ticker.timeMs,
    });
  },
  'GET /fapi/v1/premiumIndex': perSymbolOrAll(premiumIndex),
  // Multi-Assets collateral rates; with `symbol` (e.g. BTCUSD) one object, as Binance answers.
  'GET /fapi/v1/assetIndex': (call) => {
    const rows = assetIndexRows(call.context.market);
    const wanted = call.params.get('symbol');
    if (wanted === null) return ok(rows);
    const row = rows.find((candidate) => candidate['symbol'] === wanted.toUpperCase());
    return row ? ok(row) : invalidSymbolError();
  },
  'GET /fapi/v1/ticker/24hr': perSymbolOrAll(ticker24h),
};
