import {
  createLedger,
  createRealizedBook,
  type Ledger,
  type LedgerParams,
  type RealizedBook,
  type VenueMarket,
} from '../../../shared/clusters';
import type { Candle } from '../../../shared/domain/candle';
import type { RealizedLiquidation } from '../../../shared/domain/liquidation';
import type { OpenInterestPoint } from '../../../shared/domain/open-interest';
import { timeframeMs } from '../../../shared/domain/timeframe';
import { maxChartCandles, type ChartTimeframe } from '../../../shared/ipc/views/markets';
import type { MinuteBar } from '../recorder/recording-format';
import { markCandleOf, minuteLedgerBars } from '../recorder/replay';
import { aggregateCandles, mergeCandles } from './candle-aggregate';
import { openInterestPeriodMs } from './venue-limits';

const minuteMs = 60_000;

/**
 * A minute as the chart draws it: the mark's prices with the minute's traded volume (the mark itself
 * trades nothing, and the chart's legend reads the volume beside the candle).
 */
function chartCandleOf(bar: MinuteBar): Candle {
  return { ...markCandleOf(bar), volume: bar.volume, takerBuyVolume: bar.takerBuyVolume };
}

export { maxChartCandles };
/** Realized liquidations kept in memory per market. */
const maxRealized = 2000;
/**
 * Closed minutes kept in memory per market: the 15m chart's 1,000 candles (1h and 4h reach further
 * through their own candles). Older minutes, once fed to the ledger, are dropped, so a market left
 * open for weeks holds a bounded history; the recordings keep everything.
 */
export const maxMinuteBars = 15 * maxChartCandles;
/**
 * Minutes `feedInSlices` feeds between two turns of the event loop: about 2 ms of ledger work on
 * this 2-core machine under load (the ledger takes a few µs per minute), so a request waits no
 * longer than that behind a window being fed.
 */
const feedSliceBars = 500;

/**
 * The history and model of one open market: closed minutes, OI samples, the ledger fed in time
 * order, realized liquidations, and the minute still forming. Knows nothing of the network.
 */
export interface MarketState {
  readonly bars: readonly MinuteBar[];
  readonly ledger: Ledger | null;
  readonly realized: readonly RealizedLiquidation[];
  readonly realizedBook: RealizedBook | null;
  /** The 1m mark candle still forming (from the venue, then from ticks), or null. */
  forming: Candle | null;
  /** Higher-timeframe candles fetched directly (deeper than the minutes reach). */
  readonly direct: Map<ChartTimeframe, readonly Candle[]>;
  /** Open time of the newest closed minute, or -Infinity. */
  lastBarMs(): number;
  /** Time of the newest OI sample, or -Infinity. */
  lastOpenInterestMs(): number;
  /** Adds closed minutes (newer than the last one only) and OI samples. */
  add(bars: readonly MinuteBar[], openInterest: readonly OpenInterestPoint[]): void;
  addRealized(liquidation: RealizedLiquidation): void;
  /**
   * Feeds the ledger every closed minute whose OI sample is known or will not come: a minute that
   * closes at or before the newest sample, or `graceMs` before `nowMs` (venue time); every minute
   * where the venue has no OI history. Returns how many were fed.
   */
  feed(nowMs: number): number;
  /**
   * `feed`, a slice of `feedSliceBars` minutes at a time with the event loop free between slices, so
   * requests arriving while a whole window is fed (a first start's deepening, a restore) are answered
   * meanwhile. Stops early once `stopped()` says so. Nothing else may feed or add meanwhile: the
   * state being built is not shown until this settles, so the ledger ends as `feed` would leave it.
   * Resolves with how many minutes were fed.
   */
  feedInSlices(nowMs: number, stopped: () => boolean): Promise<number>;
  /** Mark candles of `timeframe`, oldest first, the forming one last, at most `maxChartCandles`. */
  candles(timeframe: ChartTimeframe): Candle[];
  /** The newest (forming) candle of `timeframe`, or null. */
  latestCandle(timeframe: ChartTimeframe): Candle | null;
}

