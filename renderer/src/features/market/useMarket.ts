import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { coreLostReason } from '../../../../shared/domain/freshness';
import type { MarketKey } from '../../../../shared/ipc/contract';
import type { ChartTimeframe } from '../../../../shared/ipc/views/markets';
import type { MarketState } from './market-state';
import type { MarketStore } from './market-store';

/** One market of a store, as its readers see it: its state and a way to hear it change. */
export interface MarketSource {
  get(): MarketState | null;
  subscribe(listener: () => void): () => void;
}

/**
 * Shows `key` (venue, source, symbol: an account's own source) on `timeframe` while mounted and connected: one bridge subscription for as long as
 * the market, timeframe and connection stay the same (never re-made by a re-render), and the
 * core's market closed when another one replaces it. Returns the market's source, stable per market.
 */
export function useShownMarket(
  store: MarketStore,
  key: MarketKey | null,
  timeframe: ChartTimeframe,
  connected: boolean,
): MarketSource | null {
  const venue = key?.venue;
  const source = key?.source;
  const symbol = key?.symbol;
  // Read when the showing ends: a lost core is the reason the chart gives for its stale data.
  const connectedNow = useRef(connected);
  useLayoutEffect(() => {
    connectedNow.current = connected;
  }, [connected]);
  useEffect(() => {
    if (!venue || !source || !symbol || !connected) return undefined;
    const release = store.show({ venue, source, symbol }, timeframe);
    return () => release(connectedNow.current ? undefined : coreLostReason);
  }, [store, venue, source, symbol, timeframe, connected]);

  useEffect(() => {
    if (!venue || !source || !symbol) return undefined;
    return () => store.close({ venue, source, symbol });
  }, [store, venue, source, symbol]);

  return useMemo(
    () => (venue && source && symbol ? marketSource(store, { venue, source, symbol }) : null),
    [store, venue, source, symbol],
  );
}

/**
 * `key`'s entry in `store` as a source, whether or not the market is shown: `get` is null until it
 * is, and `subscribe` hears it open, change and close. Showing it stays with `useShownMarket`.
 */
export function marketSource(store: MarketStore, key: MarketKey): MarketSource {
  const market = { venue: key.venue, source: key.source, symbol: key.symbol };
  return { get: () => store.get(market), subscribe: (listener) => store.subscribe(market, listener) };
}

const noSubscription = (): (() => void) => () => undefined;

/** `source.subscribe`, stable per source, for `useSyncExternalStore`; hears nothing while nothing is shown. */
function useSubscription(source: MarketSource | null): (listener: () => void) => () => void {
  return useCallback(
    (listener: () => void) => (source === null ? noSubscription() : source.subscribe(listener)),
    [source],
  );
}

/**
 * One field of a market's state, re-rendering the caller only when that field changes (fields
 * are replaced, never mutated); null while nothing is shown.
 */
export function useMarketField<K extends keyof MarketState>(
  source: MarketSource | null,
  field: K,
): MarketState[K] | null {
  const subscribe = useSubscription(source);
  return useSyncExternalStore(subscribe, () => source?.get()?.[field] ?? null);
}

/**
 * What `select` makes of a market's state, re-rendering the caller only when that shown value
 * changes by `equal` (default `Object.is`; never asked about null or undefined), not on every tick
 * that changes the state: e.g. a mark formatted to its tick, which a stream of ticks often leaves
 * unchanged. `select` runs once per state change (keep it cheap, and memoized with `useCallback`
 * so a re-render does not run it again); null while nothing is shown.
 */
export function useMarketSelector<T>(
  source: MarketSource | null,
  select: (state: MarketState) => T,
  equal: (a: NonNullable<T>, b: NonNullable<T>) => boolean = Object.is,
): T | null {
  const subscribe = useSubscription(source);
  // The last state read and what was shown for it; kept across renders so an equal value is the same one.
  const last = useRef<{ state: MarketState | null; select: (state: MarketState) => T; value: T | null } | null>(null);
  const read = (): T | null => {
    const state = source?.get() ?? null;
    const previous = last.current;
    if (previous !== null && previous.state === state && previous.select === select) return previous.value;
    const next = state === null ? null : select(state);
    const shown = previous?.value;
    const comparable = shown !== undefined && shown !== null && next !== undefined && next !== null;
    const value = comparable && equal(shown, next) ? shown : next;
    last.current = { state, select, value };
    return value;
  };
  return useSyncExternalStore(subscribe, read);
}
