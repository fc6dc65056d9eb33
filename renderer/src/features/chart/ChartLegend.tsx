import type { ReactElement, ReactNode } from 'react';
import type { Freshness } from '../../../../shared/domain/freshness';
import type { PositionView } from '../../../../shared/ipc/views/positions';
import { FreshnessNote } from '../../ui';
import { formatPercent, formatPrice } from '../positions/format';
import { selfCheckText } from './self-check-text';

/** Props of `ChartLegend`. */
export interface ChartLegendProps {
  readonly title: string;
  /** The venue and its source when not production ("Binance · Demo"); empty while unknown. */
  readonly sourceName: string;
  readonly tickSize: number;
  readonly position: PositionView | null;
  readonly ghostLiquidationPrice: number | null;
  /**
   * The live mark and staleness (`LegendMark`, fed by the market store): its own component, so a
   * tick re-renders that and not the position's figures.
   */
  readonly mark: ReactNode;
  /** The OHLC and volume line of the candle under the cursor (`OhlcLegend`). */
  readonly ohlc?: ReactNode;
  /** Suggested stops, each with its price at the tick and its reason. */
  readonly stops?: readonly { readonly price: string; readonly reason: string }[];
  /** Why the nearest cluster's stop is not suggested (too close to the liquidation), or null. */
  readonly droppedStop?: string | null;
}

/**
 * The legend's mark, as text already formatted to the tick ("—" without a mark), and while the
 * feed is not live, where its data stands ("stale · last update 77 s ago · venue not answering: …").
 */
export function LegendMark({ price, freshness }: { readonly price: string; readonly freshness: Freshness }) {
  return (
    <>
      <span className="chart-legend__mark" data-testid="chart-mark">
        {price}
      </span>
      <span className="chart-legend__tag">Mark</span>
      <FreshnessNote freshness={freshness} className="chart-legend__stale" testId="chart-stale" />
    </>
  );
}

/**
 * The top-left legend: market, where it is read (venue and source), mark, staleness; the OHLC line;
 * the position's lines with the self-check on hover; the suggested stops with their reasons.
 */
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
        {props.mark}
      </div>
      {props.ohlc}
      {position !== null && (
        <div className="chart-legend__position">
          <span className={`chart-legend__side chart-legend__side--${position.side}`}>
            {position.side === 'long' ? 'Long' : 'Short'} {position.leverage === null ? '' : `${position.leverage}x`}
          </span>
          <span>Entry {formatPrice(position.entryPrice, tickSize)}</span>
          <span className="chart-legend__liq" title={selfCheckText(position)} data-testid="chart-liquidation">
            Liq {formatPrice(liquidation, tickSize)}
            <span className="chart-legend__distance">{formatPercent(position.distance)}</span>
            {/* A tick only for a check that ran and passed: no figure to check is no all-clear. */}
            {position.selfCheckOk !== null && (
              <span
                className={`chart-legend__check chart-legend__check--${position.selfCheckOk ? 'ok' : 'bad'}`}
                aria-label={selfCheckText(position)}
                data-testid="chart-self-check"
              >
                {position.selfCheckOk ? '✓' : '≠'}
              </span>
            )}
          </span>
          {props.ghostLiquidationPrice !== null && (
            <span className="chart-legend__ghost" data-testid="chart-ghost">
              What-if liq {formatPrice(props.ghostLiquidationPrice, tickSize)}
            </span>
          )}
        </div>
      )}
      {position !== null && (props.stops?.length ?? 0) > 0 && (
        <div className="chart-legend__stops">
          {props.stops?.map((stop, i) => (
            <span key={stop.price} className="chart-legend__stop" data-testid="chart-stop">
              {(props.stops?.length ?? 0) > 1 ? `Stop ${i + 1}` : 'Stop'} {stop.price}
              <span className="chart-legend__reason">{stop.reason}</span>
            </span>
          ))}
        </div>
      )}
      {position !== null && props.droppedStop !== undefined && props.droppedStop !== null && (
        <div className="chart-legend__stops chart-legend__stops--dropped" data-testid="chart-stop-dropped">
          {props.droppedStop}
        </div>
      )}
    </div>
  );
}
