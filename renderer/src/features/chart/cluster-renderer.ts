import type { IPrimitivePaneRenderer } from 'lightweight-charts';

/** The canvas target lightweight-charts hands a renderer (fancy-canvas), named without importing it. */
export type Target = Parameters<IPrimitivePaneRenderer['draw']>[0];

/** The font of the figures the overlay writes beside its bars and markers. */
export const figureFont = '600 10.5px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Colours the overlay draws with, read from the theme (see chart-colors.ts). */
export interface OverlayColors {
  readonly long: string;
  readonly short: string;
  readonly danger: string;
  readonly ghost: string;
  readonly text: string;
  readonly labelBackground: string;
}

/**
 * Everything the overlay draws in one frame, in media (CSS) pixels, filled by the primitive's
 * `updateAllViews`. Arrays are allocated once at the largest size seen and reused: drawing a frame
 * allocates nothing.
 */
export interface OverlayFrame {
  colors: OverlayColors;
  /** Profile rows: top and height (y), bar lengths as fractions of the profile width (0..1). */
  rows: number;
  rowTop: Float32Array;
  rowHeight: Float32Array;
  rowLong: Float32Array;
  rowShort: Float32Array;
  /** 1 where the row lies on the cascade path (drawn stronger). */
  rowOnPath: Uint8Array;
  /** Labels of the largest clusters in view. */
  clusterLabels: { y: number; text: string; side: 'long' | 'short'; length: number }[];
  clusterLabelCount: number;
  /** Heat cells: rectangles with a palette index. */
  cells: number;
  cellX: Float32Array;
  cellY: Float32Array;
  cellW: Float32Array;
  cellH: Float32Array;
  cellColor: Uint8Array;
  palette: readonly string[];
  /** Cascade bands: price to the liquidation price (0) and to the ghost (1). */
  bands: { visible: boolean; yFrom: number; yTo: number; label: string; ghost: boolean }[];
  /** How far down from the pane's top the HTML legend covers its left side (its labels stay below). */
  reservedTop: number;
}

/** An empty frame with room for `rows` profile rows and `cells` heat cells. */
export function createOverlayFrame(colors: OverlayColors, palette: readonly string[]): OverlayFrame {
  return {
    colors,
    rows: 0,
    rowTop: new Float32Array(0),
    rowHeight: new Float32Array(0),
    rowLong: new Float32Array(0),
    rowShort: new Float32Array(0),
    rowOnPath: new Uint8Array(0),
    clusterLabels: [],
    clusterLabelCount: 0,
    cells: 0,
    cellX: new Float32Array(0),
    cellY: new Float32Array(0),
    cellW: new Float32Array(0),
    cellH: new Float32Array(0),
    cellColor: new Uint8Array(0),
    palette,
    bands: [
      { visible: false, yFrom: 0, yTo: 0, label: '', ghost: false },
      { visible: false, yFrom: 0, yTo: 0, label: '', ghost: true },
    ],
    reservedTop: 0,
  };
}

/** Grows the frame's arrays to hold at least `rows` rows and `cells` cells (amortised: doubles). */
export function ensureCapacity(frame: OverlayFrame, rows: number, cells: number): void {
  if (frame.rowTop.length < rows) {
    const n = Math.max(rows, frame.rowTop.length * 2);
    frame.rowTop = new Float32Array(n);
    frame.rowHeight = new Float32Array(n);
    frame.rowLong = new Float32Array(n);
    frame.rowShort = new Float32Array(n);
    frame.rowOnPath = new Uint8Array(n);
  }
  if (frame.cellX.length < cells) {
    const n = Math.max(cells, frame.cellX.length * 2);
    frame.cellX = new Float32Array(n);
    frame.cellY = new Float32Array(n);
    frame.cellW = new Float32Array(n);
    frame.cellH = new Float32Array(n);
    frame.cellColor = new Uint8Array(n);
  }
}

/** Width of the profile at the right edge, CSS px: a fifth of the pane, within 90–190. */
export function profileWidth(paneWidth: number): number {
  return Math.max(90, Math.min(190, paneWidth * 0.2));
}

/** The heatmap behind the candles (drawn as the pane's background). */
export class HeatmapRenderer implements IPrimitivePaneRenderer {
  constructor(private readonly frame: OverlayFrame) {}
  draw(): void {}
  drawBackground(target: Target): void {
    const f = this.frame;
    if (f.cells === 0) return;
    target.useBitmapCoordinateSpace(({ context, horizontalPixelRatio: h, verticalPixelRatio: v }) => {
      // Setting a colour parses it: neighbouring cells often share one, so it is set on change only.
      let shown = -1;
      for (let i = 0; i < f.cells; i++) {
        const color = f.cellColor[i] ?? 0;
        if (color !== shown) {
          context.fillStyle = f.palette[color] ?? 'transparent';
          shown = color;
        }
        const x = Math.round((f.cellX[i] ?? 0) * h),
          y = Math.round((f.cellY[i] ?? 0) * v);
        context.fillRect(
          x,
          y,
          Math.max(1, Math.round(((f.cellX[i] ?? 0) + (f.cellW[i] ?? 0)) * h) - x),
          Math.max(1, Math.round(((f.cellY[i] ?? 0) + (f.cellH[i] ?? 0)) * v) - y),
        );
      }
    });
  }
}

/**
 * Where a cascade band's label is centred (CSS px): in the middle of the band's part that is in view
 * below `reservedTop` (the legend's bottom), 14 px inside the pane's edges; when less than a label's
 * height of the band is in view there, just below the legend, so it never covers the legend's lines.
 */
