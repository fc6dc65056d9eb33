import type {
  IChartApi,
  IPrimitivePaneView,
  PrimitivePaneViewZOrder,
  IPrimitivePaneRenderer,
} from 'lightweight-charts';
import { cascadePath, type CascadePath } from '../../../../shared/clusters/cascade-path';
import type { Profile } from '../../../../shared/clusters/profile';
import { topClusters } from '../../../../shared/clusters/top-clusters';
import type { HeatmapColumnWire } from '../../../../shared/ipc/views/clusters';
import {
  CascadeLabelRenderer,
  CascadeRenderer,
  HeatmapRenderer,
  ProfileRenderer,
  createOverlayFrame,
  ensureCapacity,
  type OverlayColors,
  type OverlayFrame,
} from './cluster-renderer';
import { heatIndex, heatScaleMax } from './heat-colors';
import { CandlePrimitive } from './light-redraw';
import { logicalOfTime } from './time-to-logical';
import { formatUsdCompact } from './usd-compact';

/** The heatmap as the overlay takes it. */
export interface OverlayHeatmap {
  readonly everyMs: number;
  readonly columns: readonly HeatmapColumnWire[];
}

/** What the overlay shows, for tests and the harness ("assert through the chart's exposed state"). */
export interface OverlayState {
  readonly profileRows: number;
  readonly heatCells: number;
  /** USD between the mark and the liquidation price (null: no position or no clusters). */
  readonly cascadeUsd: number | null;
  readonly ghostCascadeUsd: number | null;
  /** The ghost price the overlay holds (what the last or next draw shows). */
  readonly ghostPrice: number | null;
  /** y (CSS px) where the last layout put the ghost's end of its cascade band; null when no band is laid out. */
  readonly ghostBandY: number | null;
}

/** The mark's bin and its side of the bin's middle (below, on, above), as one number. */
function markPlace(profile: Profile, mark: number): number {
  const bin = profile.grid.binOf(mark);
  const mid = profile.grid.mid(bin);
  return bin * 3 + (mark < mid ? 0 : mark === mid ? 1 : 2);
}

/** Rows are at least this tall (CSS px): finer bins are summed into one row when zoomed out. */
const minRowPx = 2;

class View implements IPrimitivePaneView {
  constructor(
    private readonly layer: PrimitivePaneViewZOrder,
    private readonly drawer: IPrimitivePaneRenderer,
  ) {}
  zOrder(): PrimitivePaneViewZOrder {
    return this.layer;
  }
  renderer(): IPrimitivePaneRenderer {
    return this.drawer;
  }
}

/**
 * The cluster overlay as a series primitive (model → coordinates): the heatmap behind the candles,
 * the cascade bands, and the profile at the right edge. The data setters do the per-change work
 * (cascade paths, top clusters, heat scale); `updateAllViews`, which the chart calls before each
 * paint, only maps prices and times to pixels into the reused frame that the renderers draw.
 */
export class ClusterPrimitive extends CandlePrimitive {
  private readonly frame: OverlayFrame;
  private readonly profileRenderer: ProfileRenderer;
  private readonly views: readonly IPrimitivePaneView[];
  private profile: Profile | null = null;
  private heatmap: OverlayHeatmap | null = null;
  private heatMax = 0;
  private showHeatmap = true;
  private times: ArrayLike<number> = new Float64Array(0);
  private timeCount = 0;
  private barSeconds = 60;
  private mark: number | null = null;
  /** Where the mark sits on the grid, as far as the derived outputs can tell (`markPlace`). */
  private markPlace = Number.NaN;
  private liquidation: number | null = null;
  private ghost: number | null = null;
  private cascade: CascadePath | null = null;
  private ghostCascade: CascadePath | null = null;
  private clusters: { price: number; text: string; side: 'long' | 'short' }[] = [];
  private rowBinFrom = new Int32Array(0);
  private rowBinTo = new Int32Array(0);
  /** What the frame's rows and heat cells were laid out for: a paint that changes none of it reuses them. */
  private readonly laidOut = { profile: null as Profile | null, top: 0, bottom: 0, height: 0, rows: 0 };
  private readonly heatLaidOut = {
    heatmap: null as OverlayHeatmap | null,
    rows: -1,
    width: 0,
    x0: 0,
    barWidth: 0,
    times: null as ArrayLike<number> | null,
    timeCount: 0,
    barSeconds: 0,
    palette: null as readonly string[] | null,
  };
  /** Bumped whenever the rows are laid out anew (the heat cells follow the rows). */
  private rowsLayout = 0;

