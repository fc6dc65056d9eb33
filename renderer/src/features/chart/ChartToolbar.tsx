import type { ReactElement } from 'react';
import type { ChartTimeframe } from '../../../../shared/ipc/views/markets';
import { Button, Segmented, VisuallyHidden } from '../../ui';

/** A market the symbol switcher offers. */
export interface ChartSymbolOption {
  /** The venue's symbol (the value passed back through `onSymbolChange`). */
  readonly value: string;
  /** What the trader reads, e.g. "BTC/USDT · Binance". */
  readonly label: string;
}

/** The timeframes of the switcher, shortest first. */
export const chartTimeframes: readonly ChartTimeframe[] = ['1m', '5m', '15m', '1h', '4h'];

/** Props of `ChartToolbar`. */
export interface ChartToolbarProps {
  readonly symbols: readonly ChartSymbolOption[];
  readonly symbol: string;
  readonly onSymbolChange: (symbol: string) => void;
  readonly timeframe: ChartTimeframe;
  readonly onTimeframeChange: (timeframe: ChartTimeframe) => void;
  readonly showHeatmap: boolean;
  readonly onShowHeatmapChange: (show: boolean) => void;
  readonly onExportPng: () => void;
}

/** Symbol select, timeframe radio group, heatmap toggle and PNG export, all reachable by keyboard. */
export function ChartToolbar(props: ChartToolbarProps): ReactElement {
  return (
    <div className="chart-toolbar">
      <label className="chart-toolbar__symbol">
        <VisuallyHidden>Symbol</VisuallyHidden>
        <select
          value={props.symbol}
          onChange={(event) => props.onSymbolChange(event.target.value)}
          data-testid="chart-symbol"
        >
          {props.symbols.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <Segmented
        label="Timeframe"
        options={chartTimeframes}
        value={props.timeframe}
        onChange={props.onTimeframeChange}
        testId="chart-timeframe"
      />
      <span className="chart-toolbar__spacer" />
      <Button
        variant="ghost"
        size="sm"
        aria-pressed={props.showHeatmap}
        onClick={() => props.onShowHeatmapChange(!props.showHeatmap)}
        data-testid="chart-heatmap-toggle"
      >
        <span className="chart-toggle__swatch" aria-hidden="true" />
        Heatmap
      </Button>
      <Button variant="ghost" size="sm" onClick={props.onExportPng} title="Save the chart as a PNG image">
        PNG
      </Button>
    </div>
  );
}
