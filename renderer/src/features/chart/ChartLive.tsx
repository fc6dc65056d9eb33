import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { Profile } from '../../../../shared/clusters';
import type { ChartTimeframe } from '../../../../shared/ipc/views/markets';
import type { MarketState } from '../market/market-state';
import type { Freshness } from '../../../../shared/domain/freshness';
import { useMarketField, useMarketSelector, type MarketSource } from '../market/useMarket';
import { formatPrice } from '../positions/format';
import { ChartLegend, LegendMark, type ChartLegendProps } from './ChartLegend';
import { drawTail, type ChartParts } from './chart-parts';
import { ImbalanceBadge, type ImbalanceBadgeProps } from './ImbalanceBadge';
import { imbalanceBounds, imbalanceReading, sameReading } from './imbalance-text';

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

/**
 * The legend with the market's live mark and staleness. Only the mark's own component hears the
 * store, and it re-renders only when the mark's text at the tick (or the stale note) changes.
 */
export function LiveLegend({
  source,
  ...props
}: Omit<ChartLegendProps, 'mark'> & { readonly source: MarketSource | null }) {
  return <ChartLegend {...props} mark={<LiveMark source={source} tickSize={props.tickSize} />} />;
}

function LiveMark({ source, tickSize }: { readonly source: MarketSource | null; readonly tickSize: number }) {
  const price = useMarketSelector(
    source,
    useCallback((state: MarketState) => formatPrice(state.mark, tickSize), [tickSize]),
  );
  const freshness = useMarketSelector(source, freshnessOf) ?? unknownMarket;
  return <LegendMark price={price ?? formatPrice(null, tickSize)} freshness={freshness} />;
}

const freshnessOf = (state: MarketState): Freshness => state.freshness;
const unknownMarket: Freshness = { state: 'unknown', reason: 'no market shown' };

/**
 * The imbalance badge around the live mark; nothing until there is a mark. It re-renders only when
 * what it shows changes (the sentence, its lean, and while its details are open the window's
 * bounds at the tick), not on every tick.
 */
export function LiveImbalance({
  source,
  profile,
  tickSize,
  window,
  onWindowChange,
}: Omit<ImbalanceBadgeProps, 'reading' | 'open' | 'onOpenChange' | 'bounds'> & {
  readonly source: MarketSource | null;
  readonly profile: Profile;
  readonly tickSize: number;
}) {
  const [open, setOpen] = useState(false);
  const reading = useMarketSelector(
    source,
    useCallback(
      (state: MarketState) => (state.mark === null ? null : imbalanceReading(profile, state.mark, window)),
      [profile, window],
    ),
    sameReading,
  );
  // The bounds move with every tick: read only while the details show them.
  const bounds = useMarketSelector(
    source,
    useCallback(
      (state: MarketState) =>
        !open || state.mark === null ? null : imbalanceBounds(profile, state.mark, window, tickSize),
      [open, profile, window, tickSize],
    ),
  );
  const recorded = useMarketField(source, 'recordedSkill');
  return reading === null ? null : (
    <ImbalanceBadge
      reading={reading}
      window={window}
      onWindowChange={onWindowChange}
      open={open}
      onOpenChange={setOpen}
      bounds={bounds}
      recorded={recorded}
    />
  );
}
