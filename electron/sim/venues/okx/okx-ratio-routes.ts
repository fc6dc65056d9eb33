import { longShareSamples } from '../common/long-share';
import { decimalText } from '../common/decimal-text';
import { badParameter, integerParameter, limitParameter, unknownInstrument, type OkxPublicHandler } from './okx-call';
import { okxReply } from './okx-envelope';
import { findOkxInstrument } from './okx-instruments';

const minuteMs = 60_000;
const periods: Readonly<Record<string, number>> = {
  '5m': 5 * minuteMs,
  '15m': 15 * minuteMs,
  '30m': 30 * minuteMs,
  '1H': 60 * minuteMs,
  '4H': 240 * minuteMs,
  '1D': 1440 * minuteMs,
};

/**
 * `rubik/stat/contracts/long-short-account-ratio-contract?instId&period&begin&end&limit`: the ratio
 * of accounts net long to accounts net short, newest first, as `[ts, ratio]` rows (limit max 100).
 */
const longShortAccountRatio: OkxPublicHandler = (call) => {
  const query = call.request.query;
  const instrument = findOkxInstrument(call.market, query.get('instId') ?? '');
  if (!instrument) return unknownInstrument();
  const periodMs = periods[query.get('period') ?? '5m'];
  if (periodMs === undefined) return badParameter('period');
  const begin = integerParameter(call, 'begin');
  const end = integerParameter(call, 'end');
  const limit = limitParameter(call, 100, 100);
  if (Number.isNaN(begin) || Number.isNaN(end) || limit === undefined) return badParameter('begin, end or limit');
  const samples = longShareSamples(call.market, instrument.symbol, periodMs, {
    fromMs: begin ?? -Infinity,
    toMs: end ?? Infinity,
    limit,
  });
  return okxReply(
    samples.map((sample) => [String(sample.timeMs), decimalText(sample.longShare / (1 - sample.longShare), 4)]),
  );
};

/** The long/short account-ratio statistic by path. */
export const okxRatioRoutes: Readonly<Record<string, OkxPublicHandler>> = {
  '/api/v5/rubik/stat/contracts/long-short-account-ratio-contract': longShortAccountRatio,
};
