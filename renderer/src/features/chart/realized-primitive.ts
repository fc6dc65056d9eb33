import type {
  AutoscaleInfo,
  CandlestickData,
  IChartApi,
  IPrimitivePaneRenderer,
  IPrimitivePaneView,
  Logical,
  PrimitivePaneViewZOrder,
  SeriesMarker,
  Time,
  UTCTimestamp,
  WhitespaceData,
} from 'lightweight-charts';
import { figureFont, type Target } from './cluster-renderer';
import { CandlePrimitive } from './light-redraw';

/** One marker placed in the pane, CSS px. */
interface PlacedMark {
  x: number;
  y: number;
  radius: number;
  color: string;
  text: string;
  textY: number;
}

/**
 * The distance between two bars, CSS px, from the time scale's coordinates: `options().barSpacing`
 * would deep-copy the time scale's options, and this runs in every paint.
 */
function barSpacingOf(chart: IChartApi): number {
  const timeScale = chart.timeScale();
  const x0 = timeScale.logicalToCoordinate(0 as Logical),
    x1 = timeScale.logicalToCoordinate(1 as Logical);
  return x0 === null || x1 === null ? 6 : x1 - x0;
}

/** A bar with prices, as opposed to a whitespace point. */
function isCandle(bar: CandlestickData<Time> | WhitespaceData<Time>): bar is CandlestickData<Time> {
  return 'high' in bar && 'low' in bar;
}

/** Height kept for a marker's text line, CSS px. */
const textLine = 13;

/** A marker's base radius at a bar spacing (CSS px): it grows with the bars, within 4–8. */
function baseRadius(barSpacing: number): number {
  return Math.max(4, Math.min(8, barSpacing * 0.4));
}

/** A marker's radius: its base radius grown by the marker's size (1 to 2.5, by USD). */
function radiusOf(barSpacing: number, size: number | undefined): number {
  return baseRadius(barSpacing) * (0.8 + 0.3 * (size ?? 1));
}

/** Room between the bar and its first marker, and between stacked markers, CSS px. */
function markGap(barSpacing: number): number {
  return Math.max(3, baseRadius(barSpacing) * 0.4);
}

class MarksRenderer implements IPrimitivePaneRenderer {
  constructor(
    private readonly placed: readonly PlacedMark[],
    private readonly count: () => number,
    private readonly halo: () => string,
  ) {}
  draw(target: Target): void {
    const n = this.count();
    if (n === 0) return;
    target.useMediaCoordinateSpace(({ context }) => {
      context.font = figureFont;
      context.textAlign = 'center';
      context.textBaseline = 'middle';
      for (let i = 0; i < n; i++) {
        const mark = this.placed[i];
        if (mark === undefined) continue;
        context.globalAlpha = 0.85;
        context.fillStyle = mark.color;
        context.beginPath();
        context.arc(mark.x, mark.y, mark.radius, 0, Math.PI * 2);
        context.fill();
        context.globalAlpha = 1;
        if (mark.text === '') continue;
        // A halo in the background colour keeps the figure readable over candles and heat.
        context.lineWidth = 3;
        context.strokeStyle = this.halo();
        context.strokeText(mark.text, mark.x, mark.textY);
        context.fillText(mark.text, mark.x, mark.textY);
      }
      context.textAlign = 'left';
    });
  }
}

/**
 * Realized liquidations over the candles (`realizedMarkers` builds them): per marker a circle above
 * its bar (liquidated shorts) or below it (liquidated longs), stacked outward when several share a
 * bar and side, the labelled ones with their text beyond the circle. lightweight-charts' own
 * series-markers plugin would draw the same, but it asks for a full repaint of the chart whenever
 * the series' data changes, that is on every streamed tick; this primitive repaints lightly
 * (`lightRedraw`) and only when its markers change, and places them again in each paint.
 */
export class RealizedMarks extends CandlePrimitive {
  private shown: readonly SeriesMarker<UTCTimestamp>[] = [];
  private readonly placed: PlacedMark[] = [];
  private placedCount = 0;
  private haloColor = 'transparent';
  private readonly views: readonly IPrimitivePaneView[];

