import type { Freshness } from '../../../shared/domain/freshness';
import type { OpenInterestPoint } from '../../../shared/domain/open-interest';
import type { MarkTick, StreamState } from '../../../shared/domain/stream-state';
import type { AccountVenue } from '../../../shared/domain/account-venue';
import type { ExchangeGateway } from '../exchange/gateway';
import type { Clock, Logger } from '../ports';
import type { Recorder } from '../recorder/recorder';
import type { WatchSpan } from '../recorder/recording-format';
import type { MarketState } from './market-state';
import { sampleOpenInterest } from './oi-sample';
import { fetchMinuteBars, fetchOpenInterest, type FetchTarget } from './venue-fetch';
import { openInterestPeriodMs, type VenueDataLimits } from './venue-limits';

const minuteMs = 60_000;

/** What the live part of a market needs. */
export interface LiveDeps {
  readonly gateway: ExchangeGateway;
  readonly recorder: Recorder;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly venue: AccountVenue;
  readonly symbol: string;
  readonly limits: VenueDataLimits;
  readonly state: MarketState;
  /** Fallback poll interval when no tick crosses a minute, ms. */
  readonly pollMs: number;
  readonly onRequests: (count: number) => void;
  /** `tick`: the mark moved; `bars`: closed minutes were fed to the ledger (or liquidations arrived); `stale`: stream health changed. */
  readonly onChange: (kind: 'tick' | 'bars' | 'stale') => void;
  /** Every mark tick as it arrives, before anything else is done with it. */
  readonly onTick?: (tick: MarkTick) => void;
  /**
   * Open interest in USD now, for a venue that keeps no history of it (Hyperliquid): sampled once a
   * closed minute, fed and recorded like a venue's own sample, so the map builds from it now and
   * from the recordings on later starts.
   */
  readonly sampleOpenInterest?: () => Promise<number | null>;
}

/** The live feed of one market. */
export interface Live {
  markPrice(): number | null;
  /** Venue time of the last tick, or of the forming minute before any tick. */
  updatedAtMs(): number | null;
  /** True unless `freshness()` is live: a frozen price is never shown as live. */
  stale(): boolean;
  /**
   * Where the market's live data stands: live while its mark stream is (since the last tick, on the
   * core's clock), stale with the stream's reason ("venue not answering: …", "no market data"),
   * unknown before the stream has said anything.
   */
  freshness(): Freshness;
  stop(): void;
}

/**
 * Streams the mark (updating the forming minute), fetches closed minutes when a tick crosses into a
 * new minute (and every `pollMs` in case ticks stop), polls 5m OI once a period has closed, and
 * records everything it saw. Venue time (tick and candle times) decides what is closed.
 */
