import {
  defaultLedgerParams,
  liquidationMap,
  measuredMap,
  type BinSize,
  type LedgerParams,
  type LiquidationMap,
  type RecordedSkill,
  type VenueMarket,
} from '../../../shared/clusters';
import type { Candle } from '../../../shared/domain/candle';
import type { Freshness } from '../../../shared/domain/freshness';
import type { MarkTick } from '../../../shared/domain/stream-state';
import type { Tier } from '../../../shared/domain/tier';
import type { MarketKey } from '../../../shared/ipc/contract';
import type { ClusterWire, MeasuredMapWire } from '../../../shared/ipc/views/clusters';
import type { BackfillState, ChartTimeframe, MarketUpdate, MarketView } from '../../../shared/ipc/views/markets';
import type { ExchangeGateway, MarketInfo } from '../exchange/gateway';
import type { Clock, Logger } from '../ports';
import type { Recorder } from '../recorder/recorder';
import { backfill, type RecentHistory } from './backfill';
import { toClusterWire } from './cluster-wire';
import { contextOf, type MarketContext } from './market-context';
import type { MeasuredBook } from './measured-book';
import { toMeasuredWire } from './measured-wire';
import { sampleOpenInterest } from './oi-sample';
import { startLive } from './market-live';
import { createThrottle } from './throttle';
import { createMarketState, maxChartCandles, type MarketState } from './market-state';
import { writeMarketMeta } from './market-meta';
import { deepeningMessage } from './recent-first';
import { restoreFromRecordings } from './restore';
import { venueDataLimits } from './venue-limits';
import { startRecordedSkill, type RecordedSkillJob } from '../skill/recorded-skill-job';

/** What one open market needs. */
export interface MarketSessionDeps {
  readonly market: MarketKey;
  readonly venueLabel: string;
  readonly timeframe: ChartTimeframe;
  /** The public gateway of the market's source (shared between the markets of that venue and source). */
  readonly gateway: ExchangeGateway;
  /** The symbol's maintenance tiers (through an account's key where the venue requires one). */
  readonly fetchTiers: (symbol: string) => Promise<readonly Tier[]>;
  /** The recorder of the market's source. */
  readonly recorder: Recorder;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly historyDays: number;
  readonly recordedDays: number;
  /**
   * Hours of the newest history a first start maps first, before the rest of `historyDays` loads
   * (0: the whole window in one go). See recent-first.ts.
   */
  readonly recentHours: number;
  readonly pollMs: number;
  readonly params?: LedgerParams;
  readonly emit: (update: MarketUpdate) => void;
  /** Whether the chart shows this market: updates are built and emitted only then. */
  readonly viewed: () => boolean;
  /** The cluster model changed (bars fed, backfill finished or failed): `context()` has news. */
  readonly onModel: () => void;
  /** Every live mark tick. */
  readonly onTick: (tick: MarkTick) => void;
  /** Waits for a backfill slot (see backfill-gate); resolves with its release. */
  readonly admit: (isStopped: () => boolean) => Promise<() => void>;
  /** The measured positions of the market's source, where the venue makes them public (Hyperliquid). */
  readonly measured?: MeasuredBook;
}

/** One open market: backfilled once, then live until stopped. */
export interface MarketSession {
  /** Settles when the backfill has finished or failed (never rejects: the failure is in the view). */
  readonly ready: Promise<void>;
  /**
   * Settles once the market's start-up work is done: `ready`, then the first measurement of the map
   * on the recordings (started after a backfill that found the tiers). Never rejects.
   */
  readonly settled: Promise<void>;
  /**
   * Settles as soon as the view has a model to show: rebuilt from recordings (the backfill still
   * running behind it) or, with nothing usable recorded, when `ready` settles. Starts the restore.
   */
  firstView(): Promise<void>;
  /** Switches the chart timeframe (fetches deeper 1h/4h candles once). */
  setTimeframe(timeframe: ChartTimeframe): Promise<void>;
  view(): MarketView;
  /** The cluster model as the positions and alerts read it (computed once per model change). */
  context(): MarketContext;
  /** Venue requests made so far. */
  requests(): number;
  /** The market's maps now, for the coin's map across venues (computed on each call). */
  mapPart(): SessionMapPart;
  stop(): void;
}

