import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { CandlestickSeries, createChart, type IChartApi, type ISeriesApi } from 'lightweight-charts';
import type { ChartTimeframe } from '../../../../shared/ipc/views/markets';
import type { PositionView } from '../../../../shared/ipc/views/positions';
import type { Theme } from '../../../../shared/ipc/views/settings';
import { timeframeMs } from '../../../../shared/domain/timeframe';
import { demoSource, marketSourceName } from '../../../../shared/domain/market-source';
import { placeStops } from '../../../../shared/clusters/suggested-stops';
import { allCandles } from '../market/market-state';
import { shownLiquidationPrice } from '../positions/shown-liquidation';
import { useMarketField, type MarketSource } from '../market/useMarket';
import { readChartColors, type ChartColors } from './chart-colors';
import { candleOptions, chartOptions } from './chart-options';
import { initialBars, setBars, type ChartParts } from './chart-parts';
import { LiveBars, LiveImbalance, LiveLegend } from './ChartLive';
import { ChartStatus } from './ChartStatus';
import { ChartToolbar, type ChartSymbolOption } from './ChartToolbar';
import { ChartTooltip, useCrosshairTooltip } from './ChartTooltip';
import { ClusterPrimitive, type OverlayState } from './cluster-primitive';
import { heatPalette, heatRamps } from './heat-colors';
import type { ImbalanceWindowKey } from './imbalance-text';
import { priceLineSpecs, type PriceLineSpec, type ThresholdLine } from './price-line-specs';
import { realizedMarkers } from './realized-markers';
import { RealizedMarks } from './realized-primitive';
import { MapSourceBar } from './MapSourceBar';
import { MapScopeBar } from './MapScopeBar';
import { shownAggregate, type MapScope } from './aggregate-shown';
import { useAggregateMap } from './useAggregateMap';
import { useMarketKey } from '../market/useMarketKey';
import { drawnMaps } from '../market/drawn-map';
import { measuredOverlay, shownMap, type MapKind, type ShownMap } from './shown-map';
import { EdgeMarkers } from './EdgeMarkers';
import { OhlcLegend } from './OhlcLegend';
import { captionedCanvas, downloadCaptionedPng, type ExportCaption } from './png-export';
import { paintOverlays } from './png-overlays';
import { ScaleWatch } from './scale-watch';
import { droppedStopText, stopReasonText } from './stop-text';
import { formatPrice } from '../positions/format';
import { useScaleLayout, type EdgeTarget } from './useScaleLayout';
import './chart.css';

/** What the chart exposes once created: for PNG export, the harness's probes and e2e state. */
export interface PriceChartHandle {
  readonly chart: IChartApi;
  readonly series: ISeriesApi<'Candlestick'>;
  overlayState(): OverlayState;
  /** Hears the end of every overlay draw (null to stop). */
  setOnOverlayDrawn(listener: (() => void) | null): void;
  /** The titles of the price lines drawn now, one per line, whether or not its label was merged into a neighbour's. */
  lineTitles(): string[];
  /** The price axis labels shown now, with their titles (merged ones read "Entry · BE"). */
  axisLabels(): { title: string; price: number }[];
  /** The realized-liquidation markers the last draw placed (centre, radius, above or below the bar). */
  realizedMarks(): { x: number; y: number; radius: number; above: boolean }[];
}

/**
 * Props of `PriceChart`. Everything is controlled; the chart itself is created once per mount. It
 * draws what the market store holds and never talks to the bridge.
 */
