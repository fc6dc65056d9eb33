import type { Page } from '@playwright/test';

/** A box on the page in CSS pixels, as `getBoundingClientRect` gives it. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What the layout test reads at one window size, all in one pass over the DOM. */
export interface LayoutBoxes {
  readonly viewport: { readonly width: number; readonly height: number };
  readonly panels: Record<'chart' | 'whatif' | 'positions' | 'alerts', Box | null>;
  readonly chartCanvas: Box | null;
  /** The positions panel's visible inside (its scrolling body) and each column header. */
  readonly positionsBody: Box | null;
  readonly columns: readonly { readonly name: string; readonly box: Box }[];
  /**
   * The what-if panel's visible inside and each of its controls, with whether it is the top element at
   * its centre (an alert toast over it does not count: it is dismissed, not laid out).
   */
  readonly whatifBody: Box | null;
  readonly whatifControls: readonly { readonly name: string; readonly box: Box; readonly onTop: boolean }[];
  readonly imbalanceBadge: Box | null;
  /** The chart's right price axis (lightweight-charts draws it in the last cell of its first row). */
  readonly priceAxis: Box | null;
}

/** Reads the boxes of the workspace's key elements as the page lays them out now. */
export function readLayoutBoxes(page: Page): Promise<LayoutBoxes> {
  return page.evaluate(() => {
    const boxOf = (element: Element | null): Box | null => {
      if (!element) return null;
      const { x, y, width, height } = element.getBoundingClientRect();
      return { x, y, width, height };
    };
    const one = (selector: string): Box | null => boxOf(document.querySelector(selector));
    const controls = [...document.querySelectorAll('[data-testid="whatif-panel"] :is(input, button, select)')].map(
      (element) => {
        const box = boxOf(element) ?? { x: 0, y: 0, width: 0, height: 0 };
        const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        const name =
          element.getAttribute('data-testid') ?? element.getAttribute('aria-label') ?? element.textContent ?? '';
        // An alert toast floats over whatever is under it until dismissed: that is not the layout hiding a control.
        const onTop = top !== null && (top === element || element.contains(top) || top.closest('.toasts') !== null);
        return { name: name.trim(), box, onTop };
      },
    );
    return {
      viewport: { width: window.innerWidth, height: window.innerHeight },
      panels: {
        chart: one('[data-testid="panel-chart"]'),
        whatif: one('[data-testid="panel-whatif"]'),
        positions: one('[data-testid="panel-positions"]'),
        alerts: one('[data-testid="panel-alerts"]'),
      },
      chartCanvas: one('[data-testid="price-chart-canvas"]'),
      positionsBody: one('[data-testid="panel-positions"] .panel__body'),
      columns: [...document.querySelectorAll('[data-testid="positions-table"] thead th')].map((th) => ({
        name: (th.textContent ?? '').trim(),
        box: boxOf(th) ?? { x: 0, y: 0, width: 0, height: 0 },
      })),
      whatifBody: one('[data-testid="panel-whatif"] .panel__body'),
      whatifControls: controls,
      imbalanceBadge: one('.imbalance__text'),
      priceAxis: one('[data-testid="price-chart-canvas"] table tr:first-child td:last-child'),
    };
  });
}

/** True when `inner` lies wholly inside `outer` (to half a pixel, for sub-pixel layout). */
export function inside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x - 0.5 &&
    inner.y >= outer.y - 0.5 &&
    inner.x + inner.width <= outer.x + outer.width + 0.5 &&
    inner.y + inner.height <= outer.y + outer.height + 0.5
  );
}

/** True when two boxes share some area (touching edges do not count). */
export function overlap(a: Box, b: Box): boolean {
  return (
    a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5
  );
}
