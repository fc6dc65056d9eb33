import type { MarketKey } from '../../shared/domain/market-source';
import type { ChartTimeframe, MarketView } from '../../shared/ipc/views/markets';
import type { Core } from '../../electron/core/create-core';

/**
 * Opens a market on `core` and, when the answer is the map rebuilt from recordings while the
 * backfill still runs, waits for the backfill's end and opens it again: the view as it stands
 * once the venue has been caught up with (done or failed).
 */
export async function openCaughtUp(core: Core, market: MarketKey, timeframe: ChartTimeframe): Promise<MarketView> {
  let ended = false;
  const off = core.on('market:update', (update) => {
    const same = update.venue === market.venue && update.source === market.source && update.symbol === market.symbol;
    if (same && (update.backfill?.state === 'done' || update.backfill?.state === 'failed')) ended = true;
  });
  try {
    const first = await core.handlers['market:open']({ market, timeframe });
    if (first.backfill.state !== 'running') return first;
    while (!ended) await new Promise((resolve) => setTimeout(resolve, 20));
    return await core.handlers['market:open']({ market, timeframe });
  } finally {
    off();
  }
}