export interface PriceChartProps {
  /** The shown market in the store (snapshot, live candles, mark, clusters, backfill, staleness); null: none. */
  readonly source: MarketSource | null;
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

const noThresholds: readonly ThresholdLine[] = [];
/** What the chart draws while the map across venues is on its way: nothing, rather than one venue's map under its name. */
const noMap: ShownMap = { kind: 'estimated', clusters: null, profile: null };

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
    source,
    timeframe,
    position = null,
    ghostLiquidationPrice = null,
    closeFeeRate = null,
    thresholdLines = noThresholds,
    onReady,
  } = props;
  const host = useRef<HTMLDivElement>(null);
  const parts = useRef<ChartParts | null>(null);
  const shownSpecs = useRef<readonly PriceLineSpec[]>([]);
  const [colors, setColors] = useState<ChartColors | null>(null);
  // The chart once made: children that subscribe to it mount before the parent's effect makes it.
  const [chartApi, setChartApi] = useState<IChartApi | null>(null);
  // Fields that change rarely; the fast ones (live candle, mark) are read by the Live* children.
  const market = useMarketField(source, 'snapshot');
  const clusters = useMarketField(source, 'clusters');
  const estimatedProfile = useMarketField(source, 'profile');
  const measured = useMarketField(source, 'measured');
  const recordedSkill = useMarketField(source, 'recordedSkill');
  // null: the measured map where there is one; the user may pick the estimate instead.
  const [mapChoice, setMapChoice] = useState<MapKind | null>(null);
  // This venue's map, or the coin's across venues (asked of the core; nothing is summed here).
  const [scope, setScope] = useState<MapScope>('venue');
  const key = useMarketKey(source);
  const { aggregate, error: aggregateError } = useAggregateMap(source, key, scope === 'coin');
  const shown = useMemo(
    () =>
      scope === 'venue'
        ? shownMap(mapChoice, clusters, estimatedProfile, measured)
        : aggregate === null
          ? noMap
          : shownAggregate(aggregate),
    [scope, aggregate, mapChoice, clusters, estimatedProfile, measured],
  );
  const profile = shown.profile;
  // The what-if reads the map drawn here when it is not the venue's estimate, so both give one figure.
  useEffect(() => {
    if (key === null) return undefined;
    drawnMaps.set(key, profile !== null && profile !== estimatedProfile ? profile : null);
    return () => drawnMaps.set(key, null);
  }, [key, profile, estimatedProfile]);
  const backfill = useMarketField(source, 'backfill');
  const stale = useMarketField(source, 'stale') ?? false;
  const error = useMarketField(source, 'error');
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
    const scale = new ScaleWatch();
    series.attachPrimitive(scale);
    const markers = new RealizedMarks();
    series.attachPrimitive(markers);
    parts.current = {
      chart,
      series,
      overlay,
      scale,
      markers,
      lines: new Map(),
      times: new Float64Array(0),
      count: 0,
      cancelOlder: null,
    };
    setColors(initial);
    setChartApi(chart);
    onReady?.({
      chart,
      series,
      overlayState: () => overlay.state(),
      realizedMarks: () => markers.placedMarks(),
      setOnOverlayDrawn: (listener) => overlay.setOnDrawn(listener),
      lineTitles: () => shownSpecs.current.map((spec) => spec.title),
      axisLabels: () =>
        series
          .priceLines()
          .map((line) => line.options())
          .filter((options) => options.axisLabelVisible)
          .map((options) => ({ title: options.title, price: options.price })),
    });
    return () => {
      onReady?.(null);
      parts.current?.cancelOlder?.();
      parts.current = null;
      chart.remove();
    };
    // onReady is read at mount only: the chart is never re-created for a new callback.
  }, []);

  // The cascade bands' labels stay below the HTML legend (title, OHLC, position, stops): its bottom
  // over the pane, read again whenever the legend's size changes.
  useEffect(() => {
    const canvas = host.current;
    const legend = canvas?.parentElement?.querySelector<HTMLElement>('.chart-legend') ?? null;
    const overlay = parts.current?.overlay;
    if (canvas === null || legend === null || overlay === undefined) return undefined;
    const observer = new ResizeObserver(() =>
      overlay.setReservedTop(Math.max(0, legend.getBoundingClientRect().bottom - canvas.getBoundingClientRect().top)),
    );
    observer.observe(legend);
    return () => observer.disconnect();
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
    if (p === null) return;
    const decimals = tickSize < 1 ? Math.round(-Math.log10(tickSize)) : 0;
    p.series.applyOptions({ priceFormat: { type: 'price', precision: decimals, minMove: tickSize } });
    // Live candles that came in before this draw are drawn with the snapshot's.
    const state = source?.get() ?? null;
    const count = setBars(p, state === null ? [] : allCandles(state), market?.timeframe ?? timeframe);
    p.overlay.setMark(state?.mark ?? null);
    if (count > 0)
      p.chart.timeScale().setVisibleLogicalRange({ from: Math.max(0, count - initialBars), to: count + 28 });
  }, [source, market, timeframe, tickSize]);

  useEffect(() => {
    parts.current?.overlay.setClusters(profile, shown.clusters?.heatmap ?? null);
  }, [profile, shown]);

  // A measured map is drawn in its own colours, so it is never taken for an estimate.
  useEffect(() => {
    if (colors === null) return;
    const overlay = shown.kind === 'measured' ? measuredOverlay(colors.overlay, host.current) : colors.overlay;
    parts.current?.overlay.setColors(overlay, paletteFor(colors));
  }, [shown.kind, colors]);

  useEffect(() => {
    parts.current?.overlay.setShowHeatmap(showHeatmap);
  }, [showHeatmap]);

  // The shown map's realized liquidations: this venue's, or every venue's with "All venues".
  const shownRealized = shown.clusters?.realized;
  useEffect(() => {
    const p = parts.current;
    if (p === null || colors === null) return;
    const candles = market?.candles ?? [];
    const range = { fromMs: candles[0]?.openTimeMs ?? 0, toMs: candles.at(-1)?.openTimeMs ?? 0 };
    p.markers.setMarkers(
      shownRealized === undefined || candles.length === 0
        ? []
        : realizedMarkers(shownRealized, timeframeMs[market?.timeframe ?? timeframe], colors.overlay, range),
      colors.overlay.labelBackground,
    );
  }, [shownRealized, colors, market, timeframe]);

  // Stops outside the clusters for the selected position, buffered by the charted candles' ATR.
  const liquidation = shownLiquidationPrice(position);
  const stopPlan = useMemo(
    () =>
      position === null || profile === null || market === null
        ? { stops: [], dropped: [] }
        : placeStops({
            side: position.side,
            markPrice: position.markPrice ?? market.markPrice ?? 0,
            liquidationPrice: liquidation,
            profile,
            bars: market.candles,
          }),
    [position, profile, market, liquidation],
  );
  const stops = stopPlan.stops;

  // Position lines, the ghost and the stops: updated in place, so a slider only moves one line;
  // laid out against the visible range (merged labels, edge markers) after every draw that moves it.
  const specs = useMemo(
    () =>
      colors === null
        ? null
        : priceLineSpecs({ position, closeFeeRate, ghostLiquidationPrice, thresholdLines, stops }, colors.lines),
    [position, closeFeeRate, ghostLiquidationPrice, thresholdLines, stops, colors],
  );
  const targets = useMemo<EdgeTarget[]>(
    () => [
      ...(liquidation === null ? [] : [{ id: 'liquidation' as const, name: 'Liq', price: liquidation }]),
      ...(ghostLiquidationPrice === null
        ? []
        : [{ id: 'ghost' as const, name: 'What-if liq', price: ghostLiquidationPrice }]),
    ],
    [liquidation, ghostLiquidationPrice],
  );
  shownSpecs.current = specs ?? [];
  const edges = useScaleLayout(parts, specs, targets);
  useEffect(() => {
    parts.current?.overlay.setTargets(liquidation, ghostLiquidationPrice);
  }, [liquidation, ghostLiquidationPrice]);

  const tooltip = useCrosshairTooltip(parts, shown.clusters, position, tickSize, scope === 'coin');
  const title =
    market === null
      ? (props.symbols.find((s) => s.value === props.symbol)?.label ?? props.symbol)
      : `${market.displaySymbol} · ${timeframe}`;
  const hasCandles = (market?.candles.length ?? 0) > 0;
  const noClusters = hasCandles && (shown.clusters === null || shown.clusters.map.bins.length === 0);

  return (
    <section
      className={`price-chart${stale ? ' price-chart--stale' : ''}`}
      aria-label="Price chart"
      data-testid="price-chart"
      data-stale={stale || undefined}
      data-has-candles={hasCandles || undefined}
      data-has-map={(hasCandles && !noClusters) || undefined}
    >
      <ChartToolbar
        symbols={props.symbols}
        symbol={props.symbol}
        onSymbolChange={props.onSymbolChange}
        timeframe={timeframe}
        onTimeframeChange={props.onTimeframeChange}
        showHeatmap={showHeatmap}
        onShowHeatmapChange={props.onShowHeatmapChange ?? setHeatmapOwn}
        onExportPng={() =>
          market !== null &&
          exportPng(parts.current?.chart ?? null, colors, {
            symbol: market.displaySymbol,
            venue: marketSourceName(market),
            timeframe: market.timeframe,
            timeMs: Date.now(),
            demo: market.source === demoSource,
          })
        }
      />
      <div className="price-chart__body">
        <div className="price-chart__canvas" ref={host} data-testid="price-chart-canvas" />
        <LiveBars source={source} parts={parts} timeframe={market?.timeframe ?? timeframe} />
        {/* One row along the top: a long legend line (a stale note) wraps before the badge instead of under it. */}
        <div className="price-chart__top">
          <LiveLegend
            source={source}
            title={title}
            sourceName={market === null ? '' : marketSourceName(market)}
            tickSize={tickSize}
            position={position}
            ghostLiquidationPrice={ghostLiquidationPrice}
            ohlc={<OhlcLegend source={source} chart={chartApi} tickSize={tickSize} />}
            stops={stops.map((stop) => ({
              price: formatPrice(stop.price, tickSize),
              reason: stopReasonText(stop, tickSize),
            }))}
            droppedStop={droppedStopText(stopPlan.dropped, tickSize)}
          />
          {profile !== null && !noClusters && (
            <LiveImbalance
              source={source}
              profile={profile}
              tickSize={tickSize}
              window={imbalanceWindow}
              onWindowChange={setImbalanceWindow}
            />
          )}
        </div>
        <EdgeMarkers source={source} lines={edges} tickSize={tickSize} />
        {hasCandles && (
          <MapScopeBar scope={scope} onScopeChange={setScope} aggregate={aggregate} error={aggregateError} />
        )}
        {hasCandles && scope === 'venue' && (
          <MapSourceBar kind={shown.kind} onKindChange={setMapChoice} measured={measured} recorded={recordedSkill} />
        )}
        {noClusters && scope === 'venue' && shown.kind === 'estimated' && backfill?.state !== 'running' && (
          <div className="chart-note" role="status" data-testid="chart-no-clusters">
            <strong>No clusters yet</strong> The estimate builds as open interest changes; it fills in within minutes.
          </div>
        )}
        <ChartTooltip tooltip={tooltip} />
        <ChartStatus error={error} backfill={backfill} hasCandles={hasCandles} symbolLabel={title} />
      </div>
    </section>
  );
}

/** Saves the chart (with the overlay) as a PNG the browser downloads, captioned with what it shows. */
function exportPng(chart: IChartApi | null, colors: ChartColors | null, caption: ExportCaption): void {
  if (chart === null || colors === null) return;
  const picture = chart.takeScreenshot(true);
  const ratio = picture.width / Math.max(1, chart.chartElement().clientWidth);
  // The legend (OHLC, position, stops) and the edge markers are HTML over the chart: paint them in.
  const overlays = chart.chartElement().closest('.price-chart__body')?.querySelectorAll('.chart-legend, .chart-edge');
  const context = picture.getContext('2d');
  if (overlays && context)
    paintOverlays(context, chart.chartElement().getBoundingClientRect(), [...overlays], ratio, colors.background);
  const style = {
    background: colors.background,
    text: colors.text,
    muted: colors.textMuted,
    accent: colors.lines.warning,
    fontFamily: 'system-ui, sans-serif',
  };
  void downloadCaptionedPng(captionedCanvas(picture, caption, style, ratio), caption);
}
