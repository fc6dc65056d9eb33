import type { ReactElement } from 'react';
import {
  mapLegendSkillText,
  recordedSkillText,
  shippedMeasuredSkill,
  type RecordedSkill,
} from '../../../../shared/clusters/measured-skill';
import type { MeasuredMapWire } from '../../../../shared/ipc/views/clusters';
import { Segmented } from '../../ui';
import { coverageText, mapKindLabels, mapKinds, type MapKind } from './shown-map';

/** Props of `MapSourceBar`. */
export interface MapSourceBarProps {
  readonly kind: MapKind;
  readonly onKindChange: (kind: MapKind) => void;
  /** The market's measured map; null where the venue keeps positions private (the bar then only names the estimate). */
  readonly measured: MeasuredMapWire | null;
  /**
   * The estimate measured on the app's own recordings of the charted market (null: not measured
   * yet); undefined where no single recorded market is shown.
   */
  readonly recorded?: RecordedSkill | null;
}

/**
 * Says which map the chart draws, how good it is and how much it covers: "Measured map · measured
 * from positions read on the venue, not modelled · 412 addresses, $38M of $120M open interest, 32 % ·
 * reads up to 40 s old", or "Estimated map · rank 0.67 out-of-sample, 90 days (move size x OI 0.72)
 * · modelled from open interest" (the skill from `measured-skill.json`, its source in the title),
 * the estimate's skill on the user's own recordings beside it ("rank 0.64 over 6 days of your
 * recordings; move x OI 0.62", or "not measured on your recordings yet (2 of 5 days)").
 * Where a measured map exists, it also switches between the two.
 */
export function MapSourceBar({ kind, onKindChange, measured, recorded }: MapSourceBarProps): ReactElement {
  const shownKind = kind === 'measured' && measured !== null ? 'measured' : 'estimated';
  const text =
    shownKind === 'measured' && measured !== null
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
        <strong>{shownKind === 'measured' ? 'Measured map' : 'Estimated map'}</strong>{' '}
        <span
          className="map-source__skill"
          data-testid="map-skill"
          title={shownKind === 'estimated' ? shippedMeasuredSkill?.source : undefined}
        >
          {mapLegendSkillText(shownKind, shippedMeasuredSkill)}
        </span>
        {shownKind === 'estimated' && recorded !== undefined && (
          <span className="map-source__skill" data-testid="map-recorded-skill">
            {' · '}
            {recordedSkillText(recorded)}
          </span>
        )}
        <span className="map-source__sep" aria-hidden="true">
          {' · '}
        </span>
        <span data-testid="map-coverage">{text}</span>
      </span>
    </div>
  );
}
