import { useCallback, useSyncExternalStore } from 'react';
import type { Profile } from '../../../../shared/clusters';
import { marketKeyId, type MarketKey } from '../../../../shared/domain/market-source';

/**
 * The map the chart draws for a market when it is not the venue's own estimate: the measured map
 * (Hyperliquid) or the coin's map across venues. The what-if reads it so that its "clusters on the
 * way" is the figure the chart's band shows, whichever map the user picked. One registry per
 * renderer, keyed by market (venue, source, symbol); nothing here runs on a timer.
 */
export interface DrawnMaps {
  /** Records the map the chart draws for `key`; null when it draws the venue's estimate (or nothing). */
  set(key: MarketKey, profile: Profile | null): void;
  /** The map recorded for `key`, or null. */
  get(key: MarketKey): Profile | null;
  /** Hears every change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** A new, empty registry. */
export function createDrawnMaps(): DrawnMaps {
  const maps = new Map<string, Profile>();
  const listeners = new Set<() => void>();
  return {
    set(key, profile) {
      const id = marketKeyId(key);
      if ((maps.get(id) ?? null) === profile) return;
      if (profile === null) maps.delete(id);
      else maps.set(id, profile);
      for (const listener of [...listeners]) listener();
    },
    get: (key) => maps.get(marketKeyId(key)) ?? null,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The renderer's registry: the chart writes it, the what-if reads it. */
export const drawnMaps: DrawnMaps = createDrawnMaps();

/** The map the chart draws for `key` when it is not the venue's estimate; null otherwise or without a key. */
export function useDrawnMap(key: MarketKey | null, maps: DrawnMaps = drawnMaps): Profile | null {
  const get = useCallback(() => (key === null ? null : maps.get(key)), [maps, key]);
  const subscribe = useCallback((listener: () => void) => maps.subscribe(listener), [maps]);
  return useSyncExternalStore(subscribe, get, get);
}
