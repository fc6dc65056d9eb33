import { useEffect, useState } from 'react';
import type { LiqLensApi, MarketKey } from '../../../../shared/ipc/contract';
import type { ChartTimeframe, MarketUpdate, MarketView } from '../../../../shared/ipc/views/markets';

/**
 * Opens the market on the chart (backfill on first view, then live updates) and closes the one it
 * replaces. Backfill progress arrives as updates before `market:open` answers; they are folded into
 * a placeholder view so the chart shows the progress bar meanwhile.
 */
export function useMarket(
  api: LiqLensApi,
  key: MarketKey | null,
  timeframe: ChartTimeframe,
  connected: boolean,
): { market: MarketView | null; error: string | null } {
  const [market, setMarket] = useState<MarketView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const venue = key?.venue;
  const symbol = key?.symbol;

  useEffect(() => {
    if (!venue || !symbol || !connected) return;
    let cancelled = false;
    setMarket(null);
    setError(null);
    const off = api.onMarketUpdate((update: MarketUpdate) => {
      if (cancelled || update.venue !== venue || update.symbol !== symbol || !update.backfill) return;
      const backfill = update.backfill;
      setMarket((current) =>
        current && current.backfill.state === 'done' ? current : placeholder(venue, symbol, timeframe, backfill),
      );
    });
    api.openMarket({ venue, symbol }, timeframe).then(
      (view) => {
        if (!cancelled) setMarket(view);
      },
      (failure: unknown) => {
        if (!cancelled) setError(failure instanceof Error ? failure.message : String(failure));
      },
    );
    return () => {
      cancelled = true;
      off();
    };
  }, [api, venue, symbol, timeframe, connected]);

  useEffect(() => {
    if (!venue || !symbol) return;
    return () => {
      void api.closeMarket({ venue, symbol }).catch(() => undefined);
    };
  }, [api, venue, symbol]);

  return { market, error };
}

function placeholder(
  venue: MarketKey['venue'],
  symbol: string,
  timeframe: ChartTimeframe,
  backfill: MarketView['backfill'],
): MarketView {
  return {
    venue,
    symbol,
    displaySymbol: symbol,
    timeframe,
    tickSize: 0.01,
    candles: [],
    markPrice: null,
    updatedAtMs: null,
    stale: true,
    clusters: null,
    backfill,
  };
}
