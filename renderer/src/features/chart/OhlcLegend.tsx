import { useCallback, useEffect, useState, type ReactElement } from 'react';
import type { IChartApi, MouseEventParams, Time } from 'lightweight-charts';
import { allCandles, lastCandle, type MarketState } from '../market/market-state';
import { useMarketSelector, type MarketSource } from '../market/useMarket';
import { candleAtTime, ohlcFields } from './ohlc-text';

/**
 * The bar time (UTC s) under the crosshair; null when the cursor is off the chart or past the last
 * bar, where the legend shows the last candle.
 */
function useHoveredTime(chart: IChartApi | null): number | null {
  const [time, setTime] = useState<number | null>(null);
  useEffect(() => {
    if (chart === null) return undefined;
    const onMove = (param: MouseEventParams<Time>): void => {
      setTime(param.point === undefined || typeof param.time !== 'number' ? null : param.time);
    };
    chart.subscribeCrosshairMove(onMove);
    return () => chart.unsubscribeCrosshairMove(onMove);
  }, [chart]);
  return time;
}

/**
 * The OHLC and volume line of the candle under the cursor (the last candle when the cursor is off
 * the chart), under the legend. Only this component hears the crosshair and the live candle.
 */
export function OhlcLegend(props: {
  readonly source: MarketSource | null;
  /** The chart whose crosshair it follows; null until it is made. */
  readonly chart: IChartApi | null;
  readonly tickSize: number;
}): ReactElement | null {
  const time = useHoveredTime(props.chart);
  const candle = useMarketSelector(
    props.source,
    // Off the chart (while candles stream) the last bar is read without copying every bar per tick.
    useCallback(
      (state: MarketState) => (time === null ? lastCandle(state) : candleAtTime(allCandles(state), time)),
      [time],
    ),
  );
  if (candle === null) return null;
  return (
    <div
      className="chart-ohlc"
      data-testid="chart-ohlc"
      data-time={Math.floor(candle.openTimeMs / 1000)}
      data-hovered={time !== null || undefined}
    >
      {ohlcFields(candle, props.tickSize).map((field, i) => (
        <span key={field.label === '' ? `change-${i}` : field.label} data-tone={field.tone}>
          {i > 0 ? ' ' : ''}
          {field.label === '' ? '' : <span className="chart-ohlc__label">{field.label} </span>}
          {field.value}
        </span>
      ))}
    </div>
  );
}
