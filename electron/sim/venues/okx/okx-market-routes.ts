import type { SimInstrument } from '../../market/types';
import { buildCandles, type Candle } from '../common/candles';
import {
  badParameter,
  integerParameter,
  limitParameter,
  unknownInstrument,
  type OkxCall,
  type OkxPublicHandler,
} from './okx-call';
import { decimalText, stepText } from '../common/decimal-text';
import { okxBar } from './okx-bars';
import { okxReply } from './okx-envelope';
import { contractsText, findOkxInstrument } from './okx-instruments';

const minuteMs = 60_000;

/** Closed (or, with `includeOpen`, also the current) candles of the request's instrument and bar, newest first. */
function requestCandles(
  call: OkxCall,
  kind: 'last' | 'mark',
  options: {
    readonly barParameter: string;
    readonly defaultBar: string;
    readonly maxLimit: number;
    readonly defaultLimit: number;
    readonly includeOpen: boolean;
  },
): { instrument: SimInstrument; candles: Candle[] } | ReturnType<OkxPublicHandler> {
  const query = call.request.query;
  const instrument = findOkxInstrument(call.market, query.get('instId') ?? '');
  if (!instrument) return unknownInstrument();
  const bar = okxBar(query.get(options.barParameter) || options.defaultBar);
  if (!bar) return badParameter(options.barParameter);
  // Candles page backwards: `after` = older than, `before` = newer than (both exclusive); the
  // statistics endpoints take an inclusive `begin`/`end` instead.
  const paged = options.barParameter === 'bar';
  const upper = integerParameter(call, paged ? 'after' : 'end');
  const lower = integerParameter(call, paged ? 'before' : 'begin');
  const limit = limitParameter(call, options.defaultLimit, options.maxLimit);
  if (Number.isNaN(upper) || Number.isNaN(lower) || limit === undefined) return badParameter('after, before or limit');
  const exclusive = paged ? 1 : 0;
  const candles = buildCandles((from, to, count) => call.market.bars(instrument.symbol, kind, from, to, count), {
    ...bar,
    fromMs: lower === undefined ? undefined : lower + exclusive,
    toMs: upper === undefined ? undefined : upper - exclusive,
    limit: limit + 1,
    keep: 'newest',
    nowMs: call.market.now(),
  }).filter((candle) => options.includeOpen || candle.closed);
  return { instrument, candles: candles.slice(-limit).reverse() };
}

/**
 * `market/candles`, `market/history-candles` and the mark-price pair: rows newest first, with the
 * open candle flagged `confirm: "0"`. Last-price rows carry volume in contracts, base and quote.
 */
function candlesHandler(kind: 'last' | 'mark', maxLimit: number): OkxPublicHandler {
  return (call) => {
    const selected = requestCandles(call, kind, {
      barParameter: 'bar',
      defaultBar: '1m',
      maxLimit,
      defaultLimit: 100,
      includeOpen: true,
    });
    if (!('candles' in selected)) return selected;
    const { instrument, candles } = selected;
    const price = (value: number): string => stepText(value, instrument.tickSize);
    return okxReply(
      candles.map((candle) => {
        const prices = [
          String(candle.openTimeMs),
          price(candle.open),
          price(candle.high),
          price(candle.low),
          price(candle.close),
        ];
        const confirm = candle.closed ? '1' : '0';
        if (kind === 'mark') return [...prices, confirm];
        return [
          ...prices,
          contractsText(instrument, candle.volume),
          stepText(candle.volume, instrument.stepSize),
          decimalText(candle.quoteVolume, 4),
          confirm,
        ];
      }),
    );
  };
}

/**
 * `rubik/stat/taker-volume-contract?instId&period&unit`: closed periods newest first as
 * [ts, sellVolume, buyVolume]; unit 0 = base currency, 1 = contracts (default), 2 = USD (USDT at 1).
 */
