import { useEffect, useState } from 'react';

/** Where the toasts stack, CSS px from the window's right and bottom edges; null: the window's own corner. */
export interface ToastCorner {
  readonly right: number;
  readonly bottom: number;
  /** The widest a toast may be there, CSS px. */
  readonly maxWidth: number;
}

/** The chart's plotting pane: the cell before the right price axis in the first row of lightweight-charts' table. */
const paneSelector = '[data-testid="price-chart-canvas"] table tr:first-child td:nth-last-child(2)';

/** Room kept from the pane's right edge, CSS px. */
const inset = 8;
/** Room kept from the pane's bottom, CSS px: above the map's source line and the edge markers there. */
const bottomInset = 44;

/**
 * The bottom-right corner of the chart's plotting pane, above the line the map's source is told on,
 * followed as the panes are resized: toasts stacked there cover candles for a moment, never a control
 * (the what-if, the positions table, the toolbars and the price axis are outside the pane; the
 * imbalance badge sits at its top). Null while
 * no chart is drawn, when the toasts keep the window's corner.
 */
export function useToastCorner(active: boolean): ToastCorner | null {
  const [corner, setCorner] = useState<ToastCorner | null>(null);
  useEffect(() => {
    if (!active) return undefined;
    let observed: Element | null = null;
    const measure = (): void => {
      const pane = document.querySelector(paneSelector);
      if (pane !== observed) {
        if (observed !== null) resize.unobserve(observed);
        if (pane !== null) resize.observe(pane);
        observed = pane;
      }
      if (pane === null) return setCorner(null);
      const box = pane.getBoundingClientRect();
      const next = {
        right: Math.round(window.innerWidth - box.right + inset),
        bottom: Math.round(window.innerHeight - box.bottom + bottomInset),
        maxWidth: Math.round(Math.min(420, box.width * 0.6)),
      };
      setCorner((was) =>
        was?.right === next.right && was.bottom === next.bottom && was.maxWidth === next.maxWidth ? was : next,
      );
    };
    const resize = new ResizeObserver(measure);
    // The chart mounts and unmounts with the selection: look for its pane again when the page changes.
    const mutations = new MutationObserver(() => {
      if (document.querySelector(paneSelector) !== observed) measure();
    });
    mutations.observe(document.body, { childList: true, subtree: true });
    // A window resize moves the pane before the chart has laid itself out again: measure now and on
    // the next frame, when the panels and the chart have their new sizes.
    let frame = 0;
    const onWindowResize = (): void => {
      measure();
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    };
    window.addEventListener('resize', onWindowResize);
    measure();
    return () => {
      cancelAnimationFrame(frame);
      resize.disconnect();
      mutations.disconnect();
      window.removeEventListener('resize', onWindowResize);
    };
  }, [active]);
  return active ? corner : null;
}