  constructor(colors: OverlayColors, palette: readonly string[]) {
    super();
    this.frame = createOverlayFrame(colors, palette);
    this.profileRenderer = new ProfileRenderer(this.frame);
    this.views = [
      new View('bottom', new HeatmapRenderer(this.frame)),
      new View('bottom', new CascadeRenderer(this.frame)),
      new View('normal', this.profileRenderer),
      new View('normal', new CascadeLabelRenderer(this.frame)),
    ];
  }

  paneViews(): readonly IPrimitivePaneView[] {
    return this.views;
  }

  /** New cluster estimate (profile on its grid, heatmap columns); null clears the overlay. */
  setClusters(profile: Profile | null, heatmap: OverlayHeatmap | null): void {
    this.profile = profile;
    this.heatmap = heatmap;
    this.heatMax = heatmap === null ? 0 : heatScaleMax(heatmap.columns);
    this.markPlace = Number.NaN;
    this.refreshDerived();
  }

  /** The bars' open times (UTC seconds, ascending) and the bar length, to place heatmap columns. */
  setBarTimes(times: ArrayLike<number>, count: number, barSeconds: number): void {
    this.times = times;
    this.timeCount = count;
    this.barSeconds = barSeconds;
    this.requestUpdate?.();
  }

  /**
   * The mark moved: derived outputs are recomputed only when it changes place on the grid: another
   * bin, or the other side of its bin's middle. A cascade path counts a bin by its middle
   * (`cascadePath`), so within one bin the mark's side of the middle decides whether that bin is on
   * the way; the what-if computes the same path from the exact mark, and the two must agree.
   */
  setMark(price: number | null): void {
    this.mark = price !== null && price > 0 ? price : null;
    const place = this.mark === null || this.profile === null ? Number.NaN : markPlace(this.profile, this.mark);
    if (place !== this.markPlace) {
      this.markPlace = place;
      this.refreshDerived();
    }
  }

  /** The position's liquidation price and the what-if ghost (null: none). */
  setTargets(liquidation: number | null, ghost: number | null): void {
    if (liquidation === this.liquidation && ghost === this.ghost) return;
    this.liquidation = liquidation;
    this.ghost = ghost;
    this.refreshCascades();
    this.requestUpdate?.();
  }

  /** How far down the pane the HTML legend reaches (CSS px): the band labels stay below it. */
  setReservedTop(px: number): void {
    if (px === this.frame.reservedTop) return;
    this.frame.reservedTop = px;
    this.requestUpdate?.();
  }

  setShowHeatmap(show: boolean): void {
    this.showHeatmap = show;
    this.requestUpdate?.();
  }

  setColors(colors: OverlayColors, palette: readonly string[]): void {
    this.frame.colors = colors;
    this.frame.palette = palette;
    this.requestUpdate?.();
  }

  /** Called at the end of every overlay draw (the harness's frame probe); null to stop. */
  setOnDrawn(listener: (() => void) | null): void {
    this.profileRenderer.onDrawn = listener;
  }

  state(): OverlayState {
    return {
      profileRows: this.frame.rows,
      heatCells: this.frame.cells,
      cascadeUsd: this.cascade?.totalUsd ?? null,
      ghostCascadeUsd: this.ghostCascade?.totalUsd ?? null,
      ghostPrice: this.ghost,
      ghostBandY: this.frame.bands[1]?.visible === true ? this.frame.bands[1].yTo : null,
    };
  }

  private refreshDerived(): void {
    const profile = this.profile,
      mark = this.mark;
    this.clusters =
      profile === null || mark === null
        ? []
        : topClusters(profile, mark, { count: 5 }).map((c) => ({
            price: c.price,
            side: c.side,
            text: formatUsdCompact(c.side === 'long' ? c.longUsd : c.shortUsd),
          }));
    this.refreshCascades();
    this.requestUpdate?.();
  }

  private refreshCascades(): void {
    const profile = this.profile,
      mark = this.mark;
    const path = (target: number | null): CascadePath | null =>
      profile === null || mark === null || target === null ? null : cascadePath(profile, mark, target);
    this.cascade = path(this.liquidation);
    this.ghostCascade = path(this.ghost);
    const [real, ghost] = this.frame.bands;
    const amount = (path: CascadePath): string =>
      path.totalUsd > 0 ? `${formatUsdCompact(path.totalUsd)} of ${path.side}` : `No estimated ${path.side}`;
    if (real !== undefined)
      real.label =
        this.cascade === null ? '' : `${amount(this.cascade)} liquidations between price and your liquidation`;
    if (ghost !== undefined)
      ghost.label =
        this.ghostCascade === null
          ? ''
          : `What-if: ${amount(this.ghostCascade)} liquidations up to the new liquidation`;
  }

