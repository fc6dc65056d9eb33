import { useEffect, useLayoutEffect, useRef, useState, type ReactElement, type RefObject } from 'react';
import type { IChartApi, ISeriesApi, MouseEventParams, Time } from 'lightweight-charts';
import type { ClusterWire } from '../../../../shared/ipc/views/clusters';
import type { PositionView } from '../../../../shared/ipc/views/positions';
import { findMapBin } from './bin-lookup';
import { selfCheckText } from './self-check-text';
import { binTooltipLines } from './tooltip-text';
import { venueShareLines } from './aggregate-shown';
import { placeTooltip } from './tooltip-place';

/** What the tooltip shows and where (CSS px inside the chart body). */
export interface TooltipModel {
  readonly x: number;
  readonly y: number;
  readonly lines: readonly string[];
  /** Each venue's share of the bin's sides, on a map summed across venues; empty otherwise. */
  readonly venueLines: readonly string[];
  /** Set when the cursor is on the liquidation line. */
  readonly selfCheck: string | null;
}

/** Cursor within this many px of the liquidation line reads the self-check. */
const lineHitPx = 5;

/**
 * Follows the crosshair and reads the map bin under it (and the liquidation line's self-check
 * when on it). A new model is set only when the text changes, so moving within a bin re-renders
 * nothing but the position.
 */
export function useCrosshairTooltip(
  parts: RefObject<{ readonly chart: IChartApi; readonly series: ISeriesApi<'Candlestick'> } | null>,
  clusters: ClusterWire | null,
  position: PositionView | null,
  tickSize: number,
  venueShares = false,
): TooltipModel | null {
  const [model, setModel] = useState<TooltipModel | null>(null);
  const latest = useRef({ clusters, position, tickSize, venueShares });
  latest.current = { clusters, position, tickSize, venueShares };
  useEffect(() => {
    const p = parts.current;
    if (p === null) return undefined;
    const onMove = (param: MouseEventParams<Time>): void => {
      const point = param.point;
      const { clusters: wire, position: held, tickSize: tick, venueShares: shares } = latest.current;
      if (point === undefined || wire === null) {
        setModel(null);
        return;
      }
      const price = p.series.coordinateToPrice(point.y);
      const bin = price === null ? null : findMapBin(wire.map.bins, price);
      const lines = bin === null ? [] : binTooltipLines(bin, wire.map.leverages, tick);
      const liquidation = held?.exchangeLiquidationPrice ?? held?.computedLiquidationPrice ?? null;
      const liqY = liquidation === null ? null : p.series.priceToCoordinate(liquidation);
      const selfCheck =
        held !== null && held !== undefined && liqY !== null && Math.abs(liqY - point.y) <= lineHitPx
          ? selfCheckText(held)
          : null;
      if (lines.length === 0 && selfCheck === null) {
        setModel(null);
        return;
      }
      const venueLines = shares && bin !== null ? venueShareLines(bin) : [];
      setModel({ x: point.x, y: point.y, lines, venueLines, selfCheck });
    };
    p.chart.subscribeCrosshairMove(onMove);
    return () => p.chart.unsubscribeCrosshairMove(onMove);
  }, [parts]);
  return model;
}

/**
 * The tooltip box, placed beside the cursor where it fits inside the chart body (`placeTooltip`):
 * measured after each render and moved before the browser paints, so it never wraps against the
 * chart's right edge nor leaves its bottom.
 */
export function ChartTooltip(props: { readonly tooltip: TooltipModel | null }): ReactElement | null {
  const tooltip = props.tooltip;
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = box.current,
      body = element?.parentElement;
    if (tooltip === null || element === null || body === null || body === undefined) return;
    const place = placeTooltip(
      { x: tooltip.x, y: tooltip.y },
      { width: element.offsetWidth, height: element.offsetHeight },
      { width: body.clientWidth, height: body.clientHeight },
    );
    element.style.left = `${place.left}px`;
    element.style.top = `${place.top}px`;
  }, [tooltip]);
  if (tooltip === null) return null;
  return (
    <div ref={box} className="chart-tooltip" role="tooltip" data-testid="chart-tooltip">
      {tooltip.selfCheck !== null && (
        <div className="chart-tooltip__check">
          <strong>Liquidation</strong> {tooltip.selfCheck}
        </div>
      )}
      {tooltip.lines.map((line) => (
        <div key={line} className="chart-tooltip__line" data-side={line.includes(' of long ') ? 'long' : 'short'}>
          {line}
        </div>
      ))}
      {tooltip.venueLines.map((line) => (
        <div key={line} className="chart-tooltip__venues" data-testid="tooltip-venue-shares">
          {line}
        </div>
      ))}
      {tooltip.lines.length > 0 && (
        <div className="chart-tooltip__note">
          {tooltip.venueLines.length > 0
            ? "Summed across venues: each venue's estimate, or its measured map"
            : 'Estimated from open interest and taker flow'}
        </div>
      )}
    </div>
  );
}