  constructor() {
    super();
    const renderer = new MarksRenderer(
      this.placed,
      () => this.placedCount,
      () => this.haloColor,
    );
    this.views = [
      {
        zOrder: (): PrimitivePaneViewZOrder => 'normal',
        renderer: () => renderer,
      },
    ];
  }

  /**
   * The markers to show, sorted by time (`realizedMarkers`), and the colour of their text's halo (the
   * chart's label background); an empty list clears them.
   */
  setMarkers(markers: readonly SeriesMarker<UTCTimestamp>[], haloColor: string): void {
    if (markers.length === 0 && this.shown.length === 0) return;
    this.shown = markers;
    this.haloColor = haloColor;
    this.requestUpdate?.();
  }

  /** The markers set now. */
  markers(): readonly SeriesMarker<UTCTimestamp>[] {
    return this.shown;
  }

  /** The markers the last layout placed in the pane: centre, radius and side, CSS px. */
  placedMarks(): { x: number; y: number; radius: number; above: boolean }[] {
    return this.placed.slice(0, this.placedCount).map((mark) => ({
      x: mark.x,
      y: mark.y,
      radius: mark.radius,
      above: mark.textY < mark.y,
    }));
  }

  paneViews(): readonly IPrimitivePaneView[] {
    return this.views;
  }

  /** Room above and below the candles for the markers, so the autoscaled range never cuts them off. */
  autoscaleInfo(): AutoscaleInfo | null {
    const chart = this.chart;
    if (chart === null || this.shown.length === 0) return null;
    const spacing = barSpacingOf(chart);
    let above = 0,
      below = 0;
    for (const mark of this.shown) {
      const room = 2 * radiusOf(spacing, mark.size) + 2 * markGap(spacing);
      const need = room + (mark.text === undefined || mark.text === '' ? 0 : textLine);
      if (mark.position === 'aboveBar') above = Math.max(above, need);
      else below = Math.max(below, need);
    }
    return { priceRange: null, margins: { above, below } };
  }

  updateAllViews(): void {
    this.placedCount = 0;
    const chart = this.chart,
      series = this.series;
    if (chart === null || series === null || this.shown.length === 0) return;
    const timeScale = chart.timeScale();
    const spacing = barSpacingOf(chart);
    const width = chart.paneSize(0).width;
    const base = baseRadius(spacing),
      gap = markGap(spacing);
    // Markers of one bar and side stack outward from the bar: the running offset per side.
    let barTime = Number.NaN,
      aboveOffset = 0,
      belowOffset = 0;
    for (const mark of this.shown) {
      const x = timeScale.timeToCoordinate(mark.time);
      if (x === null || x < -base * 3 || x > width + base * 3) continue;
      const index = timeScale.timeToIndex(mark.time, false);
      const bar = index === null ? null : series.dataByIndex(index);
      if (bar === null || !isCandle(bar)) continue;
      if (mark.time !== barTime) {
        barTime = mark.time;
        aboveOffset = 0;
        belowOffset = 0;
      }
      const radius = radiusOf(spacing, mark.size);
      const text = mark.text ?? '';
      const slot = this.placed[this.placedCount] ?? { x: 0, y: 0, radius: 0, color: '', text: '', textY: 0 };
      if (mark.position === 'aboveBar') {
        const edge = series.priceToCoordinate(bar.high);
        if (edge === null) continue;
        slot.y = edge - aboveOffset - gap - radius;
        slot.textY = slot.y - radius - textLine / 2;
        aboveOffset += 2 * radius + gap + (text === '' ? 0 : textLine);
      } else {
        const edge = series.priceToCoordinate(bar.low);
        if (edge === null) continue;
        slot.y = edge + belowOffset + gap + radius;
        slot.textY = slot.y + radius + textLine / 2;
        belowOffset += 2 * radius + gap + (text === '' ? 0 : textLine);
      }
      slot.x = x;
      slot.radius = radius;
      slot.color = mark.color;
      slot.text = text;
      this.placed[this.placedCount++] = slot;
    }
  }
}
