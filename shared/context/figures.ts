import type { Candle } from '../domain/candle';
import type { LongShortPoint } from '../domain/market-feeds';
import type { OpenInterestPoint, TakerTrade, TakerVolumePoint } from '../domain/open-interest';
import type { CvdFigure, LevelChange, OpenInterestFigure, VolumeFigure } from '../ipc/views/market-context';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/** The value of the newest sample at or before `timeMs` in a series sorted oldest first; null if none. */
function valueAt<T extends { readonly timeMs: number }>(
  series: readonly T[],
  timeMs: number,
  read: (item: T) => number | null,
): number | null {
  for (let i = series.length - 1; i >= 0; i--) {
    const item = series[i];
    if (item !== undefined && item.timeMs <= timeMs) return read(item);
  }
  return null;
}

const change = (now: number, then: number | null): number | null =>
  then === null || !(then > 0) ? null : now / then - 1;

/**
 * A level now (the newest sample) and its change against the samples an hour and a day before it,
 * from a series sorted oldest first; null when the series is empty. A change is null where the
 * series does not reach back that far.
 */
export function levelChange<T extends { readonly timeMs: number }>(
  series: readonly T[],
  read: (item: T) => number | null,
): LevelChange | null {
  const last = series[series.length - 1];
  const now = last === undefined ? null : read(last);
  if (last === undefined || now === null) return null;
  return {
    now,
    change1h: change(now, valueAt(series, last.timeMs - hourMs, read)),
    change24h: change(now, valueAt(series, last.timeMs - dayMs, read)),
  };
}

/** Price now and its changes from 5-minute candles (close times: open + 5 min), oldest first. */
export function priceChange(candles: readonly Candle[]): LevelChange | null {
  return levelChange(
    candles.map((c) => ({ timeMs: c.openTimeMs + 300_000, close: c.close })),
    (c) => c.close,
  );
}

/**
 * Open interest now and its changes, in base units where every sample has them (a count of
 * contracts, not moved by price), else in USD (OKX's history gives only a value).
 */
export function openInterestChange(points: readonly OpenInterestPoint[]): OpenInterestFigure | null {
  const unit = points.every((p) => p.base !== null) ? 'base' : 'usd';
  const level = levelChange(points, (p) => (unit === 'base' ? p.base : p.usd));
  return level === null ? null : { ...level, unit };
}

/**
 * Volume of the last hour and day in USD (base volume × close per candle) from 5m candles, and the
 * hour against the day's hourly average. Null without candles.
 */
export function volumeOf(candles: readonly Candle[]): VolumeFigure | null {
  const last = candles[candles.length - 1];
  if (last === undefined) return null;
  const endMs = last.openTimeMs + 300_000;
  let hour = 0,
    day = 0;
  for (const c of candles) {
    const usd = c.volume * c.close;
    if (c.openTimeMs >= endMs - hourMs) hour += usd;
    if (c.openTimeMs >= endMs - dayMs) day += usd;
  }
  const coversDay = (candles[0]?.openTimeMs ?? endMs) <= endMs - dayMs;
  return { last1hUsd: hour, last24hUsd: day, relative1h: coversDay && day > 0 ? hour / (day / 24) : null };
}

/** Taker flow of one period (base units), from candles' taker-buy volume or the venue's statistic. */
export type TakerFlow = Pick<TakerVolumePoint, 'timeMs' | 'buyVolume' | 'sellVolume'>;

/** Taker flows of candles that carry a taker-buy volume (Binance klines); empty when none does. */
export function takerFlowOfCandles(candles: readonly Candle[]): TakerFlow[] {
  return candles.flatMap((c) =>
    c.takerBuyVolume === null
      ? []
      : [{ timeMs: c.openTimeMs, buyVolume: c.takerBuyVolume, sellVolume: Math.max(0, c.volume - c.takerBuyVolume) }],
  );
}

/** The hours of CVD the context's sparkline draws: long enough to show a trend turning, short enough to read. */
const cvdTrailHours = 4;

/**
 * CVD over the hour and the day ending at `endMs` (period starts within them), and its running total
 * over the last `cvdTrailHours` hours for a sparkline. Flows must be sorted oldest first (as the
 * venues send them) and cover every period from the first one on (a period without flow traded
 * nothing). Null without flows or when they do not reach back the hour; the day's net is null when
 * they do not reach back a day, and the trail spans the whole hours they cover when less than
 * `cvdTrailHours` (a venue that gives only its recent trades, like Bybit).
 */
export function cvdOf(flows: readonly TakerFlow[], endMs: number): CvdFigure | null {
  const firstMs = flows[0]?.timeMs;
  if (firstMs === undefined || firstMs > endMs - hourMs) return null;
  const trailHours = Math.min(cvdTrailHours, Math.floor((endMs - firstMs) / hourMs));
  let net1h = 0,
    net24h = 0,
    volume1h = 0,
    running = 0;
  const trail: number[] = [];
  for (const f of flows) {
    const net = f.buyVolume - f.sellVolume;
    if (f.timeMs >= endMs - hourMs && f.timeMs < endMs) {
      net1h += net;
      volume1h += f.buyVolume + f.sellVolume;
    }
    if (f.timeMs >= endMs - dayMs && f.timeMs < endMs) net24h += net;
    if (f.timeMs >= endMs - trailHours * hourMs && f.timeMs < endMs) {
      if (trail.length === 0) trail.push(0);
      running += net;
      trail.push(running);
    }
  }
  return {
    net1h,
    net24h: firstMs <= endMs - dayMs ? net24h : null,
    share1h: volume1h > 0 ? net1h / volume1h : 0,
    trail,
    trailHours,
  };
}

/**
 * Taker flows per `periodMs` period from public trades (any order), oldest first. `complete` says
 * whether the trades are every trade since the first one's period began; when they are only the
 * venue's newest N (Bybit's `recent-trade` gives at most 1,000), the oldest period may have lost its
 * earlier trades and is dropped, so every period returned is whole. Periods without trades are
 * left out (they traded nothing).
 */
export function takerFlowOfTrades(trades: readonly TakerTrade[], periodMs: number, complete: boolean): TakerFlow[] {
  const periods = new Map<number, { buyVolume: number; sellVolume: number }>();
  for (const trade of trades) {
    const start = Math.floor(trade.timeMs / periodMs) * periodMs;
    const flow = periods.get(start) ?? { buyVolume: 0, sellVolume: 0 };
    if (trade.side === 'buy') flow.buyVolume += trade.amount;
    else flow.sellVolume += trade.amount;
    periods.set(start, flow);
  }
  const flows = [...periods].sort(([a], [b]) => a - b).map(([timeMs, flow]) => ({ timeMs, ...flow }));
  return complete ? flows : flows.slice(1);
}

/** The long/short ratio now and its changes, from a series sorted oldest first. */
export function longShortChange(points: readonly LongShortPoint[]): LevelChange | null {
  return levelChange(points, (p) => p.ratio);
}
