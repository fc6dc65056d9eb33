import type { PriceChartHandle } from '../features/chart/PriceChart';
import type { OverlayState } from '../features/chart/cluster-primitive';

declare global {
  interface Window {
    /** Read-only state of the chart's overlay, for end-to-end tests and diagnostics; holds no data the page does not show. */
    __liqlensChart?: {
      overlayState(): OverlayState;
      /** The titles of the price lines drawn now (entry, liquidation, thresholds...), one per line. */
      priceLineTitles(): string[];
      /** The price axis labels shown now: colliding ones are merged ("Entry · BE"). */
      axisLabels(): { title: string; price: number }[];
    };
  }
}

/** Publishes (or withdraws) the chart's overlay state on `window` for end-to-end tests. */
export function exposeChartState(handle: PriceChartHandle | null): void {
  if (handle)
    window.__liqlensChart = {
      overlayState: () => handle.overlayState(),
      priceLineTitles: () => handle.lineTitles(),
      axisLabels: () => handle.axisLabels(),
    };
  else delete window.__liqlensChart;
}