  updateAllViews(): void {
    const f = this.frame;
    f.clusterLabelCount = 0;
    for (const band of f.bands) band.visible = false;
    const chart = this.chart,
      series = this.series;
    if (chart === null || series === null) {
      this.clearLayout();
      return;
    }
    const { width, height } = chart.paneSize(0);
    const top = series.coordinateToPrice(0),
      bottom = series.coordinateToPrice(height);
    if (top === null || bottom === null || !(top > bottom) || height <= 0) {
      this.clearLayout();
      return;
    }
    // The price scale is linear: two points give y(p) = y0 + k·(p − top) without a call per bin.
    const k = height / (bottom - top);
    const yOf = (price: number): number => k * (price - top);
    const clampY = (y: number): number => Math.max(-2, Math.min(height + 2, y));
    const mark = this.mark;
    if (mark !== null) {
      const [real, ghost] = f.bands;
      if (real !== undefined && this.liquidation !== null) {
        real.visible = true;
        real.yFrom = clampY(yOf(mark));
        real.yTo = clampY(yOf(this.liquidation));
      }
      if (ghost !== undefined && this.ghost !== null) {
        ghost.visible = true;
        ghost.yFrom = clampY(yOf(mark));
        ghost.yTo = clampY(yOf(this.ghost));
      }
    }
    const profile = this.profile;
    if (profile === null || profile.long.length === 0 || bottom <= 0) {
      this.clearLayout();
      return;
    }
    // A streamed candle mostly leaves both scales as they were: the rows and cells then stand.
    const rows = this.laidOut;
    if (rows.profile !== profile || rows.top !== top || rows.bottom !== bottom || rows.height !== height) {
      this.layoutRows(profile, yOf, Math.max(bottom, 1e-9), top, height);
      Object.assign(rows, { profile, top, bottom, height, rows: ++this.rowsLayout });
    }
    this.markPath(profile);
    if (this.showHeatmap && this.heatmap !== null && this.heatMax > 0) this.layoutHeatIfMoved(chart, width);
    else {
      f.cells = 0;
      this.heatLaidOut.heatmap = null;
    }
    for (const cluster of this.clusters) {
      const y = yOf(cluster.price);
      if (y < 8 || y > height - 8) continue;
      let length = 0;
      for (let r = 0; r < f.rows; r++) {
        if (y >= (f.rowTop[r] ?? 0) - 1 && y <= (f.rowTop[r] ?? 0) + (f.rowHeight[r] ?? 0) + 1)
          length = Math.max(length, (f.rowLong[r] ?? 0) + (f.rowShort[r] ?? 0));
      }
      const slot = f.clusterLabels[f.clusterLabelCount] ?? { y: 0, text: '', side: 'long' as const, length: 0 };
      slot.y = y;
      slot.text = cluster.text;
      slot.side = cluster.side;
      slot.length = length;
      f.clusterLabels[f.clusterLabelCount++] = slot;
    }
  }

  /** Nothing to draw: no rows, no cells, and the next paint lays them out anew. */
  private clearLayout(): void {
    this.frame.rows = 0;
    this.frame.cells = 0;
    this.laidOut.profile = null;
    this.heatLaidOut.heatmap = null;
  }

  /** Marks the rows on the cascade path (mark to liquidation or ghost), which moves with every tick. */
  private markPath(profile: Profile): void {
    const f = this.frame,
      mark = this.mark;
    const pathLow = mark === null ? Infinity : Math.min(mark, this.liquidation ?? mark, this.ghost ?? mark);
    const pathHigh = mark === null ? -Infinity : Math.max(mark, this.liquidation ?? mark, this.ghost ?? mark);
    for (let r = 0; r < f.rows; r++) {
      const mid = profile.grid.mid(Math.round(((this.rowBinFrom[r] ?? 0) + (this.rowBinTo[r] ?? 0)) / 2));
      f.rowOnPath[r] = mid >= pathLow && mid <= pathHigh ? 1 : 0;
    }
  }

