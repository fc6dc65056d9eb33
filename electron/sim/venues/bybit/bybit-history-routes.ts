import { badParameter, integerParameter, limitParameter, type BybitCall, type BybitPublicHandler } from './bybit-call';
import { bybitReply } from './bybit-envelope';
import { findInstrument } from './bybit-instruments';
import { bybitInterval, openInterestIntervalsMs } from './bybit-intervals';
import { buildCandles } from '../common/candles';
import { decimalText, stepText } from '../common/decimal-text';

/**
 * `GET /v5/market/kline` and `/v5/market/mark-price-kline`: candles newest first, as Bybit lists
 * them. With `end` (or no bound) the newest `limit` candles up to it; with only `start` the first
 * `limit` from it. The open candle of the current interval is included, built from closed bars.
 */
function klineHandler(kind: 'last' | 'mark'): BybitPublicHandler {
  return (call) => {
    const query = call.request.query;
    if (query.get('category') !== 'linear') return badParameter(call, 'category only support linear');
    const instrument = findInstrument(call.market, query.get('symbol') ?? '');
    if (!instrument) return badParameter(call, 'symbol invalid');
    const interval = bybitInterval(query.get('interval') ?? '');
    if (!interval) return badParameter(call, 'interval invalid');
    const startMs = integerParameter(call, 'start');
    const endMs = integerParameter(call, 'end');
    const limit = limitParameter(call, 200, 1000);
    if (Number.isNaN(startMs) || Number.isNaN(endMs) || limit === undefined)
      return badParameter(call, 'start, end or limit invalid');
    const candles = buildCandles((from, to, count) => call.market.bars(instrument.symbol, kind, from, to, count), {
      ...interval,
      fromMs: startMs,
      toMs: endMs,
      limit,
      keep: startMs !== undefined && endMs === undefined ? 'oldest' : 'newest',
      nowMs: call.market.now(),
    });
    const price = (value: number): string => stepText(value, instrument.tickSize);
    const list = candles.reverse().map((candle) => {
      const prices = [
        String(candle.openTimeMs),
        price(candle.open),
        price(candle.high),
        price(candle.low),
        price(candle.close),
      ];
      return kind === 'mark'
        ? prices
        : [...prices, stepText(candle.volume, instrument.stepSize), decimalText(candle.quoteVolume, 4)];
    });
    return bybitReply({ category: 'linear', symbol: instrument.symbol, list }, call.wallNowMs);
  };
}

/**
 * `GET /v5/market/open-interest`: open interest in base units sampled at every `intervalTime`
 * boundary, newest first, at most `limit` (default 50, max 200) within [startTime, endTime].
 */
const openInterest: BybitPublicHandler = (call: BybitCall) => {
  const query = call.request.query;
  if (query.get('category') !== 'linear') return badParameter(call, 'category only support linear');
  const instrument = findInstrument(call.market, query.get('symbol') ?? '');
  if (!instrument) return badParameter(call, 'symbol invalid');
  const intervalMs = openInterestIntervalsMs[query.get('intervalTime') ?? ''];
  if (intervalMs === undefined) return badParameter(call, 'intervalTime invalid');
  const startMs = integerParameter(call, 'startTime');
  const endMs = integerParameter(call, 'endTime');
  const limit = limitParameter(call, 50, 200);
  if (Number.isNaN(startMs) || Number.isNaN(endMs) || limit === undefined)
    return badParameter(call, 'startTime, endTime or limit invalid');
  const toMs = Math.min(endMs ?? Infinity, call.market.now());
  const fromMs = Math.max(startMs ?? -Infinity, toMs - (limit + 1) * intervalMs);
  const samples = call.market
    .openInterestHistory(instrument.symbol, fromMs, toMs + 1)
    .filter((sample) => sample.timeMs % intervalMs === 0)
    .slice(-limit)
    .reverse();
  const list = samples.map((sample) => ({
    openInterest: stepText(sample.openInterest, instrument.stepSize),
    timestamp: String(sample.timeMs),
  }));
  return bybitReply({ category: 'linear', symbol: instrument.symbol, list, nextPageCursor: '' }, call.wallNowMs);
};

/** Candle and open-interest history endpoints by path. */
export const bybitHistoryRoutes: Readonly<Record<string, BybitPublicHandler>> = {
  '/v5/market/kline': klineHandler('last'),
  '/v5/market/mark-price-kline': klineHandler('mark'),
  '/v5/market/open-interest': openInterest,
};
