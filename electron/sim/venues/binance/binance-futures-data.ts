import type { SimMarket } from '../../market/types';
import { aggregateBars, parseBarInterval, type BarInterval } from './bar-buckets';
import { binanceError, missingParameterError } from './binance-errors';
import { limitParam, ok, requireSymbol, timeParam, type BinanceCall, type BinanceHandler } from './binance-call';
import { decimalText } from './decimal-text';

/** The periods `/futures/data` serves, and how far back it reaches (Binance: about 30 days). */
const dataPeriods = new Set(['5m', '15m', '30m', '1h', '2h', '4h', '6h', '12h', '1d']);
const historyMs = 30 * 24 * 60 * 60_000;

interface DataWindow {
  readonly interval: BarInterval;
  readonly startTimeMs: number | null;
  readonly endTimeMs: number;
  readonly limit: number;
  readonly oldestMs: number;
}

/** The row times of a window: the first `limit` from startTime, else the last `limit` up to endTime. */
function rowTimes(window: DataWindow, lastTime: number): number[] {
  const { interval } = window;
  const times: number[] = [];
  if (window.startTimeMs !== null) {
    let t = interval.bucketStart(Math.max(window.startTimeMs, window.oldestMs));
    if (t < window.startTimeMs || t < window.oldestMs) t = interval.nextStart(t);
    for (; t <= lastTime && times.length < window.limit; t = interval.nextStart(t)) times.push(t);
    return times;
  }
  for (let t = lastTime; t >= window.oldestMs && times.length < window.limit; t = interval.bucketStart(t - 1))
    times.unshift(t);
  return times;
}

function parseWindow(
  call: BinanceCall,
): { window: DataWindow; symbol: string } | { error: ReturnType<BinanceHandler> } {
  const picked = requireSymbol(call);
  if ('error' in picked) return { error: picked.error };
  const period = call.params.get('period');
  if (!period) return { error: missingParameterError('period') };
  const interval = dataPeriods.has(period) ? parseBarInterval(period) : undefined;
  if (!interval) return { error: binanceError(400, -1130, "Data sent for parameter 'period' is not valid.") };
  const nowMs = call.context.market.now();
  const endTimeMs = Math.min(nowMs, timeParam(call, 'endTime') ?? nowMs);
  const window = {
    interval,
    startTimeMs: timeParam(call, 'startTime'),
    endTimeMs,
    limit: limitParam(call, 30, 500),
    oldestMs: nowMs - historyMs,
  };
  return { window, symbol: picked.instrument.symbol };
}

/**
 * Open interest at each period boundary T: the market's last sample at or before T and after
 * T − period (samples are stamped with the instant they describe). The value column prices it at
 * the mark close of the minute that ends at T.
 */
function openInterestRows(market: SimMarket, symbol: string, window: DataWindow): object[] {
  const { interval } = window;
  const times = rowTimes(window, interval.bucketStart(window.endTimeMs));
  const first = times[0];
  const last = times[times.length - 1];
  if (first === undefined || last === undefined) return [];
  const lastSample = new Map<number, number>();
  for (const sample of market.openInterestHistory(symbol, interval.bucketStart(first - 1) + 1, last + 1)) {
    lastSample.set(interval.nextStart(interval.bucketStart(sample.timeMs - 1)), sample.openInterest);
  }
  return times.flatMap((t) => {
    const openInterest = lastSample.get(t);
    if (openInterest === undefined) return [];
    const mark = market.bars(symbol, 'mark', t - 60_000, t, 1)[0]?.close ?? market.ticker(symbol).markPrice;
    return [
      {
        symbol,
        sumOpenInterest: decimalText(openInterest),
        sumOpenInterestValue: decimalText(openInterest * mark),
        timestamp: t,
      },
    ];
  });
}

/**
 * The global long/short account ratio at each period boundary T: the crowd's long share at T
 * (`longAccount`), its complement, and their ratio, as Binance's `globalLongShortAccountRatio` rows.
 */
function longShortRows(market: SimMarket, symbol: string, window: DataWindow): object[] {
  const { interval } = window;
  const times = rowTimes(window, interval.bucketStart(window.endTimeMs));
  const first = times[0];
  const last = times[times.length - 1];
  if (first === undefined || last === undefined) return [];
  const share = new Map<number, number>();
  for (const sample of market.longShareHistory(symbol, first, last + 1)) share.set(sample.timeMs, sample.longShare);
  return times.flatMap((t) => {
    const long = share.get(t);
    if (long === undefined || !(long < 1)) return [];
    return [
      {
        symbol,
        longShortRatio: decimalText(long / (1 - long), 4),
        longAccount: decimalText(long, 4),
        shortAccount: decimalText(1 - long, 4),
        timestamp: t,
      },
    ];
  });
}

/** Taker buy and sell volume (base units) over each complete period starting at the row's timestamp. */
function takerRows(market: SimMarket, symbol: string, window: DataWindow): object[] {
  const { interval } = window;
  // The newest complete period is the one that ended at or before the window end.
  const lastStart = interval.bucketStart(interval.bucketStart(window.endTimeMs) - 1);
  const times = rowTimes(window, lastStart);
  const first = times[0];
  const last = times[times.length - 1];
  if (first === undefined || last === undefined) return [];
  const end = interval.nextStart(last);
  const buckets = aggregateBars(
    market.bars(symbol, 'last', first, end, Math.ceil((end - first) / 60_000) + 1),
    interval,
  );
  const wanted = new Set(times);
  return buckets
    .filter((bucket) => wanted.has(bucket.openTimeMs))
    .map((bucket) => {
      const sellVolume = bucket.volume - bucket.takerBuyVolume;
      return {
        buySellRatio: decimalText(sellVolume > 0 ? bucket.takerBuyVolume / sellVolume : 0, 4),
        buyVol: decimalText(bucket.takerBuyVolume, 4),
        sellVol: decimalText(sellVolume, 4),
        timestamp: bucket.openTimeMs,
      };
    });
}

function dataRoute(rows: (market: SimMarket, symbol: string, window: DataWindow) => object[]): BinanceHandler {
  return (call) => {
    const parsed = parseWindow(call);
    return 'error' in parsed ? parsed.error : ok(rows(call.context.market, parsed.symbol, parsed.window));
  };
}

/** The public `/futures/data` statistics, by `METHOD path`. */
export const futuresDataRoutes: Readonly<Record<string, BinanceHandler>> = {
  'GET /futures/data/openInterestHist': dataRoute(openInterestRows),
  'GET /futures/data/takerlongshortRatio': dataRoute(takerRows),
  'GET /futures/data/globalLongShortAccountRatio': dataRoute(longShortRows),
};
