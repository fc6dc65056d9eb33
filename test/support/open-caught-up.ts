import type { MarketKey } from '../../shared/domain/market-source';
import type { ChartTimeframe, MarketUpdate, MarketView } from '../../shared/ipc/views/markets';
import type { Core } from '../../electron/core/create-core';
import type { MarketService } from '../../electron/core/market/market-service';

/**
 * Opens a market on `core` and, when the answer came while the backfill still runs (the map of the
 * newest hours on a first start, or the one rebuilt from recordings on a restart), waits for the backfill's end and opens it again: the view as it stands
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

/** Updates that end a backfill of `market` (done or failed). */
function endsOf(updates: readonly MarketUpdate[], market: MarketKey): number {
  return updates.filter(
    (update) =>
      update.venue === market.venue &&
      update.source === market.source &&
      update.symbol === market.symbol &&
      (update.backfill?.state === 'done' || update.backfill?.state === 'failed'),
  ).length;
}

/**
 * `openCaughtUp` for a market service whose updates the test collects in `updates`: on a first
 * start the answer is the map of the newest hours (or, on a restart, the one rebuilt from
 * recordings) while the backfill runs; this waits for the backfill's end and opens again.
 */
export async function openServiceCaughtUp(
  service: Pick<MarketService, 'open'>,
  updates: readonly MarketUpdate[],
  market: MarketKey,
  timeframe: ChartTimeframe,
): Promise<MarketView> {
  const endedBefore = endsOf(updates, market);
  const first = await service.open(market, timeframe);
  if (first.backfill.state !== 'running') return first;
  while (endsOf(updates, market) === endedBefore) await new Promise((resolve) => setTimeout(resolve, 20));
  return await service.open(market, timeframe);
}