/** One market's maps as the aggregate across venues reads them. */
export interface SessionMapPart {
  /** The market's mark (or the forming bar's close); null before the first price. */
  readonly price: number | null;
  readonly binSize: BinSize;
  /** The estimate within ± 15 % of the mark; null before the model has a price and while it holds only the newest hours. */
  readonly estimated: LiquidationMap | null;
  /** The measured map where the venue makes positions public; null elsewhere and before its first read. */
  readonly measured: LiquidationMap | null;
  readonly backfill: BackfillState;
  /** Why the market has no model at all (tiers refused, backfill failed); null otherwise. */
  readonly unavailable: string | null;
  /** The estimate's chart view (heatmap history, realized liquidations), built when asked; null before a model. */
  readonly clusters: () => ClusterWire | null;
}

/** The ledger's market from the listing and the tiers (a 0.05 % taker fee where the listing names none). */
function venueMarketOf(venue: MarketKey['venue'], info: MarketInfo, tiers: readonly Tier[]): VenueMarket {
  return { venue, tiers, takerFeeRate: info.takerFeeRate ?? 0.0005, contractSize: info.contractSize };
}

function sampleOf(book: MeasuredBook, symbol: string): () => Promise<number | null> {
  return () => book.readOpenInterestUsd(symbol);
}

/** Starts `read` now and hands back its answer later (a failure is kept for the caller, not left unhandled). */
function startRead(read: () => Promise<number | null>): () => Promise<number | null> {
  const settled = read().then(
    (usd) => ({ usd, error: null }),
    (error: unknown) => ({ usd: null, error: error instanceof Error ? error : new Error(String(error)) }),
  );
  return async () => {
    const { usd, error } = await settled;
    if (error !== null) throw error;
    return usd;
  };
}

