import { longShareSamples } from '../common/long-share';
import { decimalText } from '../common/decimal-text';
import { badParameter, integerParameter, limitParameter, type BybitPublicHandler } from './bybit-call';
import { bybitReply } from './bybit-envelope';
import { findInstrument } from './bybit-instruments';
import { openInterestIntervalsMs } from './bybit-intervals';

/**
 * `GET /v5/market/account-ratio?category&symbol&period`: the share of accounts long (`buyRatio`) and
 * short (`sellRatio`) at each period boundary, newest first, at most `limit` (default 50, max 500).
 * Bybit takes the same periods as its open-interest endpoint (5min … 1d).
 */
const accountRatio: BybitPublicHandler = (call) => {
  const query = call.request.query;
  if (query.get('category') !== 'linear') return badParameter(call, 'category only support linear');
  const instrument = findInstrument(call.market, query.get('symbol') ?? '');
  if (!instrument) return badParameter(call, 'symbol invalid');
  const periodMs = openInterestIntervalsMs[query.get('period') ?? ''];
  if (periodMs === undefined) return badParameter(call, 'period invalid');
  const startMs = integerParameter(call, 'startTime');
  const endMs = integerParameter(call, 'endTime');
  const limit = limitParameter(call, 50, 500);
  if (Number.isNaN(startMs) || Number.isNaN(endMs) || limit === undefined)
    return badParameter(call, 'startTime, endTime or limit invalid');
  const samples = longShareSamples(call.market, instrument.symbol, periodMs, {
    fromMs: startMs ?? -Infinity,
    toMs: endMs ?? Infinity,
    limit,
  });
  const list = samples.map((sample) => ({
    symbol: instrument.symbol,
    buyRatio: decimalText(sample.longShare, 4),
    sellRatio: decimalText(1 - sample.longShare, 4),
    timestamp: String(sample.timeMs),
  }));
  return bybitReply({ list, nextPageCursor: '' }, call.wallNowMs);
};

/** The long/short account-ratio endpoint by path. */
export const bybitRatioRoutes: Readonly<Record<string, BybitPublicHandler>> = {
  '/v5/market/account-ratio': accountRatio,
};
