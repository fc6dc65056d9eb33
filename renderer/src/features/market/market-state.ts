import type { Profile, RecordedSkill } from '../../../../shared/clusters';
import type { Candle } from '../../../../shared/domain/candle';
import { lastUpdateMs, withoutSource, type Freshness } from '../../../../shared/domain/freshness';
import type { MarketKey } from '../../../../shared/ipc/contract';
import type { BackfillState, ChartTimeframe, MarketUpdate, MarketView } from '../../../../shared/ipc/views/markets';
import type { ClusterWire, MeasuredMapWire } from '../../../../shared/ipc/views/clusters';
import { profileFromWire } from '../chart/profile-from-wire';

/**
 * Everything the renderer holds about one open market, as one immutable value: a new object only
 * when something in it changed, so `useSyncExternalStore` readers re-render only on real change.
 */
export interface MarketState {
  readonly venue: MarketKey['venue'];
  /** The source the market is read at (`sourceIdOf`): production, testnet, a simulator, the Demo. */
  readonly source: string;
  readonly symbol: string;
  readonly timeframe: ChartTimeframe;
  /** The `market:open` answer; null while it is on its way (backfill may already be reporting). */
  readonly snapshot: MarketView | null;
  /**
   * Candles that arrived live after the snapshot, oldest first; the last one may still be forming
   * (it is replaced while its bar is open). Candles older than the snapshot's last bar are dropped.
   */
  readonly tail: readonly Candle[];
  /** The latest mark price, quote units; null before any. */
  readonly mark: number | null;
  /** When the last tick or bar arrived, epoch ms; null before any. */
  readonly updatedAtMs: number | null;
  /** True while the market's feed is not live (the chart and legend say so). */
  readonly stale: boolean;
  /** The core's word on the market's data (the legend shows it); stale with the reason once the renderer stops hearing it. */
  readonly freshness: Freshness;
  readonly clusters: ClusterWire | null;
  /** `clusters.profile` decoded once, so the chart and the what-if read the very same profile. */
  readonly profile: Profile | null;
  /** The measured map where the venue makes positions public (Hyperliquid); null elsewhere or before its first read. */
  readonly measured: MeasuredMapWire | null;
  /** The map measured on the app's own recordings of this market; null before the core's first measurement. */
  readonly recordedSkill: RecordedSkill | null;
  /** Null only before the first word about the history (no snapshot, no progress yet). */
  readonly backfill: BackfillState | null;
  /** Why `market:open` failed, in plain words; null otherwise. */
  readonly error: string | null;
}

/** The state of a market just asked for: nothing known yet, shown as stale until data arrives. */
export function openingState(key: MarketKey, timeframe: ChartTimeframe): MarketState {
  return {
    venue: key.venue,
    source: key.source,
    symbol: key.symbol,
    timeframe,
    snapshot: null,
    tail: [],
    mark: null,
    updatedAtMs: null,
    stale: true,
    freshness: { state: 'unknown', reason: 'loading the market' },
    clusters: null,
    profile: null,
    measured: null,
    recordedSkill: null,
    backfill: null,
    error: null,
  };
}

function profileOf(clusters: ClusterWire | null): Profile | null {
  return clusters === null ? null : profileFromWire(clusters.profile, clusters.binSize);
}

/** The state once `market:open` answered: the snapshot replaces everything live that came before it. */
export function withSnapshot(state: MarketState, view: MarketView): MarketState {
  return {
    ...state,
    timeframe: view.timeframe,
    snapshot: view,
    tail: [],
    mark: view.markPrice,
    updatedAtMs: view.updatedAtMs,
    stale: view.stale,
    freshness: view.freshness,
    clusters: view.clusters,
    profile: view.clusters === state.clusters ? state.profile : profileOf(view.clusters),
    measured: view.measured ?? state.measured,
    recordedSkill: view.recordedSkill ?? state.recordedSkill,
    backfill: view.backfill,
    error: null,
  };
}

/**
 * The state after `market:open` failed. Candles already on screen stay there, marked stale with the
 * failure as the reason (the core may be gone for a moment): a chart that was showing data dims; it
 * does not turn into an error page.
 */
