import { useMemo } from 'react';
import type { MarketKey } from '../../../../shared/domain/market-source';
import { useMarketField, type MarketSource } from './useMarket';

/** The key (venue, source, symbol) of the market `source` shows, stable while it stays the same; null while none is. */
export function useMarketKey(source: MarketSource | null): MarketKey | null {
  const venue = useMarketField(source, 'venue');
  const sourceId = useMarketField(source, 'source');
  const symbol = useMarketField(source, 'symbol');
  return useMemo(
    () => (venue !== null && sourceId !== null && symbol !== null ? { venue, source: sourceId, symbol } : null),
    [venue, sourceId, symbol],
  );
}
