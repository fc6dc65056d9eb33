import type { Locator, Page } from '@playwright/test';

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
   * its centre (an alert toast over it counts: toasts must stack where they cover no control).
   */
  readonly whatifBody: Box | null;
  readonly whatifControls: readonly { readonly name: string; readonly box: Box; readonly onTop: boolean }[];
  readonly imbalanceBadge: Box | null;
  /** The measured-skill line, only there while the badge is pressed open. */
  readonly imbalanceSkill: Box | null;
  /** Each toast shown, and every control of the page outside the toasts (buttons, fields, handles) with a size. */
  readonly toasts: readonly Box[];
  readonly controls: readonly { readonly name: string; readonly box: Box }[];
  /** The market context strip in the chart's title bar, its visible list, and each figure in it. */
  readonly contextStrip: Box | null;
  readonly contextList: Box | null;
  readonly contextItems: readonly { readonly name: string; readonly box: Box }[];
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
        const onTop = top !== null && (top === element || element.contains(top));
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
      imbalanceSkill: one('[data-testid="imbalance-skill"]'),
      toasts: [...document.querySelectorAll('.toasts .toast')].map(
        (toast) => boxOf(toast) ?? { x: 0, y: 0, width: 0, height: 0 },
      ),
      controls: [...document.querySelectorAll('button, input, select, textarea, [role="separator"]')]
        .filter((element) => element.closest('.toasts') === null)
        .map((element) => ({
          name:
            element.getAttribute('data-testid') ??
            element.getAttribute('aria-label') ??
            (element.textContent ?? '').trim().slice(0, 40),
          box: boxOf(element) ?? { x: 0, y: 0, width: 0, height: 0 },
        }))
        .filter((control) => control.box.width > 0 && control.box.height > 0),
      contextStrip: one('[data-testid="market-context-strip"]'),
      contextList: one('[data-testid="market-context-strip"] ul'),
      // Items the strip hid whole for lack of room (counted on its Details button) have no box.
      contextItems: [...document.querySelectorAll('[data-testid="market-context-strip"] li:not([hidden])')].map(
        (li) => ({
          name: li.getAttribute('data-testid') ?? '',
          box: boxOf(li) ?? { x: 0, y: 0, width: 0, height: 0 },
        }),
      ),
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

/**
 * The elements under `root` matching `selector` whose content is wider than their box, named
 * `tag.class`: text that runs into its neighbour or off an edge. Empty when all fits.
 */
export function overflowingIn(root: Locator, selector: string): Promise<string[]> {
  return root.evaluate(
    (element, within) =>
      [...element.querySelectorAll(within)]
        .filter((candidate) => candidate.scrollWidth > candidate.clientWidth + 1)
        .map((candidate) => `${candidate.tagName.toLowerCase()}.${candidate.className}`),
    selector,
  );
}