/** Creates the state; `market` null when the tiers are unknown (no ledger, candles only). */
export function createMarketState(
  market: VenueMarket | null,
  hasOpenInterest: boolean,
  params?: LedgerParams,
): MarketState {
  const ledger =
    market === null ? null : createLedger({ markets: [market], ...(params === undefined ? {} : { params }) });
  const realizedBook = ledger === null ? null : createRealizedBook(ledger.grid);
  const bars: MinuteBar[] = [];
  // OI sample by the open time of the minute that closes at it (as shared/clusters ledgerBars places it).
  const oiByBar = new Map<number, OpenInterestPoint>();
  const realized: RealizedLiquidation[] = [];
  let lastOi = -Infinity,
    fed = 0;
  const graceMs = 2 * openInterestPeriodMs;

  /** Drops the oldest minutes beyond `maxMinuteBars` that the ledger has already been fed, with their OI samples. */
  const trim = (): void => {
    const drop = Math.min(bars.length - maxMinuteBars, fed);
    if (drop <= 0) return;
    bars.splice(0, drop);
    fed -= drop;
    const firstMs = bars[0]?.timeMs ?? Infinity;
    for (const timeMs of oiByBar.keys()) if (timeMs < firstMs) oiByBar.delete(timeMs);
  };

  /** Feeds at most `limit` minutes (see `MarketState.feed`); returns how many. */
  const feedUpTo = (nowMs: number, limit: number): number => {
    const start = fed;
    for (; fed < bars.length && fed - start < limit; fed++) {
      const bar = bars[fed];
      if (bar === undefined) break;
      const closeMs = bar.timeMs + minuteMs;
      if (hasOpenInterest && closeMs > lastOi && closeMs + graceMs > nowMs) break;
      const point = oiByBar.get(bar.timeMs);
      const [ledgerBar] = minuteLedgerBars([bar], point === undefined ? [] : [point]);
      if (ledger !== null && market !== null && ledgerBar !== undefined) ledger.update(market.venue, ledgerBar);
    }
    const count = fed - start;
    trim();
    return count;
  };

  const state: MarketState = {
    bars,
    ledger,
    realized,
    realizedBook,
    forming: null,
    direct: new Map(),
    lastBarMs: () => bars[bars.length - 1]?.timeMs ?? -Infinity,
    lastOpenInterestMs: () => lastOi,
    add(newBars, openInterest) {
      for (const bar of newBars) if (bar.timeMs > state.lastBarMs()) bars.push(bar);
      for (const point of openInterest) {
        oiByBar.set(Math.floor((point.timeMs - 1) / minuteMs) * minuteMs, point);
        lastOi = Math.max(lastOi, point.timeMs);
      }
      trim();
    },
    addRealized(liquidation) {
      realized.push(liquidation);
      if (realized.length > maxRealized) realized.splice(0, realized.length - maxRealized);
      realizedBook?.add(liquidation);
    },
    feed: (nowMs) => feedUpTo(nowMs, Infinity),
    async feedInSlices(nowMs, stopped) {
      let count = 0;
      for (;;) {
        const slice = feedUpTo(nowMs, feedSliceBars);
        count += slice;
        if (slice < feedSliceBars || stopped()) return count;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    },
    candles(timeframe) {
      const periodMs = timeframeMs[timeframe];
      const minutes = bars.slice(-Math.ceil((maxChartCandles * periodMs) / minuteMs)).map(chartCandleOf);
      if (state.forming !== null && state.forming.openTimeMs > state.lastBarMs()) minutes.push(state.forming);
      let out = aggregateCandles(minutes, periodMs);
      const direct = state.direct.get(timeframe);
      if (direct !== undefined && minutes[0] !== undefined)
        out = mergeCandles(direct, out, minutes[0].openTimeMs, periodMs);
      return out.slice(-maxChartCandles);
    },
    latestCandle(timeframe) {
      const periodMs = timeframeMs[timeframe];
      const newest = state.forming?.openTimeMs ?? state.lastBarMs();
      if (!Number.isFinite(newest)) return null;
      const start = Math.floor(newest / periodMs) * periodMs;
      const parts: Candle[] = [];
      for (let i = bars.length - 1; i >= 0; i--) {
        const bar = bars[i];
        if (bar === undefined || bar.timeMs < start) break;
        parts.unshift(chartCandleOf(bar));
      }
      if (state.forming !== null && state.forming.openTimeMs > state.lastBarMs()) parts.push(state.forming);
      return aggregateCandles(parts, periodMs)[0] ?? null;
    },
  };
  return state;
}