const takerVolume: OkxPublicHandler = (call) => {
  const selected = requestCandles(call, 'last', {
    barParameter: 'period',
    defaultBar: '5m',
    maxLimit: 100,
    defaultLimit: 100,
    includeOpen: false,
  });
  if (!('candles' in selected)) return selected;
  const { instrument, candles } = selected;
  const unit = call.request.query.get('unit') ?? '1';
  if (unit !== '0' && unit !== '1' && unit !== '2') return badParameter('unit');
  const amount = (base: number, quote: number): string =>
    unit === '0'
      ? stepText(base, instrument.stepSize)
      : unit === '1'
        ? contractsText(instrument, base)
        : decimalText(quote, 2);
  return okxReply(
    candles.map((candle) => [
      String(candle.openTimeMs),
      amount(candle.volume - candle.takerBuyVolume, candle.quoteVolume - candle.takerBuyQuoteVolume),
      amount(candle.takerBuyVolume, candle.takerBuyQuoteVolume),
    ]),
  );
};

const oiPeriods: Readonly<Record<string, number>> = { '5m': 5 * minuteMs, '1H': 60 * minuteMs, '1D': 1440 * minuteMs };
/** Points the open-interest-volume endpoint answers at most (OKX: 1440 for 5m). */
const maxOiPoints = 1440;

/**
 * `rubik/stat/contracts/open-interest-volume?ccy&period&begin&end`: every swap of the currency
 * summed, newest first, as [ts, open interest in USD at ts (valued at the mark), quote volume of
 * the period starting at ts]; only periods that have closed.
 */
const openInterestVolume: OkxPublicHandler = (call) => {
  const query = call.request.query;
  const periodMs = oiPeriods[query.get('period') ?? '5m'];
  if (periodMs === undefined) return badParameter('period');
  const begin = integerParameter(call, 'begin');
  const end = integerParameter(call, 'end');
  if (Number.isNaN(begin) || Number.isNaN(end)) return badParameter('begin or end');
  const ccy = query.get('ccy') ?? '';
  const instruments = call.market.instruments.filter((instrument) => instrument.base === ccy);
  if (instruments.length === 0) return badParameter('ccy');
  const lastStartMs = Math.floor(Math.min(end ?? Infinity, call.market.now() - periodMs) / periodMs) * periodMs;
  const firstStartMs = Math.max(
    Math.ceil((begin ?? -Infinity) / periodMs) * periodMs,
    lastStartMs - (maxOiPoints - 1) * periodMs,
  );
  const points = new Map<number, { oiUsd: number; volumeUsd: number }>();
  for (const instrument of instruments) {
    const minutes = Math.round((lastStartMs + periodMs - firstStartMs) / minuteMs) + 1;
    const bars = call.market.bars(instrument.symbol, 'last', firstStartMs - minuteMs, lastStartMs + periodMs, minutes);
    // The mark at ts is the close of the mark bar that ends at ts.
    const marks = new Map(
      call.market
        .bars(instrument.symbol, 'mark', firstStartMs - minuteMs, lastStartMs + minuteMs, minutes)
        .map((bar) => [bar.openTimeMs + minuteMs, bar.close]),
    );
    for (const sample of call.market.openInterestHistory(instrument.symbol, firstStartMs, lastStartMs + 1)) {
      const mark = marks.get(sample.timeMs);
      if (sample.timeMs % periodMs !== 0 || mark === undefined) continue;
      const point = points.get(sample.timeMs) ?? { oiUsd: 0, volumeUsd: 0 };
      point.oiUsd += sample.openInterest * mark;
      points.set(sample.timeMs, point);
    }
    for (const bar of bars) {
      const point = points.get(Math.floor(bar.openTimeMs / periodMs) * periodMs);
      if (point) point.volumeUsd += bar.quoteVolume;
    }
  }
  const rows = [...points.entries()]
    .sort(([a], [b]) => b - a)
    .map(([timeMs, point]) => [String(timeMs), decimalText(point.oiUsd, 2), decimalText(point.volumeUsd, 2)]);
  return okxReply(rows);
};

/** Candle and trading-statistics endpoints by path. */
export const okxMarketRoutes: Readonly<Record<string, OkxPublicHandler>> = {
  '/api/v5/market/candles': candlesHandler('last', 300),
  '/api/v5/market/history-candles': candlesHandler('last', 300),
  '/api/v5/market/mark-price-candles': candlesHandler('mark', 100),
  '/api/v5/market/history-mark-price-candles': candlesHandler('mark', 100),
  '/api/v5/rubik/stat/taker-volume-contract': takerVolume,
  '/api/v5/rubik/stat/contracts/open-interest-volume': openInterestVolume,
};
