import { useMemo, type ReactElement } from 'react';
import { imbalance, type Profile } from '../../../../shared/clusters';
import {
  imbalanceBias,
  imbalanceText,
  imbalanceWindowKeys,
  imbalanceWindowLabels,
  imbalanceWindowOf,
  type ImbalanceWindowKey,
} from './imbalance-text';
import { Segmented } from '../../ui';
import { formatPrice } from '../positions/format';

/** Props of `ImbalanceBadge`. */
export interface ImbalanceBadgeProps {
  readonly profile: Profile;
  readonly markPrice: number;
  readonly tickSize: number;
  readonly window: ImbalanceWindowKey;
  readonly onWindowChange: (window: ImbalanceWindowKey) => void;
}

/**
 * "$23B shorts above vs $2.6B longs below: 8.8:1" for the chosen window (shared/clusters
 * `imbalance` on the current profile), with the window's bounds in the title.
 */
export function ImbalanceBadge(props: ImbalanceBadgeProps): ReactElement {
  const { profile, markPrice, window } = props;
  const result = useMemo(() => imbalance(profile, markPrice, imbalanceWindowOf(window)), [profile, markPrice, window]);
  const bias = imbalanceBias(result);
  const bounds = `Short liquidations up to ${formatPrice(result.upTo, props.tickSize)}, long liquidations down to ${formatPrice(result.downTo, props.tickSize)} (estimated)`;
  return (
    <div className="imbalance" data-bias={bias}>
      <span className="imbalance__text" title={bounds}>
        <span className="imbalance__arrow" aria-hidden="true">
          {bias === 'up' ? '▲' : bias === 'down' ? '▼' : '◆'}
        </span>
        <span data-testid="imbalance-badge">{imbalanceText(result)}</span>
      </span>
      <Segmented
        label="Imbalance window"
        size="sm"
        options={imbalanceWindowKeys}
        value={window}
        onChange={props.onWindowChange}
        labels={imbalanceWindowLabels}
        testId="imbalance-window"
      />
    </div>
  );
}
