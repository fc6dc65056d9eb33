import { useEffect, useRef } from 'react';
import { MarketKeySchema, type MarketKey } from '../../../../shared/domain/market-source';
import type { ChartTimeframe } from '../../../../shared/ipc/views/markets';
import { readStored, writeStored } from '../../lib/stored';
import type { MarketStore } from './market-store';

/** Where the market charted last is kept between reloads. */
const storageKey = 'liqlens:charted';

const parseKey = (value: unknown): MarketKey | null => MarketKeySchema.safeParse(value).data ?? null;

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
    const remembered = readStored(storageKey, parseKey);
    if (remembered !== null && first.current.charted === null) store.prefetch(remembered, first.current.timeframe);
  }, [store, connected]);

  const [venue, source, symbol] = [charted?.venue, charted?.source, charted?.symbol];
  useEffect(() => {
    if (venue !== undefined && source !== undefined && symbol !== undefined)
      writeStored(storageKey, { venue, source, symbol });
  }, [venue, source, symbol]);
}