export function startLive(deps: LiveDeps): Live {
  const { state, gateway, symbol } = deps;
  let requests = 0;
  const target: FetchTarget = {
    gateway,
    symbol,
    limits: deps.limits,
    onPage: () => {
      requests++;
    },
  };
  let venueNowMs = state.forming?.openTimeMs ?? Math.max(0, state.lastBarMs() + minuteMs);
  let markPrice: number | null = state.forming?.close ?? null;
  let updatedAtMs: number | null = null;
  /** The mark stream's last reported state; null before its first report. */
  let stream: StreamState | null = null;
  let polling = false,
    again = false,
    stopped = false;
  /** The longest gap a live poll closes by itself, ms. */
  const catchUpLimitMs = 24 * 60 * minuteMs;
  let lastTickRealMs = -Infinity,
    quietUntilRealMs = -Infinity;
  /**
   * Venue time since which the liquidation stream has been connected, null while it is not. ccxt's
   * watch resolves only with data, so a subscription is known to work from its first delivery on.
   */
  let liquidationsSinceMs: number | null = null;
  /** Stops the one-shot catch-up timer armed after a poll that left closed minutes behind; undefined when none. */
  let stopCatchUp: (() => void) | undefined;
  /** Whether the venue's time says a closed minute is still missing here. */
  const behind = (): boolean => Math.floor(venueNowMs / minuteMs) * minuteMs - minuteMs > state.lastBarMs();
  /**
   * A poll that failed or found nothing leaves its minutes to the next tick crossing a minute; when
   * no tick comes (the stream stopped, a replay ended), they would wait for the fallback timer. Ask
   * again once the quiet period is over instead, for as long as minutes are missing.
   */
  const catchUpLater = (): void => {
    if (stopCatchUp !== undefined || stopped || !behind()) return;
    const stop = deps.clock.every(Math.max(1, quietUntilRealMs - deps.clock.now()), () => {
      stop();
      stopCatchUp = undefined;
      if (!stopped && behind()) void poll();
    });
    stopCatchUp = stop;
  };

  /** A sample at `timeMs` (the close of the newest closed minute), where the venue keeps no history. */
  const sampleAt = (timeMs: number): Promise<OpenInterestPoint[]> =>
    deps.limits.openInterestHistory
      ? Promise.resolve([])
      : sampleOpenInterest(deps.sampleOpenInterest, timeMs, markPrice, (message) =>
          deps.logger.warn('open-interest sample failed', { venue: deps.venue, symbol, message }),
        );

  const poll = async (): Promise<void> => {
    if (polling) {
      again = true;
      return;
    }
    polling = true;
    try {
      const formingMinute = Math.floor(venueNowMs / minuteMs) * minuteMs;
      // Catch up on every closed minute since the last one (paged), so a late poll, a fast replay or a
      // machine waking from sleep leaves no hole; beyond a day, the backfill on the next open fills in.
      const from = Math.max(state.lastBarMs() + minuteMs, formingMinute - catchUpLimitMs);
      const bars = formingMinute > from ? await fetchMinuteBars(target, from, formingMinute) : [];
      const lastOi = state.lastOpenInterestMs();
      const oi: OpenInterestPoint[] =
        deps.limits.openInterestHistory && formingMinute - lastOi >= openInterestPeriodMs
          ? await fetchOpenInterest(
              target,
              Number.isFinite(lastOi) ? lastOi + 1 : formingMinute - openInterestPeriodMs,
              formingMinute + 1,
            )
          : [];
      const sampled = bars.length > 0 ? await sampleAt(formingMinute) : [];
      oi.push(...sampled);
      deps.recorder.append(deps.venue, symbol, [
        ...bars.map((bar) => ({ kind: 'bar' as const, bar })),
        ...oi.map((point) => ({ kind: 'oi' as const, point })),
        ...watchedOver(bars),
      ]);
      state.add(bars, oi);
      // A venue a little late with the closed minute: do not ask again on every tick for a moment.
      if (bars.length === 0) quietUntilRealMs = deps.clock.now() + 2000;
      if (state.feed(venueNowMs) > 0 && !stopped) deps.onChange('bars');
    } catch (error) {
      deps.logger.warn('market poll failed', {
        venue: deps.venue,
        symbol,
        message: error instanceof Error ? error.message : String(error),
      });
      quietUntilRealMs = deps.clock.now() + 5000;
    } finally {
      deps.onRequests(requests);
      requests = 0;
      polling = false;
      if (again && !stopped) {
        again = false;
        void poll();
      } else catchUpLater();
    }
  };

  /** The `watch` record of the closed minutes `bars` where the liquidation stream was connected throughout. */
  const watchedOver = (bars: readonly { timeMs: number }[]): { kind: 'watch'; span: WatchSpan }[] => {
    const first = bars[0]?.timeMs,
      last = bars[bars.length - 1]?.timeMs;
    if (liquidationsSinceMs === null || first === undefined || last === undefined) return [];
    const span = { fromMs: Math.max(first, liquidationsSinceMs), toMs: last + minuteMs };
    return span.toMs > span.fromMs ? [{ kind: 'watch', span }] : [];
  };

  const onTick = (tick: MarkTick): void => {
    if (!(tick.markPrice > 0)) return;
    deps.onTick?.(tick);
    lastTickRealMs = deps.clock.now();
    markPrice = tick.markPrice;
    updatedAtMs = tick.timeMs;
    venueNowMs = Math.max(venueNowMs, tick.timeMs);
    const minute = Math.floor(tick.timeMs / minuteMs) * minuteMs;
    const forming = state.forming;
    if (forming === null || minute > forming.openTimeMs) {
      state.forming = {
        openTimeMs: minute,
        open: tick.markPrice,
        high: tick.markPrice,
        low: tick.markPrice,
        close: tick.markPrice,
        volume: 0,
        takerBuyVolume: null,
      };
    } else if (minute === forming.openTimeMs) {
      state.forming = {
        ...forming,
        high: Math.max(forming.high, tick.markPrice),
        low: Math.min(forming.low, tick.markPrice),
        close: tick.markPrice,
      };
    }
    if (minute - minuteMs > state.lastBarMs() && deps.clock.now() >= quietUntilRealMs) void poll();
    deps.onChange('tick');
  };

  const freshness = (): Freshness => {
    const updatedAtMs = Number.isFinite(lastTickRealMs) ? lastTickRealMs : null;
    if (stream === null) return { state: 'unknown', reason: 'waiting for the first price' };
    if (stream.status === 'reconnecting')
      return { state: 'stale', updatedAtMs, reason: `venue not answering: ${stream.reason}` };
    if (stream.status === 'stale' || updatedAtMs === null)
      return { state: 'stale', updatedAtMs, reason: 'no market data' };
    return { state: 'live', updatedAtMs };
  };

  const stopMark = gateway.watchMarkPrice(symbol, onTick, (streamState) => {
    const before = freshness();
    stream = streamState;
    const after = freshness();
    const reason = (freshness: Freshness): string => (freshness.state === 'live' ? '' : freshness.reason);
    if (before.state !== after.state || reason(before) !== reason(after)) deps.onChange('stale');
  });
  const stopLiquidations = gateway.watchLiquidations(
    symbol,
    (liquidation) => {
      liquidationsSinceMs ??= liquidation.timeMs;
      state.addRealized(liquidation);
      deps.recorder.append(deps.venue, symbol, [{ kind: 'liq', liquidation }]);
    },
    (streamState) => {
      if (streamState.status !== 'live') liquidationsSinceMs = null;
    },
  );
  const stopTimer = deps.clock.every(deps.pollMs, () => {
    // Ticks cross minutes on their own; without ticks, learn the venue's time from its newest candle.
    if (deps.clock.now() - lastTickRealMs < deps.pollMs) return;
    void (async () => {
      try {
        const latest = await gateway.fetchCandles(
          symbol,
          '1m',
          deps.limits.markCandles ? 'mark' : 'last',
          undefined,
          2,
        );
        deps.onRequests(1);
        const newest = latest[latest.length - 1];
        if (newest !== undefined) venueNowMs = Math.max(venueNowMs, newest.openTimeMs);
        await poll();
      } catch (error) {
        deps.logger.warn('market poll failed', { venue: deps.venue, symbol, message: String(error) });
      }
    })();
  });

  return {
    markPrice: () => markPrice,
    updatedAtMs: () => updatedAtMs,
    stale: () => freshness().state !== 'live',
    freshness,
    stop() {
      stopped = true;
      stopMark();
      stopLiquidations();
      stopTimer();
      stopCatchUp?.();
    },
  };
}
