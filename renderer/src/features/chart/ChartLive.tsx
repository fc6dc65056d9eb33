import { useEffect, type RefObject } from 'react';
import type { ChartTimeframe } from '../../../../shared/ipc/views/markets';
import { useMarketField, type MarketSource } from '../market/useMarket';
import { ChartLegend, type ChartLegendProps } from './ChartLegend';
import { drawTail, type ChartParts } from './chart-parts';
import { ImbalanceBadge, type ImbalanceBadgeProps } from './ImbalanceBadge';

/*
 * The chart's fast-changing values (the live candle and the mark) change many times a second:
 * only these small components read them, so a tick re-renders them and not the whole chart.
 */

/** Streams the market's live candles and mark into the chart; draws nothing with React. */
export function LiveBars({
  source,
  parts,
  timeframe,
}: {
  readonly source: MarketSource | null;
  readonly parts: RefObject<ChartParts | null>;
  readonly timeframe: ChartTimeframe;
}) {
  const tail = useMarketField(source, 'tail');
  const mark = useMarketField(source, 'mark');
  useEffect(() => {
    if (parts.current !== null && tail !== null) drawTail(parts.current, tail, timeframe);
  }, [parts, tail, timeframe]);
  useEffect(() => {
    parts.current?.overlay.setMark(mark);
  }, [parts, mark]);
  return null;
}

/** The legend with the market's live mark, time and staleness. */
export function LiveLegend({
  source,
  ...props
}: Omit<ChartLegendProps, 'markPrice' | 'stale' | 'updatedAtMs'> & { readonly source: MarketSource | null }) {
  const mark = useMarketField(source, 'mark');
  const updatedAtMs = useMarketField(source, 'updatedAtMs');
  const stale = useMarketField(source, 'stale') ?? false;
  return <ChartLegend {...props} markPrice={mark} stale={stale} updatedAtMs={updatedAtMs} />;
}

/** The imbalance badge around the live mark; nothing until there is a mark. */
export function LiveImbalance({
  source,
  ...props
}: Omit<ImbalanceBadgeProps, 'markPrice'> & { readonly source: MarketSource | null }) {
  const mark = useMarketField(source, 'mark');
  return mark === null ? null : <ImbalanceBadge {...props} markPrice={mark} />;
}
