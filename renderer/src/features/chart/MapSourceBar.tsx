import type { ReactElement } from 'react';
import type { MeasuredMapWire } from '../../../../shared/ipc/views/clusters';
import { Segmented } from '../../ui';
import { coverageText, mapKindLabels, mapKinds, type MapKind } from './shown-map';

/** Props of `MapSourceBar`. */
export interface MapSourceBarProps {
  readonly kind: MapKind;
  readonly onKindChange: (kind: MapKind) => void;
  /** The market's measured map; null where the venue keeps positions private (the bar then only names the estimate). */
  readonly measured: MeasuredMapWire | null;
}

/**
 * Says which map the chart draws, and how much it covers: "Measured map · 412 addresses, $38M of
 * $120M open interest, 32 % · reads up to 40 s old", or "Estimated map · modelled from open
 * interest". Where a measured map exists, it also switches between the two.
 */
export function MapSourceBar({ kind, onKindChange, measured }: MapSourceBarProps): ReactElement {
  const text =
    kind === 'measured' && measured !== null
      ? coverageText(measured)
      : 'modelled from open interest and taker flow, not measured';
  return (
    <div className="map-source" data-kind={kind} data-testid="map-source">
      {measured !== null && (
        <Segmented
          label="Liquidation map"
          size="sm"
          options={mapKinds}
          value={kind}
          onChange={onKindChange}
          labels={mapKindLabels}
          testId="map-kind"
        />
      )}
      <span className="map-source__text">
        <strong>{kind === 'measured' ? 'Measured map' : 'Estimated map'}</strong>{' '}
        <span data-testid="map-coverage">{text}</span>
      </span>
    </div>
  );
}
