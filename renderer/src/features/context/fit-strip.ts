import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The order in which the strip keeps its figures when the chart's title bar is too narrow for all
 * of them: the divergence count first (it is the warning), then open interest, funding and volume;
 * CVD and the long/short ratio go first. An item not named here ranks after every named one.
 */
const keepOrder = ['flags', 'openInterest', 'funding', 'volume', 'cvd', 'longShort'];

const rank = (item: HTMLElement): number => {
  const at = keepOrder.indexOf(item.dataset['metric'] ?? '');
  return at < 0 ? keepOrder.length : at;
};

/**
 * Keeps the strip's figures whole. Whenever `content` (what sets the items' widths) or the number of
 * hidden items (the Details button's width) changes, and whenever the strip (whose width is the title
 * bar's free room, not its content's) changes width, it shows every item of `list`; when they
 * overflow, it hides whole items, lowest priority first (`keepOrder`), until the rest fit, instead of
 * letting the list cut the last ones in half. Runs before the browser paints, so a hidden item never
 * flashes. Returns the hidden items' names (`data-name`), for the Details button that shows them all.
 */
export function useFitStrip(list: RefObject<HTMLUListElement | null>, content: string): readonly string[] {
  const [hidden, setHidden] = useState<readonly string[]>([]);
  const fit = useCallback((): void => {
    const element = list.current;
    if (element === null) return;
    const items = [...element.children].filter((child): child is HTMLElement => child instanceof HTMLElement);
    for (const item of items) item.hidden = false;
    const room = element.clientWidth;
    const dropped: string[] = [];
    if (element.scrollWidth > room + 0.5) {
      const gap = parseFloat(getComputedStyle(element).columnGap) || 0;
      let used = -gap;
      for (const item of [...items].sort((a, b) => rank(a) - rank(b))) {
        const width = item.getBoundingClientRect().width;
        if (used + gap + width <= room + 0.5) used += gap + width;
        else {
          item.hidden = true;
          dropped.push(item.dataset['name'] ?? '');
        }
      }
    }
    setHidden((was) => (was.length === dropped.length && was.every((name, i) => name === dropped[i]) ? was : dropped));
  }, [list]);
  // Not on every render: the strip re-renders with the app, and each fit forces a layout.
  useLayoutEffect(fit, [fit, content, hidden.length]);
  // Watched again when the content changes: the list may have mounted since (the strip shows
  // nothing without a market).
  useEffect(() => {
    const strip = list.current?.parentElement;
    if (!strip) return;
    const observer = new ResizeObserver(fit);
    observer.observe(strip);
    return () => observer.disconnect();
  }, [list, fit, content]);
  return hidden;
}
