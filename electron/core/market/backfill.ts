import type { Candle } from '../../../shared/domain/candle';
import type { OpenInterestPoint } from '../../../shared/domain/open-interest';
import type { AccountVenue } from '../../../shared/domain/account-venue';
import type { MarketInfo } from '../exchange/gateway';
import type { Recorder, Recording } from '../recorder/recorder';
import type { RealizedLiquidation } from '../../../shared/domain/liquidation';
import type { MinuteBar } from '../recorder/recording-format';
import { paginate } from './paginate';
import { splitRanges } from './recent-first';
import { fetchMinuteBars, fetchOpenInterest, missingRanges, type FetchTarget } from './venue-fetch';
import { openInterestPeriodMs } from './venue-limits';

const minuteMs = 60_000,
  hourMs = 3_600_000,
  dayMs = 86_400_000;

/** What a backfill needs. */
export interface BackfillInput extends Omit<FetchTarget, 'onPage'> {
  readonly venue: AccountVenue;
  readonly venueLabel: string;
  readonly recorder: Recorder;
  /** Days the venue is asked for (default 3). */
  readonly historyDays: number;
  /** Days of recordings read beyond that, so maps deepen over time (default 30). */
  readonly recordedDays: number;
  readonly onProgress: (progress: number, message: string) => void;
  /** Called once the symbol is found in the venue's listing, before any history is asked for (to read its tiers meanwhile). */
  readonly onListing?: (info: MarketInfo) => void;
  /**
   * Hours of the newest history fetched first when the recordings lack older minutes too (0 or
   * absent: everything in one go). Only with `onRecent`.
   */
  readonly recentHours?: number;
  /**
   * Called once, before any older minute is fetched, with the history of the last `recentHours`
   * (recorded and fetched), so a map can show from them while the rest loads; awaited.
   */
  readonly onRecent?: (recent: RecentHistory) => Promise<void> | void;
}

/** The newest hours of a market's history, fetched ahead of the rest (see `BackfillInput.onRecent`). */
export interface RecentHistory {
  readonly info: MarketInfo;
  /** The window's length, hours. */
  readonly hours: number;
  /** Closed minutes of the window, oldest first. */
  readonly bars: readonly MinuteBar[];
  readonly openInterest: readonly OpenInterestPoint[];
  /** Recorded realized liquidations of the window. */
  readonly liquidations: readonly RealizedLiquidation[];
  /** The minute still forming. */
  readonly forming: Candle;
}

/** History of one market, merged from the recorder and the venue. */
export interface BackfillResult {
  readonly info: MarketInfo;
  /** Closed minutes, oldest first (recorded history first, then what the venue served). */
  readonly bars: readonly MinuteBar[];
  readonly openInterest: readonly OpenInterestPoint[];
  readonly recorded: Recording;
  /** The newest candle the venue returned: the minute still forming. */
  readonly forming: Candle;
  /** Venue requests made. */
  readonly requests: number;
  /** Plain words on what the history holds (shown when done). */
  readonly message: string;
}

const mergeByTime = <T>(a: readonly T[], b: readonly T[], timeOf: (item: T) => number): T[] => {
  const map = new Map<number, T>();
  for (const item of [...a, ...b]) map.set(timeOf(item), item);
  return [...map.entries()].sort(([x], [y]) => x - y).map(([, item]) => item);
};

/**
 * Backfills one market: reads what the recorder holds (up to `recordedDays` back), asks the venue
 * only for the minutes of the last `historyDays` the recordings lack (mark and last candles, 5m
 * open interest after the newest recorded sample, the taker statistic where the split is one),
 * records what it fetched, and reports progress per page. Time is the venue's (its newest candle),
 * not the local clock: the simulator and a skewed clock stay consistent.
 */
