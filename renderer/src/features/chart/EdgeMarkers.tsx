import { useCallback, type ReactElement } from 'react';
import type { MarketState } from '../market/market-state';
import { useMarketSelector, type MarketSource } from '../market/useMarket';
import { edgeMarkerText } from './price-edge';

/** A line beyond the visible price range: which one, its name and price, and which edge it lies past. */
export interface EdgeLine {
  readonly id: 'liquidation' | 'ghost';
  readonly name: string;
  readonly price: number;
  readonly edge: 'above' | 'below';
}

function EdgeMarker({
  source,
  line,
  tickSize,
}: {
  readonly source: MarketSource | null;
  readonly line: EdgeLine;
  readonly tickSize: number;
}): ReactElement {
  // Only the text hears the mark, and it re-renders only when the distance's tenth of a percent moves.
  const text = useMarketSelector(
    source,
    useCallback(
      (state: MarketState) => edgeMarkerText(line.name, line.price, state.mark, tickSize),
      [line.name, line.price, tickSize],
    ),
  );
  return (
    <div className="chart-edge" data-testid={`chart-edge-${line.id}`} data-edge={line.edge} data-line={line.id}>
      {text ?? edgeMarkerText(line.name, line.price, null, tickSize)}
    </div>
  );
}

/**
 * Markers at the pane's top or bottom edge for the liquidation and what-if lines that lie beyond
 * the visible prices ("Liq 61,240 ▼ 18.4 %"): the price scale keeps them out when they would
 * squash the candles (`ScaleWatch`), and the trader still sees where and how far they are.
 */
export function EdgeMarkers(props: {
  readonly source: MarketSource | null;
  readonly lines: readonly EdgeLine[];
  readonly tickSize: number;
}): ReactElement {
  return (
    <>
      {props.lines.map((line) => (
        <EdgeMarker key={line.id} source={props.source} line={line} tickSize={props.tickSize} />
      ))}
    </>
  );
}