export function bandLabelY(
  band: { readonly yFrom: number; readonly yTo: number },
  paneHeight: number,
  reservedTop: number,
): number {
  const lowest = reservedTop + 14,
    highest = paneHeight - 14;
  const from = Math.max(lowest, Math.min(band.yFrom, band.yTo)),
    to = Math.min(highest, Math.max(band.yFrom, band.yTo));
  if (to < from) return Math.max(lowest, Math.min(highest, from));
  return (from + to) / 2;
}

/**
 * The cascade bands' tint between price and the liquidation price, behind the candles and under
 * the heatmap (a background pass); their labels are `CascadeLabelRenderer`'s.
 */
export class CascadeRenderer implements IPrimitivePaneRenderer {
  constructor(private readonly frame: OverlayFrame) {}
  draw(): void {
    // Everything is in the background pass.
  }
  drawBackground(target: Target): void {
    target.useBitmapCoordinateSpace(({ context, bitmapSize, verticalPixelRatio: v }) => {
      for (const band of this.frame.bands) {
        if (!band.visible) continue;
        const top = Math.round(Math.min(band.yFrom, band.yTo) * v),
          bottom = Math.round(Math.max(band.yFrom, band.yTo) * v);
        context.globalAlpha = band.ghost ? 0.07 : 0.09;
        context.fillStyle = band.ghost ? this.frame.colors.ghost : this.frame.colors.danger;
        context.fillRect(0, top, bitmapSize.width, bottom - top);
      }
      context.globalAlpha = 1;
    });
  }
}

/** The cascade bands' USD labels, over the candles so no candle crosses the text. */
export class CascadeLabelRenderer implements IPrimitivePaneRenderer {
  constructor(private readonly frame: OverlayFrame) {}
  draw(target: Target): void {
    target.useMediaCoordinateSpace(({ context, mediaSize }) => {
      context.font = '600 11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
      context.textBaseline = 'middle';
      for (const band of this.frame.bands) {
        if (!band.visible || band.label === '') continue;
        if (Math.abs(band.yTo - band.yFrom) < 16) continue;
        // The ghost band usually overlaps the real one: its label sits one line lower.
        const yOffset = band.ghost ? 22 : 0;
        const y = bandLabelY(band, mediaSize.height, this.frame.reservedTop);
        const width = context.measureText(band.label).width + 16;
        const x = 12;
        context.fillStyle = this.frame.colors.labelBackground;
        context.strokeStyle = band.ghost ? this.frame.colors.ghost : this.frame.colors.danger;
        context.lineWidth = 1;
        context.beginPath();
        context.roundRect(x, y - 10 + yOffset, width, 20, 4);
        context.fill();
        context.stroke();
        context.fillStyle = band.ghost ? this.frame.colors.ghost : this.frame.colors.danger;
        context.fillText(band.label, x + 8, y + yOffset + 0.5);
      }
    });
  }
}

/**
 * The liquidation profile at the right edge: per row a long bar (teal) and a short bar (orange)
 * growing leftward from the edge, length by USD, opacity by intensity; rows on the cascade path
 * drawn at full strength. `onDrawn` hears the end of each draw (the harness's frame probe).
 */
export class ProfileRenderer implements IPrimitivePaneRenderer {
  onDrawn: (() => void) | null = null;
  constructor(private readonly frame: OverlayFrame) {}
  draw(target: Target): void {
    const f = this.frame;
    target.useBitmapCoordinateSpace(({ context, bitmapSize, horizontalPixelRatio: h, verticalPixelRatio: v }) => {
      const width = profileWidth(bitmapSize.width / h) * h;
      const right = bitmapSize.width;
      for (let i = 0; i < f.rows; i++) {
        const top = Math.round((f.rowTop[i] ?? 0) * v);
        const bottom = Math.round(((f.rowTop[i] ?? 0) + (f.rowHeight[i] ?? 0)) * v);
        // A one-pixel gap between rows tall enough to afford it keeps neighbouring bins apart.
        const height = Math.max(1, bottom - top - ((f.rowHeight[i] ?? 0) > 3 ? 1 : 0));
        const long = (f.rowLong[i] ?? 0) * width,
          short = (f.rowShort[i] ?? 0) * width;
        const strong = f.rowOnPath[i] === 1;
        // Longs first from the edge, shorts continuing: a row holding both shows both, side by colour.
        if (long >= 0.5) {
          context.globalAlpha = strong ? 0.95 : 0.35 + 0.5 * Math.sqrt(f.rowLong[i] ?? 0);
          context.fillStyle = f.colors.long;
          context.fillRect(Math.round(right - long), top, Math.round(long), height);
        }
        if (short >= 0.5) {
          context.globalAlpha = strong ? 0.95 : 0.35 + 0.5 * Math.sqrt(f.rowShort[i] ?? 0);
          context.fillStyle = f.colors.short;
          context.fillRect(Math.round(right - long - short), top, Math.round(short), height);
        }
      }
      context.globalAlpha = 1;
    });
    target.useMediaCoordinateSpace(({ context, mediaSize }) => {
      const width = profileWidth(mediaSize.width);
      context.font = figureFont;
      context.textBaseline = 'middle';
      context.textAlign = 'right';
      for (let i = 0; i < f.clusterLabelCount; i++) {
        const label = f.clusterLabels[i];
        if (label === undefined) continue;
        const x = mediaSize.width - label.length * width - 4;
        // A halo in the background colour keeps the figure readable over bars and heat.
        context.lineWidth = 3;
        context.strokeStyle = f.colors.labelBackground;
        context.strokeText(label.text, x, label.y);
        context.fillStyle = label.side === 'long' ? f.colors.long : f.colors.short;
        context.fillText(label.text, x, label.y);
      }
      context.textAlign = 'left';
    });
    this.onDrawn?.();
  }
}
