import { useMemo, type ReactElement } from 'react';
import {
  imbalanceWindowKeys,
  imbalanceWindowLabels,
  type ImbalanceReading,
  type ImbalanceWindowKey,
} from './imbalance-text';
import { Segmented } from '../../ui';
import {
  imbalanceSkillText,
  mapSkillText,
  recordedSkillText,
  shippedMeasuredSkill,
  type RecordedSkill,
} from '../../../../shared/clusters/measured-skill';

/** Props of `ImbalanceBadge`. */
export interface ImbalanceBadgeProps {
  /** What to show for the current mark (`imbalanceReading`). */
  readonly reading: ImbalanceReading;
  readonly window: ImbalanceWindowKey;
  readonly onWindowChange: (window: ImbalanceWindowKey) => void;
  /** Whether the details (the window's bounds, the measured skill) show under the badge. */
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  /** The window's bounds around the mark (`imbalanceBounds`) while open; null while closed. */
  readonly bounds: string | null;
  /**
   * The map measured on the app's own recordings of the charted market (null: not measured yet);
   * undefined where the badge shows no recorded market.
   */
  readonly recorded?: RecordedSkill | null;
}

/**
 * "$23B shorts above vs $2.6B longs below: 8.8:1" for the chosen window, and the window selector.
 * The window's bounds around the mark, what the real-data scorecard measured of the imbalance and
 * the map (or "not measured yet"), and what the core measured of the map on the user's own
 * recordings of the market (`recordedSkillText`) open under the badge when it is pressed: standing
 * lines there would cover the newest candles at the chart's top right.
 */
export function ImbalanceBadge({
  reading,
  window,
  onWindowChange,
  open,
  onOpenChange,
  bounds,
  recorded,
}: ImbalanceBadgeProps): ReactElement {
  // The same element while the window stays: a new reading redraws the text, not the selector.
  const selector = useMemo(
    () => (
      <Segmented
        label="Imbalance window"
        size="sm"
        options={imbalanceWindowKeys}
        value={window}
        onChange={onWindowChange}
        labels={imbalanceWindowLabels}
        testId="imbalance-window"
      />
    ),
    [window, onWindowChange],
  );
  return (
    <div className="imbalance" data-bias={reading.bias}>
      <button
        type="button"
        className="imbalance__text"
        title="Press for the window's bounds and the measured skill"
        aria-expanded={open}
        aria-controls="imbalance-skill"
        onClick={() => onOpenChange(!open)}
      >
        <span className="imbalance__arrow" aria-hidden="true">
          {reading.bias === 'up' ? '▲' : reading.bias === 'down' ? '▼' : '◆'}
        </span>
        <span data-testid="imbalance-badge">{reading.text}</span>
      </button>
      {selector}
      {open && bounds !== null && (
        <span className="imbalance__skill muted" data-testid="imbalance-bounds">
          {bounds}
        </span>
      )}
      {open && (
        <span
          className="imbalance__skill muted"
          id="imbalance-skill"
          data-testid="imbalance-skill"
          title={shippedMeasuredSkill?.source}
        >
          {imbalanceSkillText(shippedMeasuredSkill)} · {mapSkillText(shippedMeasuredSkill)}
        </span>
      )}
      {open && recorded !== undefined && (
        <span className="imbalance__skill muted" data-testid="recorded-skill">
          {recordedSkillText(recorded)}
        </span>
      )}
    </div>
  );
}
