import type { ReactElement } from 'react';
import type { BackfillState } from '../../../../shared/ipc/views/markets';

/** Props of `ChartStatus`. */
export interface ChartStatusProps {
  /** Why the market could not be opened, in plain words; null when it was. */
  readonly error: string | null;
  readonly backfill: BackfillState | null;
  readonly hasCandles: boolean;
  readonly symbolLabel: string;
}

/**
 * The designed states over the chart: loading (no market yet), backfill progress with its message,
 * backfill failure, and an error (over the whole chart when nothing was shown yet, in a corner over
 * candles kept from before). Returns the empty fragment when the chart has something to show.
 */
export function ChartStatus(props: ChartStatusProps): ReactElement | null {
  const { error, backfill, hasCandles } = props;
  if (error !== null && hasCandles) {
    // The candles already shown stay (dimmed as stale); the failure sits in the corner.
    return (
      <div className="chart-state chart-state--error chart-state--corner" role="alert" data-testid="chart-state">
        <strong>Could not refresh {props.symbolLabel}</strong>
        <span>{error}</span>
      </div>
    );
  }
  if (error !== null) {
    return (
      <div className="chart-state chart-state--error" role="alert" data-testid="chart-state">
        <strong>Could not load {props.symbolLabel}</strong>
        <span>{error}</span>
      </div>
    );
  }
  if (backfill?.state === 'failed') {
    return (
      <div
        className={`chart-state chart-state--error${hasCandles ? ' chart-state--corner' : ''}`}
        role="alert"
        data-testid="chart-state"
      >
        <strong>History incomplete</strong>
        <span>{backfill.message}</span>
      </div>
    );
  }
  if (backfill?.state === 'running') {
    const percent = Math.round(Math.max(0, Math.min(1, backfill.progress)) * 100);
    return (
      <div className={`chart-state${hasCandles ? ' chart-state--corner' : ''}`} role="status" data-testid="chart-state">
        <strong>Loading history · {percent} %</strong>
        <div
          className="chart-progress"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-label="Backfill progress"
        >
          <div className="chart-progress__bar" style={{ width: `${percent}%` }} />
        </div>
        <span>{backfill.message}</span>
      </div>
    );
  }
  if (!hasCandles) {
    return (
      <div className="chart-state" role="status" data-testid="chart-state">
        <span className="chart-state__spinner" aria-hidden="true" />
        <strong>Opening {props.symbolLabel}…</strong>
      </div>
    );
  }
  return null;
}
