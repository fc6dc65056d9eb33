import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
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
  useEffect(() => {
    if (!venue || !source || !symbol || !connected) return undefined;
    return store.show({ venue, source, symbol }, timeframe);
  }, [store, venue, source, symbol, timeframe, connected]);

  useEffect(() => {
    if (!venue || !source || !symbol) return undefined;
    return () => store.close({ venue, source, symbol });
  }, [store, venue, source, symbol]);

  return useMemo(() => {
    if (!venue || !source || !symbol) return null;
    const market = { venue, source, symbol };
    return { get: () => store.get(market), subscribe: (listener) => store.subscribe(market, listener) };
  }, [store, venue, source, symbol]);
}

const noSubscription = (): (() => void) => () => undefined;

/**
 * One field of a market's state, re-rendering the caller only when that field changes (fields
 * are replaced, never mutated); null while nothing is shown.
 */
export function useMarketField<K extends keyof MarketState>(
  source: MarketSource | null,
  field: K,
): MarketState[K] | null {
  const subscribe = useCallback(
    (listener: () => void) => (source === null ? noSubscription() : source.subscribe(listener)),
    [source],
  );
  return useSyncExternalStore(subscribe, () => source?.get()?.[field] ?? null);
}
