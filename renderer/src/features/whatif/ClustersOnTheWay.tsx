import type { Profile } from '../../../../shared/clusters';
import { useMarketField, type MarketSource } from '../market/useMarket';
import { formatMoney } from '../../lib/format-money';
import { formatUsdCompact } from '../chart/usd-compact';
import { cascadeSummary, type CascadeSummary, type PositionFigures, type WhatIfView } from './what-if-model';

/** Compact as the chart writes the map's dollars ("$19M"), the exact estimate in its tooltip. */
function CascadeFigure({ cascade }: { readonly cascade: CascadeSummary | null }) {
  if (cascade === null) return <>—</>;
  if (!(cascade.totalUsd > 0)) return <>none</>;
  return <span title={formatMoney(cascade.totalUsd)}>{formatUsdCompact(cascade.totalUsd)}</span>;
}

/**
 * "Clusters on the way": the crowd's liquidation USD between the mark and the liquidation price,
 * now and after the what-if. With a market from the store the path starts at the store's live mark
 * (moved by the what-if's price scenario, if any) and the live figure ends at the liquidation price
 * the app shows, so it is the figure the chart's band draws; only this cell re-renders on a tick.
 * Without a store (the harness) the what-if's own mark and engine price are used.
 */
export function ClustersOnTheWay({
  view,
  profile,
  market,
  shownLiquidation,
}: {
  readonly view: WhatIfView;
  readonly profile: Profile | null;
  readonly market: MarketSource | null;
  /** The position's liquidation price as the table and chart show it (`shownLiquidationPrice`). */
  readonly shownLiquidation: number | null;
}) {
  const mark = useMarketField(market, 'mark');
  if (profile === null) return <span className="muted">no cluster data</span>;
  const at = (figures: PositionFigures | null): PositionFigures | null => {
    if (mark === null || figures === null) return figures;
    if (figures === view.current) return { ...figures, markPrice: mark, liquidationPrice: shownLiquidation };
    // An unmoved mark stays exactly the live one, so an unchanged figure matches the chart's to the dollar.
    const moved =
      figures.markPrice === view.current.markPrice ? mark : mark * (figures.markPrice / view.current.markPrice);
    return { ...figures, markPrice: moved };
  };
  const current = market === null ? view.currentCascade : cascadeSummary(profile, at(view.current));
  const next = market === null ? view.nextCascade : cascadeSummary(profile, at(view.next));
  return (
    <>
      <CascadeFigure cascade={view.pristine ? current : next} />
      {!view.pristine && (
        <span className="wi-was">
          was <CascadeFigure cascade={current} />
        </span>
      )}
    </>
  );
}
