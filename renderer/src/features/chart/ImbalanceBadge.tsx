import { useMemo, type ReactElement } from 'react';
import {
  imbalanceWindowKeys,
  imbalanceWindowLabels,
  type ImbalanceReading,
  type ImbalanceWindowKey,
} from './imbalance-text';
import { Segmented } from '../../ui';

/** Props of `ImbalanceBadge`. */
export interface ImbalanceBadgeProps {
  /** What to show for the current mark (`imbalanceReading`). */
  readonly reading: ImbalanceReading;
  readonly window: ImbalanceWindowKey;
  readonly onWindowChange: (window: ImbalanceWindowKey) => void;
}

/**
 * "$23B shorts above vs $2.6B longs below: 8.8:1" for the chosen window, with the window's bounds
 * in the title, and the window selector.
 */
export function ImbalanceBadge({ reading, window, onWindowChange }: ImbalanceBadgeProps): ReactElement {
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
      <span className="imbalance__text" title={reading.bounds}>
        <span className="imbalance__arrow" aria-hidden="true">
          {reading.bias === 'up' ? '▲' : reading.bias === 'down' ? '▼' : '◆'}
        </span>
        <span data-testid="imbalance-badge">{reading.text}</span>
      </span>
      {selector}
    </div>
  );
}
