import type { ReactElement } from 'react';
import type { AggregateMapWire } from '../../../../shared/ipc/views/clusters';
import { Segmented } from '../../ui';
import {
  aggregateHistoryText,
  aggregateMissingText,
  aggregatePartsText,
  mapScopeLabels,
  mapScopes,
  type MapScope,
} from './aggregate-shown';

/** Props of `MapScopeBar`. */
export interface MapScopeBarProps {
  readonly scope: MapScope;
  readonly onScopeChange: (scope: MapScope) => void;
  /** The coin's map across venues while "All venues" is on; null while it loads or when off. */
  readonly aggregate: AggregateMapWire | null;
  /** Why the map across venues could not be read; null otherwise. */
  readonly error: string | null;
}

/**
 * Switches the chart between this venue's map and the coin's across every venue read at the same
 * source, and, for the latter, says what it sums and what it lacks: "BTC across venues: Binance
 * $12M · Bybit $8.1M · OKX $5M · Hyperliquid $2M measured", and which venues its heatmap and
 * realized markers hold.
 */
export function MapScopeBar({ scope, onScopeChange, aggregate, error }: MapScopeBarProps): ReactElement {
  const missing = aggregate === null ? '' : aggregateMissingText(aggregate);
  return (
    <div className="map-scope" data-scope={scope} data-testid="map-scope-bar">
      <Segmented
        label="Map of"
        size="sm"
        options={mapScopes}
        value={scope}
        onChange={onScopeChange}
        labels={mapScopeLabels}
        testId="map-scope"
      />
      {scope === 'coin' && (
        <span className="map-scope__text" data-testid="map-scope-summary">
          {aggregate === null ? (
            (error ?? 'Summing the venues…')
          ) : (
            <>
              <strong>{aggregate.coin} across venues</strong> {aggregatePartsText(aggregate)}
              {missing !== '' && <span className="map-scope__missing"> · {missing}</span>}
            </>
          )}
        </span>
      )}
      {scope === 'coin' && aggregate !== null && (
        <span className="map-scope__text map-scope__history" data-testid="map-scope-history">
          {aggregateHistoryText(aggregate)}
        </span>
      )}
    </div>
  );
}