export async function backfill(input: BackfillInput): Promise<BackfillResult> {
  let requests = 0,
    done = 0,
    expected = 1;
  const onPage = (what: string): void => {
    requests++;
    done++;
    input.onProgress(Math.min(0.95, done / Math.max(expected, done + 1)), `Loading ${what} from ${input.venueLabel}…`);
  };
  const target: FetchTarget = { ...input, onPage };
  const markets = await input.gateway.loadMarkets();
  requests++;
  const info = markets.find((m) => m.symbol === input.symbol || m.unifiedSymbol === input.symbol);
  if (info === undefined)
    throw new Error(
      `${input.symbol} is not listed on ${input.venueLabel}; use the venue's own symbol (e.g. ${markets[0]?.symbol ?? 'BTCUSDT'}).`,
    );
  input.onListing?.(info);
  const kind = input.limits.markCandles ? 'mark' : 'last';
  let latest = await input.gateway.fetchCandles(info.symbol, '1m', kind, undefined, 2);
  requests++;
  if (latest.length === 0) {
    // ccxt asks some venues (Hyperliquid) for [local now − limit, local now]: a venue on another
    // clock (the simulator, a skewed machine) answers nothing there. Page forward from the start.
    const all = await paginate({
      fetch: (since) => input.gateway.fetchCandles(info.symbol, '1m', kind, since, input.limits.candlePage),
      timeOf: (candle) => candle.openTimeMs,
      fromMs: 0,
      toMs: Infinity,
      maxPages: 50,
      onPage: () => {
        requests++;
      },
    });
    latest = all.slice(-2);
  }
  const forming = latest[latest.length - 1];
  if (forming === undefined) throw new Error(`${input.venueLabel} returned no candles for ${info.symbol}.`);
  const nowMinute = forming.openTimeMs;
  const fromMs = nowMinute - input.historyDays * dayMs;
  const recorded = await input.recorder.read(
    input.venue,
    info.symbol,
    nowMinute - Math.max(input.recordedDays, input.historyDays) * dayMs,
    nowMinute + minuteMs,
  );
  const ranges = missingRanges(new Set(recorded.bars.map((bar) => bar.timeMs)), fromMs, nowMinute);
  const missingMinutes = ranges.reduce((sum, range) => sum + (range.toMs - range.fromMs) / minuteMs, 0);
  const recordedOi = recorded.openInterest.filter((point) => point.timeMs >= fromMs);
  // Recorded samples that reach back to the window's start leave only the tail to ask for.
  const oiFrom =
    recordedOi.length > 0 && (recordedOi[0]?.timeMs ?? Infinity) <= fromMs + openInterestPeriodMs
      ? (recordedOi[recordedOi.length - 1]?.timeMs ?? fromMs) + 1
      : fromMs;
  const pagesPerSeries = Math.ceil(missingMinutes / input.limits.candlePage) + ranges.length;
  expected =
    pagesPerSeries * (input.limits.markCandles ? 2 : 1) +
    (input.limits.takerSplit === 'statistic' ? Math.ceil(missingMinutes / 500) + ranges.length : 0) +
    (input.limits.openInterestHistory ? Math.ceil((nowMinute - oiFrom) / openInterestPeriodMs / 30) + 1 : 0);
  input.onProgress(0.02, `Loading ${input.historyDays} days of ${info.symbol} from ${input.venueLabel}…`);

  const knownOi = new Set(recorded.openInterest.map((point) => point.timeMs));
  /** Fetches the missing minutes of `within` and the OI samples in [oiFromMs, oiToMs), and records them. */
  const fetchPart = async (within: typeof ranges, oiFromMs: number, oiToMs: number) => {
    const partBars: MinuteBar[] = [];
    for (const range of within) partBars.push(...(await fetchMinuteBars(target, range.fromMs, range.toMs)));
    const partOi = oiFromMs < oiToMs ? await fetchOpenInterest(target, oiFromMs, oiToMs) : [];
    const newOi = partOi.filter((point) => !knownOi.has(point.timeMs));
    for (const point of newOi) knownOi.add(point.timeMs);
    input.recorder.append(input.venue, info.symbol, [
      ...partBars.map((bar) => ({ kind: 'bar' as const, bar })),
      ...newOi.map((point) => ({ kind: 'oi' as const, point })),
    ]);
    return { bars: partBars, openInterest: partOi };
  };
  // The newest hours first when older minutes are missing too: their map shows while the rest loads.
  const hours = input.recentHours ?? 0;
  const recentFromMs = nowMinute - hours * hourMs;
  const { older, recent } = splitRanges(ranges, recentFromMs);
  const first = input.onRecent !== undefined && hours > 0 && older.length > 0;
  const parts = [];
  if (first) {
    const part = await fetchPart(recent, Math.max(oiFrom, recentFromMs), nowMinute + 1);
    parts.push(part);
    const inWindow = <T extends { timeMs: number }>(items: readonly T[]): T[] =>
      items.filter((item) => item.timeMs >= recentFromMs);
    await input.onRecent?.({
      info,
      hours,
      bars: mergeByTime(inWindow(recorded.bars), part.bars, (bar) => bar.timeMs),
      openInterest: mergeByTime(inWindow(recorded.openInterest), part.openInterest, (point) => point.timeMs),
      liquidations: inWindow(recorded.liquidations),
      forming,
    });
  }
  parts.push(await fetchPart(first ? older : ranges, oiFrom, first ? Math.max(oiFrom, recentFromMs) : nowMinute + 1));
  const fetched = parts.flatMap((part) => part.bars);
  const oiFetched = parts.flatMap((part) => part.openInterest);
  const bars = mergeByTime(recorded.bars, fetched, (bar) => bar.timeMs);
  const openInterest = mergeByTime(recorded.openInterest, oiFetched, (point) => point.timeMs);
  const deeperDays = bars.length > 0 ? (nowMinute - (bars[0]?.timeMs ?? nowMinute)) / dayMs : 0;
  const loaded = [
    `${deeperDays.toFixed(1)} days of history`,
    recorded.bars.length > 0 ? `${recorded.bars.length} minutes from local recordings` : 'nothing recorded yet',
  ];
  const message = input.limits.openInterestHistory
    ? `Loaded ${loaded.join(', ')}.`
    : `${input.venueLabel} publishes no open-interest history: the map starts from what LiqLens has recorded (${openInterest.length} samples) and deepens as it records. Loaded ${loaded.join(', ')}.`;
  return { info, bars, openInterest, recorded, forming, requests, message };
}
