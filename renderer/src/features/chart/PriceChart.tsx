import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import {
  CandlestickSeries,
  createChart,
  createSeriesMarkers,
  type IChartApi,
  type IPriceLine,
  type ISeriesApi,
  type ISeriesMarkersPluginApi,
  type Time,
} from 'lightweight-charts';
import type { ClusterWire } from '../../../../shared/ipc/views/clusters';
import type { ChartTimeframe, MarketUpdate, MarketView } from '../../../../shared/ipc/views/markets';
import type { PositionView } from '../../../../shared/ipc/views/positions';
import type { Theme } from '../../../../shared/ipc/views/settings';
import { timeframeMs } from '../../../../shared/domain/timeframe';
import { candleForSeries, candlesForSeries } from './candles-for-series';
import { readChartColors, type ChartColors } from './chart-colors';
import { candleOptions, chartOptions } from './chart-options';
import { ChartLegend } from './ChartLegend';
import { ChartStatus } from './ChartStatus';
import { ChartToolbar, type ChartSymbolOption } from './ChartToolbar';
import { ChartTooltip, useCrosshairTooltip } from './ChartTooltip';
import { ClusterPrimitive, type OverlayState } from './cluster-primitive';
import { heatPalette, heatRamps } from './heat-colors';
import { ImbalanceBadge } from './ImbalanceBadge';
import type { ImbalanceWindowKey } from './imbalance-text';
import { syncPriceLines } from './price-lines';
import { priceLineSpecs, type ThresholdLine } from './price-line-specs';
import { profileFromWire } from './profile-from-wire';
import { realizedMarkers } from './realized-markers';
import './chart.css';

/** What the chart exposes once created: for PNG export, the harness's probes and e2e state. */
export interface PriceChartHandle {
  readonly chart: IChartApi;
  readonly series: ISeriesApi<'Candlestick'>;
  overlayState(): OverlayState;
  /** Hears the end of every overlay draw (null to stop). */
  setOnOverlayDrawn(listener: (() => void) | null): void;
}

/** Props of `PriceChart`. Everything is controlled; the chart itself is created once per mount. */
export interface PriceChartProps {
  /** The opened market (`market:open`); null while opening. */
  readonly market: MarketView | null;
  /** Why the market could not be opened, in plain words. */
  readonly error?: string | null;
  /** Live updates, e.g. `bridge.onMarketUpdate`; those of other markets or timeframes are ignored. */
  readonly subscribeUpdates?: (listener: (update: MarketUpdate) => void) => () => void;
  readonly symbols: readonly ChartSymbolOption[];
  readonly symbol: string;
  readonly onSymbolChange: (symbol: string) => void;
  readonly timeframe: ChartTimeframe;
  readonly onTimeframeChange: (timeframe: ChartTimeframe) => void;
  /** The selected position on this market (entry, break-even and liquidation lines). */
  readonly position?: PositionView | null;
  /** Taker fee rate to close, fraction; the break-even line is drawn only when it is known. */
  readonly closeFeeRate?: number | null;
  /** The what-if result's liquidation price, drawn as a ghost line beside the real one. */
  readonly ghostLiquidationPrice?: number | null;
  readonly thresholdLines?: readonly ThresholdLine[];
  /** Heatmap behind the candles; uncontrolled (default on) when omitted. */
  readonly showHeatmap?: boolean;
  readonly onShowHeatmapChange?: (show: boolean) => void;
  /** The app's theme: colours are re-read from CSS when it changes. */
  readonly theme?: Theme;
  /** Hears the chart's handle after creation, and null on unmount. */
  readonly onReady?: (handle: PriceChartHandle | null) => void;
}

interface ChartParts {
  readonly chart: IChartApi;
  readonly series: ISeriesApi<'Candlestick'>;
  readonly overlay: ClusterPrimitive;
  readonly markers: ISeriesMarkersPluginApi<Time>;
  readonly lines: Map<string, IPriceLine>;
  /** Bar open times (UTC s) mirrored for the overlay's time → x mapping. */
  times: Float64Array;
  count: number;
  /** When React last heard the mark (performance.now ms), and the staleness it holds. */
  liveAtMs: number;
  stale: boolean;
}

const noThresholds: readonly ThresholdLine[] = [];
/** Bars shown when a market opens: enough context, candles still readable. */
const initialBars = 160;

function paletteFor(colors: ChartColors): string[] {
  return heatPalette(heatRamps[colors.theme]);
}

/**
 * The trading chart: mark-price candles with the position's lines and the cluster overlay
 * (profile, heatmap, cascade bands, realized markers), the imbalance badge and a crosshair tooltip.
 * The lightweight-charts instance is made once per mount and removed on unmount; new data is
 * streamed into it (`series.update`), never a new chart.
 */
