import type { AutoscaleInfo, Logical } from 'lightweight-charts';
import { CandlePrimitive } from './light-redraw';
import { fitsBesideCandles } from './price-edge';

/** The pane's visible price range after a draw: prices at its top and bottom edge, its height in CSS px. */
export interface ScaleView {
  readonly top: number;
  readonly bottom: number;
  readonly height: number;
}

/**
 * A primitive that draws nothing. It keeps the position's liquidation line and the what-if ghost in
 * the price scale only while they fit beside the visible candles (`fitsBesideCandles`), so a far
 * liquidation becomes an edge marker instead of squashing the candles; and after each draw that
 * moved the scale it tells its listener the new visible range (edge markers and axis-label
 * collisions are decided from it), outside the paint.
 */
export class ScaleWatch extends CandlePrimitive {
  private targets: readonly number[] = [];
  private last: ScaleView | null = null;
  private pending = false;
  private listener: ((view: ScaleView) => void) | null = null;

  override detached(): void {
    super.detached();
    this.listener = null;
  }

  /** Prices that should stay in view when they fit (the liquidation and the ghost); others are ignored. */
  setTargets(prices: readonly (number | null)[]): void {
    const next = prices.filter((p): p is number => p !== null && Number.isFinite(p) && p > 0);
    if (next.length === this.targets.length && next.every((price, i) => price === this.targets[i])) return;
    this.targets = next;
    this.requestUpdate?.();
  }

  /** Hears the visible range after each draw that changed it (null to stop). */
  setListener(listener: ((view: ScaleView) => void) | null): void {
    this.listener = listener;
    if (listener !== null && this.last !== null) listener(this.last);
  }

  /** The visible range the last draw showed (null before the first). */
  view(): ScaleView | null {
    return this.last;
  }

  autoscaleInfo(from: Logical, to: Logical): AutoscaleInfo | null {
    const series = this.series;
    if (series === null || this.targets.length === 0) return null;
    let low = Infinity,
      high = -Infinity;
    for (let i = Math.max(0, Math.ceil(from)); i <= Math.floor(to); i++) {
      const bar = series.dataByIndex(i);
      if (bar === null) break;
      if ('high' in bar) {
        low = Math.min(low, bar.low);
        high = Math.max(high, bar.high);
      }
    }
    const kept = this.targets.filter((price) => low > high || fitsBesideCandles(low, high, price));
    if (kept.length === 0) return null;
    return { priceRange: { minValue: Math.min(...kept), maxValue: Math.max(...kept) } };
  }

  updateAllViews(): void {
    const chart = this.chart,
      series = this.series;
    if (chart === null || series === null) return;
    const height = chart.paneSize(0).height;
    const top = series.coordinateToPrice(0),
      bottom = series.coordinateToPrice(height);
    if (top === null || bottom === null || height <= 0) return;
    const last = this.last;
    if (last !== null && last.top === top && last.bottom === bottom && last.height === height) return;
    this.last = { top, bottom, height };
    // Listeners set React state and price-line options: never inside the chart's own paint.
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      if (this.last !== null) this.listener?.(this.last);
    });
  }
}
