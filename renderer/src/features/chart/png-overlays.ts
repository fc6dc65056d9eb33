/**
 * Paints the chart's HTML overlays (the legend with its OHLC line and stops, the edge markers) onto
 * the exported picture: lightweight-charts' `takeScreenshot` holds only its own canvases, and a
 * picture without the OHLC figures or without the far-away liquidation's marker tells less than the
 * screen did. Each element's box (its background and border, when it draws one) and each word of its
 * text are drawn where the page lays them out, in the element's own font and colour, so the picture
 * reads as the screen does without a second layout to keep in step.
 */
export function paintOverlays(
  context: CanvasRenderingContext2D,
  origin: DOMRect,
  elements: readonly Element[],
  ratio: number,
  backdrop: string,
): void {
  for (const element of elements) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    paintBox(context, element, box, origin, ratio, backdrop);
    paintWords(context, element, origin, ratio);
  }
}

/** The element's own background (or, without one, the chart's background half see-through) and border. */
function paintBox(
  context: CanvasRenderingContext2D,
  element: Element,
  box: DOMRect,
  origin: DOMRect,
  ratio: number,
  backdrop: string,
): void {
  const style = getComputedStyle(element);
  const clear = style.backgroundColor === 'transparent' || style.backgroundColor === 'rgba(0, 0, 0, 0)';
  const radius = Math.min(parseFloat(style.borderTopLeftRadius) || 0, box.height / 2) * ratio;
  const [x, y, w, h] = [(box.x - origin.x) * ratio, (box.y - origin.y) * ratio, box.width * ratio, box.height * ratio];
  context.save();
  context.beginPath();
  context.roundRect(x, y, w, h, radius);
  if (clear) context.globalAlpha = 0.6;
  context.fillStyle = clear ? backdrop : style.backgroundColor;
  context.fill();
  context.globalAlpha = 1;
  const border = parseFloat(style.borderTopWidth) || 0;
  if (border > 0 && style.borderTopStyle !== 'none') {
    context.lineWidth = border * ratio;
    context.strokeStyle = style.borderTopColor;
    context.stroke();
  }
  context.restore();
}

/** Every word of the element's text at its laid-out place, in its parent's font and colour. */
function paintWords(context: CanvasRenderingContext2D, element: Element, origin: DOMRect, ratio: number): void {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = node.textContent ?? '';
    if (parent === null || text.trim() === '') continue;
    const style = getComputedStyle(parent);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    context.font = `${style.fontStyle} ${style.fontWeight} ${parseFloat(style.fontSize) * ratio}px ${style.fontFamily}`;
    context.fillStyle = style.color;
    context.textBaseline = 'middle';
    context.textAlign = 'left';
    // Word by word: a text that wraps has one box per line, and each word sits wholly on one of them.
    for (const match of text.matchAll(/\S+/g)) {
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const word = range.getBoundingClientRect();
      if (word.width === 0) continue;
      context.fillText(match[0], (word.x - origin.x) * ratio, (word.y + word.height / 2 - origin.y) * ratio);
    }
  }
}
