import type { ReactElement } from 'react';
import type { PositionView } from '../../../../shared/ipc/views/positions';
import { formatPercent, formatPrice } from '../positions/format';
import { selfCheckText } from './self-check-text';

/** Props of `ChartLegend`. */
export interface ChartLegendProps {
  readonly title: string;
  /** The venue and its source when not production ("Binance · Demo"); empty while unknown. */
  readonly sourceName: string;
  readonly markPrice: number | null;
  readonly tickSize: number;
  readonly position: PositionView | null;
  readonly ghostLiquidationPrice: number | null;
  readonly stale: boolean;
  readonly updatedAtMs: number | null;
}

function timeText(ms: number | null): string {
  return ms === null ? 'never' : new Date(ms).toLocaleTimeString('en-GB', { hour12: false });
}

/** The top-left legend: market, where it is read (venue and source), mark, the position's lines with the self-check on hover, staleness. */
export function ChartLegend(props: ChartLegendProps): ReactElement {
  const { position, tickSize } = props;
  const liquidation = position?.exchangeLiquidationPrice ?? position?.computedLiquidationPrice ?? null;
  return (
    <div className="chart-legend">
      <div className="chart-legend__market">
        <span className="chart-legend__title">{props.title}</span>
        {props.sourceName !== '' && (
          <span className="chart-legend__source" data-testid="chart-source">
            {props.sourceName}
          </span>
        )}
        <span className="chart-legend__mark" data-testid="chart-mark">
          {formatPrice(props.markPrice, tickSize)}
        </span>
        <span className="chart-legend__tag">Mark</span>
        {props.stale && (
          <span
            className="chart-legend__stale"
            data-testid="chart-stale"
            title={`No update since ${timeText(props.updatedAtMs)}`}
          >
            Stale · {timeText(props.updatedAtMs)}
          </span>
        )}
      </div>
      {position !== null && (
        <div className="chart-legend__position">
          <span className={`chart-legend__side chart-legend__side--${position.side}`}>
            {position.side === 'long' ? 'Long' : 'Short'} {position.leverage === null ? '' : `${position.leverage}x`}
          </span>
          <span>Entry {formatPrice(position.entryPrice, tickSize)}</span>
          <span className="chart-legend__liq" title={selfCheckText(position)} data-testid="chart-liquidation">
            Liq {formatPrice(liquidation, tickSize)}
            <span className="chart-legend__distance">{formatPercent(position.distance)}</span>
            <span
              className={`chart-legend__check chart-legend__check--${position.selfCheckOk === false ? 'bad' : 'ok'}`}
              aria-label={selfCheckText(position)}
            >
              {position.selfCheckOk === false ? '≠' : '✓'}
            </span>
          </span>
          {props.ghostLiquidationPrice !== null && (
            <span className="chart-legend__ghost" data-testid="chart-ghost">
              What-if liq {formatPrice(props.ghostLiquidationPrice, tickSize)}
            </span>
          )}
        </div>
      )}
    </div>
  );
}
