import { useEffect, useRef } from 'react';
import type { MarketKey } from '../../../../shared/domain/market-source';
import type { ChartTimeframe } from '../../../../shared/ipc/views/markets';
import { prefetchCharted, rememberCharted } from './charted-market';
import type { MarketStore } from './market-store';

/**
 * Remembers the charted market (`charted`, null while none) and, on the first connection of a
 * page, opens the one remembered from before (`MarketStore.prefetch`) while the positions that
 * decide the chart are still loading: a reload's chart draws from a snapshot already on its way
 * instead of asking for it only once the positions are in. A remembered market the chart does not
 * show again is closed by the store.
 */
export function useChartedPrefetch(
  store: MarketStore,
  charted: MarketKey | null,
  timeframe: ChartTimeframe,
  connected: boolean,
): void {
  const asked = useRef(false);
  // Read at the first connection only: by then the chart's own choice, if any, is already showing.
  const first = useRef({ charted, timeframe });
  first.current = { charted, timeframe };
  useEffect(() => {
    if (!connected || asked.current) return;
    asked.current = true;
    if (first.current.charted === null) prefetchCharted(store, first.current.timeframe);
  }, [store, connected]);

  const [venue, source, symbol] = [charted?.venue, charted?.source, charted?.symbol];
  useEffect(() => {
    if (venue !== undefined && source !== undefined && symbol !== undefined) rememberCharted({ venue, source, symbol });
  }, [venue, source, symbol]);
}