export function PriceChart(props: PriceChartProps): ReactElement {
  const {
    market,
    timeframe,
    position = null,
    ghostLiquidationPrice = null,
    closeFeeRate = null,
    thresholdLines = noThresholds,
    onReady,
  } = props;
  const host = useRef<HTMLDivElement>(null);
  const parts = useRef<ChartParts | null>(null);
  const [colors, setColors] = useState<ChartColors | null>(null);
  const [clusters, setClusters] = useState<ClusterWire | null>(market?.clusters ?? null);
  const [live, setLive] = useState({
    mark: market?.markPrice ?? null,
    stale: market?.stale ?? false,
    updatedAtMs: market?.updatedAtMs ?? null,
    backfill: market?.backfill ?? null,
  });
  const [imbalanceWindow, setImbalanceWindow] = useState<ImbalanceWindowKey>('10pct');
  const [heatmapOwn, setHeatmapOwn] = useState(true);
  const showHeatmap = props.showHeatmap ?? heatmapOwn;
  const tickSize = market?.tickSize ?? position?.tickSize ?? 0.01;

  // Create once per mount.
  useEffect(() => {
    const element = host.current;
    if (element === null) return undefined;
    const initial = readChartColors(element);
    const chart = createChart(element, chartOptions(initial));
    const series = chart.addSeries(CandlestickSeries, candleOptions(initial));
    const overlay = new ClusterPrimitive(initial.overlay, paletteFor(initial));
    series.attachPrimitive(overlay);
    const markers = createSeriesMarkers(series, []);
    parts.current = {
      chart,
      series,
      overlay,
      markers,
      lines: new Map(),
      times: new Float64Array(0),
      count: 0,
      liveAtMs: 0,
      stale: false,
    };
    setColors(initial);
    onReady?.({
      chart,
      series,
      overlayState: () => overlay.state(),
      setOnOverlayDrawn: (listener) => overlay.setOnDrawn(listener),
    });
    return () => {
      onReady?.(null);
      parts.current = null;
      chart.remove();
    };
    // onReady is read at mount only: the chart is never re-created for a new callback.
  }, []);

  // Theme: re-read the CSS variables and restyle in place.
  useEffect(() => {
    const p = parts.current,
      element = host.current;
    if (p === null || element === null || props.theme === undefined) return;
    const next = readChartColors(element);
    p.chart.applyOptions(chartOptions(next));
    p.series.applyOptions(candleOptions(next));
    p.overlay.setColors(next.overlay, paletteFor(next));
    setColors(next);
  }, [props.theme]);

  // A new snapshot (market opened, symbol or timeframe switched): replace the data, keep the chart.
  useEffect(() => {
    const p = parts.current;
    setClusters(market?.clusters ?? null);
    setLive({
      mark: market?.markPrice ?? null,
      stale: market?.stale ?? false,
      updatedAtMs: market?.updatedAtMs ?? null,
      backfill: market?.backfill ?? null,
    });
    if (p === null) return;
    p.stale = market?.stale ?? false;
    const bars = candlesForSeries(market?.candles ?? []);
    p.times = new Float64Array(Math.max(64, bars.length * 2));
    bars.forEach((bar, i) => {
      p.times[i] = bar.time;
    });
    p.count = bars.length;
    const decimals = tickSize < 1 ? Math.round(-Math.log10(tickSize)) : 0;
    p.series.applyOptions({ priceFormat: { type: 'price', precision: decimals, minMove: tickSize } });
    p.series.setData(bars);
    p.overlay.setBarTimes(p.times, p.count, timeframeMs[market?.timeframe ?? timeframe] / 1000);
    p.overlay.setMark(market?.markPrice ?? null);
    if (bars.length > 0)
      p.chart
        .timeScale()
        .setVisibleLogicalRange({ from: Math.max(0, bars.length - initialBars), to: bars.length + 28 });
  }, [market, timeframe, tickSize]);

  // Live updates: candles straight into the series; clusters, staleness and backfill into state.
  const subscribe = props.subscribeUpdates;
  const venue = market?.venue,
    symbol = market?.symbol,
    marketTimeframe = market?.timeframe;
  useEffect(() => {
    if (subscribe === undefined || symbol === undefined) return undefined;
    return subscribe((update) => {
      const p = parts.current;
      if (p === null || update.venue !== venue || update.symbol !== symbol || update.timeframe !== marketTimeframe)
        return;
      if (update.candle !== null) {
        const bar = candleForSeries(update.candle);
        const last = p.count > 0 ? (p.times[p.count - 1] ?? 0) : -Infinity;
        if (bar.time >= last) {
          p.series.update(bar);
          if (bar.time > last) {
            if (p.count >= p.times.length) {
              const grown = new Float64Array(p.times.length * 2);
              grown.set(p.times);
              p.times = grown;
            }
            p.times[p.count++] = bar.time;
            p.overlay.setBarTimes(p.times, p.count, timeframeMs[update.timeframe] / 1000);
          }
        }
      }
      if (update.markPrice !== null) p.overlay.setMark(update.markPrice);
      if (update.clusters !== undefined) setClusters(update.clusters);
      // React hears the mark at most once a second, or at once for staleness, backfill or clusters:
      // the legend may lag a tick, the chart's own price label (drawn by the series) never does.
      const now = performance.now();
      const due = now - p.liveAtMs >= 1000;
      if (due || update.backfill !== undefined || update.clusters !== undefined || update.stale !== p.stale) {
        p.liveAtMs = now;
        p.stale = update.stale;
        setLive((prev) => ({
          mark: update.markPrice ?? prev.mark,
          stale: update.stale,
          updatedAtMs: update.updatedAtMs,
          backfill: update.backfill ?? prev.backfill,
        }));
      }
    });
  }, [subscribe, venue, symbol, marketTimeframe]);

  const profile = useMemo(
    () => (clusters === null ? null : profileFromWire(clusters.profile, clusters.binSize)),
    [clusters],
  );

  useEffect(() => {
    parts.current?.overlay.setClusters(profile, clusters?.heatmap ?? null);
  }, [profile, clusters]);

  useEffect(() => {
    parts.current?.overlay.setShowHeatmap(showHeatmap);
  }, [showHeatmap]);

  useEffect(() => {
    const p = parts.current;
    if (p === null || colors === null) return;
    const candles = market?.candles ?? [];
    const range = { fromMs: candles[0]?.openTimeMs ?? 0, toMs: candles.at(-1)?.openTimeMs ?? 0 };
    p.markers.setMarkers(
      clusters === null || candles.length === 0
        ? []
        : realizedMarkers(clusters.realized, timeframeMs[marketTimeframe ?? timeframe], colors.overlay, range),
    );
  }, [clusters, colors, market, marketTimeframe, timeframe]);

  // Position lines and the ghost: updated in place, so a slider only moves one line.
  useEffect(() => {
    const p = parts.current;
    if (p === null || colors === null) return;
    syncPriceLines(
      p.series,
      p.lines,
      priceLineSpecs({ position, closeFeeRate, ghostLiquidationPrice, thresholdLines }, colors.lines),
    );
    const liquidation = position?.exchangeLiquidationPrice ?? position?.computedLiquidationPrice ?? null;
    p.overlay.setTargets(liquidation, ghostLiquidationPrice);
  }, [position, closeFeeRate, ghostLiquidationPrice, thresholdLines, colors]);

  const tooltip = useCrosshairTooltip(parts, clusters, position, tickSize);
  const title =
    market === null
      ? (props.symbols.find((s) => s.value === props.symbol)?.label ?? props.symbol)
      : `${market.displaySymbol} · ${timeframe}`;
  const hasCandles = (market?.candles.length ?? 0) > 0;
  const noClusters = hasCandles && (clusters === null || clusters.map.bins.length === 0);

  return (
    <section
      className={`price-chart${live.stale ? ' price-chart--stale' : ''}`}
      aria-label="Price chart"
      data-testid="price-chart"
      data-stale={live.stale || undefined}
    >
      <ChartToolbar
        symbols={props.symbols}
        symbol={props.symbol}
        onSymbolChange={props.onSymbolChange}
        timeframe={timeframe}
        onTimeframeChange={props.onTimeframeChange}
        showHeatmap={showHeatmap}
        onShowHeatmapChange={props.onShowHeatmapChange ?? setHeatmapOwn}
        onExportPng={() => exportPng(parts.current?.chart ?? null, title)}
      />
      <div className="price-chart__body">
        <div className="price-chart__canvas" ref={host} data-testid="price-chart-canvas" />
        <ChartLegend
          title={title}
          markPrice={live.mark}
          tickSize={tickSize}
          position={position}
          ghostLiquidationPrice={ghostLiquidationPrice}
          stale={live.stale}
          updatedAtMs={live.updatedAtMs}
        />
        {profile !== null && live.mark !== null && !noClusters && (
          <ImbalanceBadge
            profile={profile}
            markPrice={live.mark}
            tickSize={tickSize}
            window={imbalanceWindow}
            onWindowChange={setImbalanceWindow}
          />
        )}
        {noClusters && live.backfill?.state !== 'running' && (
          <div className="chart-note" role="status" data-testid="chart-no-clusters">
            <strong>No clusters yet</strong> The estimate builds as open interest changes; it fills in within minutes.
          </div>
        )}
        <ChartTooltip tooltip={tooltip} />
        <ChartStatus error={props.error ?? null} backfill={live.backfill} hasCandles={hasCandles} symbolLabel={title} />
      </div>
    </section>
  );
}

/** Saves the chart (with the overlay) as a PNG the browser downloads. */
function exportPng(chart: IChartApi | null, title: string): void {
  if (chart === null) return;
  const link = document.createElement('a');
  link.href = chart.takeScreenshot(true).toDataURL('image/png');
  link.download = `liqlens-${title.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}.png`;
  link.click();
}
