import type { LiqLensApi } from '../../../../shared/ipc/contract';
import { marketKeyId, type MarketKey } from '../../../../shared/domain/market-source';
import { withoutSource } from '../../../../shared/domain/freshness';
import type { ChartTimeframe } from '../../../../shared/ipc/views/markets';
import { applyUpdate, openingState, withError, withSnapshot, type MarketState } from './market-state';

/** The part of the bridge a market store talks to. */
export type MarketFeed = Pick<LiqLensApi, 'openMarket' | 'closeMarket' | 'onMarketUpdate'>;

/**
 * The renderer's live data of every shown market, read with `useSyncExternalStore`. Each shown
 * market holds one `MarketState` and exactly one bridge subscription, opened by `show` and closed
 * by the function it returns; nothing here runs on a timer.
 */
export interface MarketStore {
  /**
   * Opens `key` on `timeframe` (backfill, then live updates) and streams it into the store until
   * the returned function is called, which drops the subscription and leaves the last state marked
   * stale with `reason` (the link dropped, or the timeframe is switching). Showing it again on the same timeframe
   * keeps that state on screen until the new snapshot replaces it. When opening fails (e.g. the
   * request timed out during a long backfill), or answered with a map from recordings while the
   * backfill ran on, it is asked again once the backfill reports done.
   */
  show(key: MarketKey, timeframe: ChartTimeframe): (reason?: string) => void;
  /**
   * Shows `key` ahead of being asked (the market charted last, opened while the positions load), so
   * its snapshot is on its way before the chart knows what it will show. The next `show` of it on
   * the same timeframe takes the showing over without asking the core again; a `show` of another
   * market, or none within `prefetchHoldMs`, closes it. A no-op for a market already held.
   */
  prefetch(key: MarketKey, timeframe: ChartTimeframe): void;
  /** Forgets `key`'s state and asks the core to stop streaming it; errors are ignored (the core may be gone). */
  close(key: MarketKey): void;
  /** The state of `key`, the same object until something in it changes; null when not shown. */
  get(key: MarketKey): MarketState | null;
  /** Hears every change of `key`'s state; returns the unsubscribe. */
  subscribe(key: MarketKey, listener: () => void): () => void;
}

/** The store's name for a market: venue, source and symbol, so two sources of one venue are two markets. */
export function marketId(key: MarketKey): string {
  return marketKeyId(key);
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** How long a prefetched market waits for its `show` before it is closed, ms (positions load well within it). */
export const prefetchHoldMs = 15_000;

/** A market store on `feed` (the bridge, or a fixture feed in the chart harness). */
export function createMarketStore(feed: MarketFeed): MarketStore {
  const states = new Map<string, MarketState>();
  const listeners = new Map<string, Set<() => void>>();
  const early = new Map<
    string,
    { key: MarketKey; timeframe: ChartTimeframe; release: () => void; timer: ReturnType<typeof setTimeout> }
  >();

  const set = (id: string, next: MarketState | null): void => {
    if ((states.get(id) ?? null) === next) return;
    if (next === null) states.delete(id);
    else states.set(id, next);
    for (const listener of [...(listeners.get(id) ?? [])]) listener();
  };

  const close = (key: MarketKey): void => {
    set(marketId(key), null);
    void feed.closeMarket(key).catch(() => undefined);
  };
  /** Ends prefetched showings other than `keep`: the chart has chosen, or waited long enough. */
  const dropEarly = (keep: string | null): void => {
    for (const [id, held] of early) {
      if (id === keep) continue;
      early.delete(id);
      clearTimeout(held.timer);
      held.release();
      close(held.key);
    }
  };

  const show = (key: MarketKey, timeframe: ChartTimeframe): ((reason?: string) => void) => {
    const id = marketId(key);
    dropEarly(id);
    const held = early.get(id);
    if (held !== undefined) {
      early.delete(id);
      clearTimeout(held.timer);
      // Taken over as it is, unless it failed or shows another timeframe: then opened afresh below.
      if (held.timeframe === timeframe && (states.get(id)?.error ?? null) === null) return held.release;
      held.release();
    }
    return startShowing(key, timeframe);
  };

  function startShowing(key: MarketKey, timeframe: ChartTimeframe): (reason?: string) => void {
    const id = marketId(key);
    // The state this showing owns; a later `show` of the same market replaces it and wins.
    const previous = states.get(id);
    let mine: MarketState | null =
      previous?.timeframe === timeframe ? { ...previous, error: null } : openingState(key, timeframe);
    set(id, mine);
    const update = (next: (state: MarketState) => MarketState): void => {
      const current = states.get(id);
      if (mine === null || current !== mine) return;
      mine = next(current);
      set(id, mine);
    };
    const open = (): void => {
      feed.openMarket(key, timeframe).then(
        (view) => update((state) => withSnapshot(state, view)),
        (failure: unknown) => update((state) => withError(state, messageOf(failure))),
      );
    };
    const off = feed.onMarketUpdate((message) => {
      const before = states.get(id);
      update((state) => applyUpdate(state, message));
      // Its end is the cue to ask again: `market:open` may have given up waiting while the core kept
      // backfilling, or answered early with the map rebuilt from recordings (then the fresh snapshot
      // carries the minutes the core caught up with, which single-candle updates cannot).
      const after = states.get(id);
      const caughtUp = after?.backfill?.state === 'done' && before?.backfill?.state !== 'done';
      const answeredEarly = after?.snapshot?.backfill.state === 'running';
      if (after === mine && after !== before && (after?.error !== null || (answeredEarly && caughtUp))) open();
    });
    open();
    return (reason = 'not receiving updates') => {
      off();
      const current = states.get(id);
      if (current !== undefined && current === mine && current.freshness.state !== 'stale')
        set(id, { ...current, stale: true, freshness: withoutSource(current.freshness, reason) });
      mine = null;
    };
  }

  return {
    show,
    prefetch(key, timeframe) {
      const id = marketId(key);
      if (states.has(id)) return;
      const release = startShowing(key, timeframe);
      const timer = setTimeout(() => {
        if (early.get(id)?.release === release) dropEarly(null);
      }, prefetchHoldMs);
      early.set(id, { key, timeframe, release, timer });
    },
    close,
    get: (key) => states.get(marketId(key)) ?? null,
    subscribe(key, listener) {
      const id = marketId(key);
      const set = listeners.get(id) ?? new Set();
      listeners.set(id, set);
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(id);
      };
    },
  };
}