  /** Lays the heat cells out again only when the rows, the time scale, the bars or the heatmap moved. */
  private layoutHeatIfMoved(chart: IChartApi, width: number): void {
    const timeScale = chart.timeScale();
    const x0 = timeScale.logicalToCoordinate(0 as never),
      x1 = timeScale.logicalToCoordinate(1 as never);
    if (x0 === null || x1 === null || this.timeCount === 0) {
      this.frame.cells = 0;
      this.heatLaidOut.heatmap = null;
      return;
    }
    const was = this.heatLaidOut,
      barWidth = x1 - x0;
    if (
      was.heatmap === this.heatmap &&
      was.rows === this.rowsLayout &&
      was.width === width &&
      was.x0 === x0 &&
      was.barWidth === barWidth &&
      was.times === this.times &&
      was.timeCount === this.timeCount &&
      was.barSeconds === this.barSeconds &&
      was.palette === this.frame.palette
    )
      return;
    this.layoutHeat(width, x0, barWidth);
    Object.assign(was, {
      heatmap: this.heatmap,
      rows: this.rowsLayout,
      width,
      x0,
      barWidth,
      times: this.times,
      timeCount: this.timeCount,
      barSeconds: this.barSeconds,
      palette: this.frame.palette,
    });
  }

  /** Groups the visible bins into rows of at least `minRowPx` and sums each side per row. */
  private layoutRows(
    profile: Profile,
    yOf: (price: number) => number,
    low: number,
    high: number,
    height: number,
  ): void {
    const f = this.frame,
      grid = profile.grid,
      n = profile.long.length;
    const first = Math.max(profile.firstBin, grid.binOf(low)),
      last = Math.min(profile.firstBin + n - 1, grid.binOf(high));
    f.rows = 0;
    if (last < first) return;
    ensureCapacity(f, last - first + 1, 0);
    if (this.rowBinFrom.length < f.rowTop.length) {
      this.rowBinFrom = new Int32Array(f.rowTop.length);
      this.rowBinTo = new Int32Array(f.rowTop.length);
    }
    let rows = 0,
      max = 0;
    let bin = last;
    while (bin >= first) {
      const rowTop = yOf(grid.high(bin));
      let from = bin,
        longSum = 0,
        shortSum = 0;
      // Top to bottom: take bins until the row is tall enough.
      while (from >= first) {
        longSum += profile.long[from - profile.firstBin] ?? 0;
        shortSum += profile.short[from - profile.firstBin] ?? 0;
        if (yOf(grid.low(from)) - rowTop >= minRowPx) break;
        from--;
      }
      from = Math.max(from, first);
      const rowBottom = Math.min(height + 2, yOf(grid.low(from)));
      f.rowTop[rows] = rowTop;
      f.rowHeight[rows] = rowBottom - rowTop;
      f.rowLong[rows] = longSum;
      f.rowShort[rows] = shortSum;
      this.rowBinFrom[rows] = from;
      this.rowBinTo[rows] = bin;
      max = Math.max(max, longSum + shortSum);
      rows++;
      bin = from - 1;
    }
    if (max > 0)
      for (let r = 0; r < rows; r++) {
        f.rowLong[r] = (f.rowLong[r] ?? 0) / max;
        f.rowShort[r] = (f.rowShort[r] ?? 0) / max;
      }
    f.rows = rows;
  }

  /** One cell per (visible column, row): the column's mean USD per bin over the row, coloured. */
  private layoutHeat(width: number, x0: number, barWidth: number): void {
    const f = this.frame,
      heatmap = this.heatmap;
    f.cells = 0;
    if (heatmap === null) return;
    const steps = f.palette.length;
    // The estimate is history: columns stop at the last bar, leaving the future to the profile.
    const dataEnd = x0 + barWidth * (this.timeCount - 0.5);
    ensureCapacity(f, 0, heatmap.columns.length * f.rows);
    let cells = 0;
    for (const column of heatmap.columns) {
      const left = x0 + barWidth * logicalOfTime(this.times, this.timeCount, column.timeMs / 1000, this.barSeconds);
      const right = Math.min(
        dataEnd,
        x0 +
          barWidth *
            logicalOfTime(this.times, this.timeCount, (column.timeMs + heatmap.everyMs) / 1000, this.barSeconds),
      );
      if (!(right > 0 && left < width)) continue;
      for (let r = 0; r < f.rows; r++) {
        const from = this.rowBinFrom[r] ?? 0,
          to = this.rowBinTo[r] ?? -1;
        let sum = 0;
        for (let b = from; b <= to; b++) {
          const i = b - column.firstBin;
          sum += (column.long[i] ?? 0) + (column.short[i] ?? 0);
        }
        const index = heatIndex(sum / (to - from + 1), this.heatMax, steps);
        if (index === 0) continue;
        f.cellX[cells] = left;
        f.cellW[cells] = right - left;
        f.cellY[cells] = f.rowTop[r] ?? 0;
        f.cellH[cells] = f.rowHeight[r] ?? 0;
        f.cellColor[cells] = index;
        cells++;
      }
    }
    f.cells = cells;
  }
}
