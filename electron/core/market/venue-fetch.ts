import type { Candle } from '../../../shared/domain/candle';
import type { OpenInterestPoint, TakerVolumePoint } from '../../../shared/domain/open-interest';
import { GatewayError } from '../exchange/gateway-error';
import type { ExchangeGateway } from '../exchange/gateway';
import type { MinuteBar } from '../recorder/recording-format';
import { paginate } from './paginate';
import { openInterestPeriodMs, type VenueDataLimits } from './venue-limits';

const minuteMs = 60_000;

/** A gateway, the symbol and the venue's limits: what every fetch below needs. */
export interface FetchTarget {
  readonly gateway: ExchangeGateway;
  readonly symbol: string;
  readonly limits: VenueDataLimits;
  /** Called after every page (progress, request counting). */
  readonly onPage?: (what: 'candles' | 'open interest' | 'taker volume') => void;
}

/** Builds the minute bars of the minutes both series cover (mark falls back to last where the venue has no mark candles). */
function joinMinutes(mark: readonly Candle[], last: readonly Candle[]): MinuteBar[] {
  const marks = new Map(mark.map((candle) => [candle.openTimeMs, candle]));
  const bars: MinuteBar[] = [];
  for (const candle of last) {
    const m = marks.get(candle.openTimeMs) ?? candle;
    bars.push({
      timeMs: candle.openTimeMs,
      mark: { open: m.open, high: m.high, low: m.low, close: m.close },
      last: { open: candle.open, high: candle.high, low: candle.low, close: candle.close },
      volume: candle.volume,
      takerBuyVolume: candle.takerBuyVolume,
    });
  }
  return bars;
}

/**
 * Closed 1m bars with open time in [fromMs, toMs): mark and last-trade candles paged with
 * `sinceMs` at the venue's page size. `toMs` should be the forming minute's open time, so the bar
 * still forming is never taken as closed.
 */
export async function fetchMinuteBars(target: FetchTarget, fromMs: number, toMs: number): Promise<MinuteBar[]> {
  const { gateway, symbol, limits } = target;
  const page = (kind: 'last' | 'mark'): Promise<Candle[]> =>
    paginate({
      // No more than the range still lacks: venues weigh a page by the limit asked (Binance: 360 weighs 2, 1,500 weighs 10).
      fetch: (since) =>
        gateway.fetchCandles(
          symbol,
          '1m',
          kind,
          since,
          Math.min(limits.candlePage, Math.ceil((toMs - since) / minuteMs)),
        ),
      timeOf: (candle) => candle.openTimeMs,
      fromMs,
      toMs,
      onPage: () => target.onPage?.('candles'),
    });
  const last = await page('last');
  const mark = limits.markCandles ? await page('mark') : [];
  const bars = joinMinutes(mark, last);
  return limits.takerSplit === 'statistic' ? await withTakerStatistic(target, bars) : bars;
}

/** Whether an error only says the venue does not publish this. */
export function isUnsupported(error: unknown): boolean {
  return error instanceof GatewayError && error.kind === 'unsupported';
}

/** 5m open-interest samples with time in [fromMs, toMs), paged; [] where the venue has no history. */
export async function fetchOpenInterest(
  target: FetchTarget,
  fromMs: number,
  toMs: number,
): Promise<OpenInterestPoint[]> {
  if (!target.limits.openInterestHistory) return [];
  try {
    return await paginate({
      fetch: (since) => target.gateway.fetchOpenInterestHistory(target.symbol, '5m', since),
      timeOf: (point) => point.timeMs,
      fromMs,
      toMs,
      onPage: () => target.onPage?.('open interest'),
    });
  } catch (error) {
    if (isUnsupported(error)) return [];
    throw error;
  }
}

/**
 * Spreads the venue's 5m taker statistic over the minutes of each period by their volume (the
 * minute's own split is not published), so the ledger sees the period's buy share in each minute.
 * Minutes of periods without a statistic keep no split (the ledger then takes 50/50).
 */
async function withTakerStatistic(target: FetchTarget, bars: readonly MinuteBar[]): Promise<MinuteBar[]> {
  const first = bars[0],
    last = bars[bars.length - 1];
  if (first === undefined || last === undefined) return [];
  let points: TakerVolumePoint[];
  try {
    points = await paginate({
      fetch: (since) => target.gateway.fetchTakerVolume(target.symbol, '5m', since),
      timeOf: (point) => point.timeMs,
      fromMs: Math.floor(first.timeMs / openInterestPeriodMs) * openInterestPeriodMs,
      toMs: last.timeMs + minuteMs,
      onPage: () => target.onPage?.('taker volume'),
    });
  } catch (error) {
    if (isUnsupported(error)) return [...bars];
    throw error;
  }
  const share = new Map(
    points.map((point) => [
      point.timeMs,
      point.buyVolume + point.sellVolume > 0 ? point.buyVolume / (point.buyVolume + point.sellVolume) : 0.5,
    ]),
  );
  return bars.map((bar) => {
    const buyShare = share.get(Math.floor(bar.timeMs / openInterestPeriodMs) * openInterestPeriodMs);
    return buyShare === undefined ? bar : { ...bar, takerBuyVolume: bar.volume * buyShare };
  });
}

/** Minute ranges [from, to) inside [fromMs, toMs) that `have` lacks, coalesced, oldest first. */
export function missingRanges(
  have: ReadonlySet<number>,
  fromMs: number,
  toMs: number,
): { fromMs: number; toMs: number }[] {
  const ranges: { fromMs: number; toMs: number }[] = [];
  let start: number | null = null;
  for (let t = fromMs; t < toMs; t += minuteMs) {
    if (!have.has(t)) start ??= t;
    else if (start !== null) {
      ranges.push({ fromMs: start, toMs: t });
      start = null;
    }
  }
  if (start !== null) ranges.push({ fromMs: start, toMs });
  return ranges;
}