/** Opens one market: backfill with progress events, then live ticks, bars, OI and liquidations. */
export function createMarketSession(deps: MarketSessionDeps): MarketSession {
  const { market, gateway, logger } = deps;
  const limits = venueDataLimits(market.venue);
  let timeframe = deps.timeframe;
  let state: MarketState | null = null;
  let symbol = market.symbol,
    displaySymbol = market.symbol,
    tickSize = 0;
  let status: BackfillState = { state: 'running', progress: 0, message: `Connecting to ${deps.venueLabel}…` };
  let requests = 0;
  let live: ReturnType<typeof startLive> | null = null;
  let stopped = false;
  let context: MarketContext | null = null;
  const modelChanged = (): void => {
    context = null;
    if (!stopped) deps.onModel();
  };

  /** The market's freshness (its live feed's), and the `stale` flag that follows it. */
  const freshnessOf = (): Pick<MarketUpdate, 'stale' | 'freshness'> => {
    const freshness: Freshness = live?.freshness() ?? { state: 'unknown', reason: 'loading the market' };
    return { stale: freshness.state !== 'live', freshness };
  };
  const update = (
    extra: Partial<Pick<MarketUpdate, 'clusters' | 'measured' | 'backfill' | 'recordedSkill'>>,
  ): MarketUpdate => ({
    venue: market.venue,
    source: market.source,
    symbol: market.symbol,
    timeframe,
    candle: state?.latestCandle(timeframe) ?? null,
    markPrice: live?.markPrice() ?? state?.forming?.close ?? null,
    updatedAtMs: live?.updatedAtMs() ?? deps.clock.now(),
    ...freshnessOf(),
    ...extra,
  });
  const clusters = (): ReturnType<typeof toClusterWire> => {
    const wire = state?.ledger ? toClusterWire(state.ledger, state.realized) : null;
    return wire === null || partialHours === null ? wire : { ...wire, partialHours };
  };
  const withClusters = (): Pick<MarketUpdate, 'clusters'> => {
    const wire = clusters();
    return wire === null ? {} : { clusters: wire };
  };
  const measured = (): MeasuredMapWire | null => {
    const price = live?.markPrice() ?? state?.forming?.close ?? null;
    if (deps.measured === undefined || price === null) return null;
    const binSize = state?.ledger?.params.binSize ?? deps.params?.binSize ?? defaultLedgerParams.binSize;
    return toMeasuredWire(
      measuredMap({
        venue: market.venue,
        positions: deps.measured.positions(market.symbol),
        price,
        timeMs: deps.clock.now(),
        binSize,
        openInterestUsd: deps.measured.openInterestUsd(market.symbol),
        addressesRead: deps.measured.addressesRead(),
      }),
      binSize,
    );
  };
  let pendingClusters = false;
  let pendingMeasured = false;
  /** The map measured on this market's recordings (at the start, then daily); null before the first measurement. */
  let recordedSkill: RecordedSkill | null = null;
  let skill: RecordedSkillJob | undefined;
  let tiersReason = '';
  // Set while the map shown is built from the newest hours only (recent-first.ts); null otherwise.
  let partialHours: number | null = null;
  // Asked for once, as soon as the listing names the symbol: its answer is awaited only by the first build.
  let tiersRead: Promise<readonly Tier[]> | null = null;
  const tiersOf = (venueSymbol: string): Promise<readonly Tier[]> => {
    if (tiersRead === null) {
      tiersRead = deps.fetchTiers(venueSymbol);
      tiersRead.catch(() => undefined); // awaited (and its failure reported) by the build
    }
    return tiersRead;
  };
  let shownPartial = (): void => undefined;
  const partialShown = new Promise<boolean>((resolve) => {
    shownPartial = () => resolve(true);
  });
  // Ticks arrive up to 10/s; the chart needs about 4. Clusters ride along at most once per fed bar.
  const throttle = createThrottle(
    () => {
      const send = pendingClusters;
      pendingClusters = false;
      const wire = pendingMeasured ? measured() : null;
      pendingMeasured = false;
      if (!stopped)
        deps.emit(update({ ...(send ? withClusters() : {}), ...(wire === null ? {} : { measured: wire }) }));
    },
    250,
    () => deps.clock.now(),
  );

  const deeperCandles = async (next: ChartTimeframe): Promise<void> => {
    if (state === null || (next !== '1h' && next !== '4h') || state.direct.has(next)) return;
    // Hours of history beyond the minutes: one request for up to a page of the timeframe itself.
    try {
      const candles: readonly Candle[] = await gateway.fetchCandles(
        symbol,
        next,
        limits.markCandles ? 'mark' : 'last',
        undefined,
        Math.min(limits.candlePage, maxChartCandles),
      );
      requests++;
      state.direct.set(next, candles.slice(0, -1));
    } catch (error) {
      logger.warn('higher-timeframe candles failed', {
        venue: market.venue,
        symbol,
        timeframe: next,
        message: String(error),
      });
    }
  };

  // The measured map needs no history: its addresses come from the live trade stream at once.
  const releaseMeasured = deps.measured?.watch(market.symbol);
  const sample = deps.measured === undefined ? undefined : sampleOf(deps.measured, market.symbol);
  // Read while the history loads (never inside the backfill slot): the venue keeps no OI history,
  // and this sample gives the first closed minute a change to map.
  const openingRead = limits.openInterestHistory || sample === undefined ? undefined : startRead(sample);
  const stopHearingMeasured = deps.measured?.onChange(() => {
    if (stopped || !deps.viewed()) return;
    pendingMeasured = true;
    throttle.request();
  });

  const setTimeframe = async (next: ChartTimeframe): Promise<void> => {
    timeframe = next;
    // While the backfill runs (a restored view), its end fetches the deeper candles of the timeframe then.
    if (status.state !== 'running') await deeperCandles(next);
  };

  let restoring: Promise<boolean> | null = null;
  /** Rebuilds the model from recordings unless the venue's is already in; true when the view now has one from them. */
  const restore = (): Promise<boolean> => {
    restoring ??= (async () => {
      if (state !== null) return false;
      const restored = await restoreFromRecordings({
        recorder: deps.recorder,
        venue: market.venue,
        symbol: market.symbol,
        recordedDays: Math.max(deps.recordedDays, deps.historyDays),
        hasOpenInterest: limits.openInterestHistory,
        ...(deps.params === undefined ? {} : { params: deps.params }),
      });
      // The venue's answer may have come first; it is newer, so it stays.
      if (restored === null || stopped || state !== null) return false;
      state = restored.state;
      symbol = restored.meta.info.symbol;
      displaySymbol = `${restored.meta.info.base}/${restored.meta.info.quote}`;
      tickSize = restored.meta.info.tickSize ?? 0;
      const until = new Date(restored.lastBarMs + 60_000).toISOString().slice(0, 16).replace('T', ' ');
      status = {
        state: 'running',
        progress: 0.01,
        message: `Map from local recordings up to ${until} UTC; catching up with ${deps.venueLabel}…`,
      };
      modelChanged();
      if (deps.viewed()) deps.emit(update({ backfill: status, ...withClusters() }));
      return true;
    })().catch((error: unknown) => {
      logger.warn('restoring the market from recordings failed', {
        venue: market.venue,
        symbol: market.symbol,
        message: String(error),
      });
      return false;
    });
    return restoring;
  };

  /** Shows the map of the newest hours while the rest loads, unless a view (restored) is already up. */
  const showRecent = async (recent: RecentHistory): Promise<void> => {
    if (state !== null || stopped) return;
    let tiers: readonly Tier[];
    try {
      tiers = await tiersOf(recent.info.symbol);
    } catch {
      return; // The full build says why the map is missing.
    }
    if (state !== null || stopped) return;
    const partial = createMarketState(
      venueMarketOf(market.venue, recent.info, tiers),
      limits.openInterestHistory,
      deps.params,
    );
    partial.add(recent.bars, recent.openInterest);
    for (const liquidation of recent.liquidations) partial.addRealized(liquidation);
    partial.forming = recent.forming;
    partial.feed(recent.forming.openTimeMs);
    state = partial;
    partialHours = recent.hours;
    symbol = recent.info.symbol;
    displaySymbol = `${recent.info.base}/${recent.info.quote}`;
    tickSize = recent.info.tickSize ?? 0;
    status = {
      state: 'running',
      progress: status.progress,
      message: deepeningMessage(recent.hours, deps.historyDays, `loading from ${deps.venueLabel}…`),
    };
    modelChanged();
    if (deps.viewed()) deps.emit(update({ backfill: status, ...withClusters() }));
    shownPartial();
  };

  const ready = (async () => {
    const release = await deps.admit(() => stopped);
    if (stopped) {
      release();
      return;
    }
    try {
      const result = await backfill({
        gateway,
        symbol: market.symbol,
        limits,
        venue: market.venue,
        venueLabel: deps.venueLabel,
        recorder: deps.recorder,
        historyDays: deps.historyDays,
        recordedDays: deps.recordedDays,
        recentHours: deps.recentHours,
        onRecent: showRecent,
        onListing: (info) => void tiersOf(info.symbol),
        onProgress: (progress, message) => {
          const text = partialHours === null ? message : deepeningMessage(partialHours, deps.historyDays, message);
          status = { state: 'running', progress, message: text };
          if (!stopped && deps.viewed()) deps.emit(update({ backfill: status }));
        },
      });
      requests += result.requests;
      symbol = result.info.symbol;
      displaySymbol = `${result.info.base}/${result.info.quote}`;
      tickSize = result.info.tickSize ?? 0;
      let tiersProblem = '';
      let tiers: readonly Tier[] | null = null;
      try {
        tiers = await tiersOf(symbol);
      } catch (error) {
        tiersProblem = ` No cluster map: ${error instanceof Error ? error.message : String(error)}`;
      }
      const venueMarket = tiers === null ? null : venueMarketOf(market.venue, result.info, tiers);
      if (tiers !== null)
        writeMarketMeta(deps.recorder, market.venue, { info: result.info, tiers, savedAtMs: deps.clock.now() });
      // Built anew from the merged history even after a restore: the venue may have filled holes
      // inside the recorded window, and replaying the same inputs must give the same map.
      const built = createMarketState(venueMarket, limits.openInterestHistory, deps.params);
      const opening =
        openingRead === undefined
          ? []
          : await sampleOpenInterest(openingRead, result.forming.openTimeMs, result.forming.close, (message) =>
              logger.warn('open-interest sample failed', { venue: market.venue, symbol, message }),
            );
      if (opening.length > 0)
        deps.recorder.append(
          market.venue,
          symbol,
          opening.map((point) => ({ kind: 'oi' as const, point })),
        );
      built.add(result.bars, [...result.openInterest, ...opening]);
      for (const liquidation of result.recorded.liquidations) built.addRealized(liquidation);
      built.forming = result.forming;
      // The whole window, in slices: the newest hours' map stays up and requests are answered meanwhile.
      await built.feedInSlices(result.forming.openTimeMs, () => stopped);
      state = built;
      partialHours = null;
      if (stopped) return;
      await deeperCandles(timeframe);
      live = startLive({
        gateway,
        recorder: deps.recorder,
        clock: deps.clock,
        logger,
        venue: market.venue,
        symbol,
        limits,
        state: built,
        pollMs: deps.pollMs,
        onRequests: (count) => {
          requests += count;
        },
        onTick: deps.onTick,
        ...(sample === undefined ? {} : { sampleOpenInterest: sample }),
        onChange: (kind) => {
          if (kind === 'bars') modelChanged();
          if (!deps.viewed()) return;
          if (kind === 'stale') {
            throttle.cancel();
            deps.emit(update({}));
            return;
          }
          if (kind === 'bars') pendingClusters = true;
          throttle.request();
        },
      });
      if (venueMarket !== null && !stopped)
        skill = startRecordedSkill({
          recorder: deps.recorder,
          venue: market.venue,
          symbol,
          market: venueMarket,
          clock: deps.clock,
          logger,
          onMeasured: (measuredSkill) => {
            recordedSkill = measuredSkill;
            if (deps.viewed()) deps.emit(update({ recordedSkill: measuredSkill }));
          },
        });
      status = { state: 'done', progress: 1, message: `${result.message}${tiersProblem}` };
      tiersReason = tiers === null ? tiersProblem.trim() : '';
      modelChanged();
      if (deps.viewed()) deps.emit(update({ backfill: status, ...withClusters() }));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.warn('market backfill failed', {
        venue: market.venue,
        source: market.source,
        symbol: market.symbol,
        message,
      });
      status = { state: 'failed', progress: 0, message };
      partialHours = null;
      modelChanged();
      if (!stopped && deps.viewed()) deps.emit(update({ backfill: status }));
    } finally {
      release();
    }
  })();

  return {
    ready,
    // The job is started inside `ready` (or never): by the time `ready` settles, it is there to wait for.
    settled: ready.then(() => skill?.first),
    async firstView() {
      // A view from recordings, else the newest hours' map, else the whole backfill: whichever comes first.
      await Promise.race([restore().then((restored) => restored || partialShown), ready]);
    },
    setTimeframe,
    requests: () => requests,
    view: () => ({
      venue: market.venue,
      source: market.source,
      symbol,
      displaySymbol,
      timeframe,
      tickSize,
      candles: state?.candles(timeframe) ?? [],
      markPrice: live?.markPrice() ?? state?.forming?.close ?? null,
      updatedAtMs: live?.updatedAtMs() ?? null,
      ...freshnessOf(),
      clusters: clusters(),
      ...(deps.measured === undefined ? {} : { measured: measured() }),
      backfill: status,
      recordedSkill,
    }),
    mapPart() {
      const price = live?.markPrice() ?? state?.forming?.close ?? null;
      const ledger = state?.ledger ?? null;
      return {
        price,
        binSize: ledger?.params.binSize ?? deps.params?.binSize ?? defaultLedgerParams.binSize,
        // The newest hours' map is not summed with other venues' whole-window maps: that venue counts as loading.
        estimated: ledger !== null && ledger.price > 0 && partialHours === null ? liquidationMap(ledger, 0.15) : null,
        measured: measured()?.map ?? null,
        backfill: status,
        unavailable: status.state === 'failed' ? status.message : tiersReason === '' ? null : tiersReason,
        clusters,
      };
    },
    context() {
      if (status.state === 'failed') return { state: 'unavailable', reason: status.message };
      if (tiersReason !== '') return { state: 'unavailable', reason: tiersReason };
      // The positions and the alerts judge on the whole window's map, not on the newest hours' alone.
      if (partialHours !== null) return { state: 'loading' };
      context ??= contextOf(state?.ledger ?? null, state?.realized ?? []);
      return context;
    },
    stop() {
      stopped = true;
      throttle.cancel();
      live?.stop();
      skill?.stop();
      stopHearingMeasured?.();
      releaseMeasured?.();
    },
  };
}