export function withError(state: MarketState, message: string): MarketState {
  if (state.error === message) return state;
  if (state.snapshot === null) return { ...state, error: message };
  return {
    ...state,
    error: message,
    stale: true,
    freshness: withoutSource(state.freshness, `could not refresh: ${message}`),
  };
}

function lastOpenTime(state: MarketState): number {
  return state.tail.at(-1)?.openTimeMs ?? state.snapshot?.candles.at(-1)?.openTimeMs ?? -Infinity;
}

function withCandle(state: MarketState, candle: Candle): readonly Candle[] {
  const last = lastOpenTime(state);
  if (candle.openTimeMs < last) return state.tail;
  const tail = state.tail;
  if (candle.openTimeMs > last) return [...tail, candle];
  const previous = tail.at(-1);
  if (previous !== undefined) {
    if (sameCandle(previous, candle)) return tail;
    return [...tail.slice(0, -1), candle];
  }
  // The snapshot's last bar is still forming: its update joins the tail.
  const snapshotLast = state.snapshot?.candles.at(-1);
  return snapshotLast !== undefined && sameCandle(snapshotLast, candle) ? tail : [candle];
}

function sameCandle(a: Candle, b: Candle): boolean {
  return (
    a.openTimeMs === b.openTimeMs && a.open === b.open && a.high === b.high && a.low === b.low && a.close === b.close
  );
}

/**
 * Folds one `market:update` in. Updates of another market (another source of the same venue and
 * symbol is another market), or of another timeframe once the
 * snapshot is in, are ignored. Before the snapshot only backfill progress is kept (the candles
 * and mark of the snapshot will supersede anything else). Returns `state` itself when nothing changed.
 */
export function applyUpdate(state: MarketState, update: MarketUpdate): MarketState {
  if (update.venue !== state.venue || update.source !== state.source || update.symbol !== state.symbol) return state;
  if (state.snapshot === null) {
    if (update.backfill === undefined || sameBackfill(state.backfill, update.backfill)) return state;
    return { ...state, backfill: update.backfill };
  }
  if (update.timeframe !== state.timeframe) return state;
  const tail = update.candle === null ? state.tail : withCandle(state, update.candle);
  const mark = update.markPrice ?? state.mark;
  const clusters = update.clusters ?? state.clusters;
  const measured = update.measured ?? state.measured;
  const recordedSkill = update.recordedSkill ?? state.recordedSkill;
  const backfill =
    update.backfill === undefined || sameBackfill(state.backfill, update.backfill) ? state.backfill : update.backfill;
  if (
    tail === state.tail &&
    mark === state.mark &&
    clusters === state.clusters &&
    measured === state.measured &&
    recordedSkill === state.recordedSkill &&
    backfill === state.backfill &&
    update.stale === state.stale &&
    sameFreshness(update.freshness, state.freshness) &&
    update.updatedAtMs === state.updatedAtMs
  )
    return state;
  return {
    ...state,
    tail,
    mark,
    updatedAtMs: update.updatedAtMs,
    stale: update.stale,
    freshness: sameFreshness(update.freshness, state.freshness) ? state.freshness : update.freshness,
    clusters,
    profile: clusters === state.clusters ? state.profile : profileOf(clusters),
    measured,
    recordedSkill,
    backfill,
  };
}

function sameFreshness(a: Freshness, b: Freshness): boolean {
  return (
    a.state === b.state &&
    lastUpdateMs(a) === lastUpdateMs(b) &&
    (a.state === 'live' || a.reason === (b.state === 'live' ? '' : b.reason))
  );
}

function sameBackfill(a: BackfillState | null, b: BackfillState): boolean {
  return a !== null && a.state === b.state && a.progress === b.progress && a.message === b.message;
}

/** The last bar the chart holds (`allCandles(state).at(-1)` without copying every bar); null when none. */
export function lastCandle(state: MarketState): Candle | null {
  return state.tail.at(-1) ?? state.snapshot?.candles.at(-1) ?? null;
}

/** Snapshot candles followed by the live tail: every bar the chart should hold, oldest first. */
export function allCandles(state: MarketState): readonly Candle[] {
  const base = state.snapshot?.candles ?? [];
  if (state.tail.length === 0) return base;
  const first = state.tail[0]?.openTimeMs ?? Infinity;
  return [...base.filter((candle) => candle.openTimeMs < first), ...state.tail];
}
