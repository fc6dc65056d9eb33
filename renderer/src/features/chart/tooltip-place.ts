/** Gap between the cursor and the tooltip, and between the tooltip and the chart's edges, CSS px. */
const cursorGapPx = 14;
const edgeGapPx = 4;

/**
 * Where a tooltip of `size` goes for a cursor at `cursor` inside an area of `area` (CSS px, the
 * area's top-left at 0,0): right of and below the cursor; left of it when it would cross the
 * right edge, above it when it would cross the bottom; then clamped inside the area (a box larger
 * than the area sits at its top-left edge gap).
 */
export function placeTooltip(
  cursor: { readonly x: number; readonly y: number },
  size: { readonly width: number; readonly height: number },
  area: { readonly width: number; readonly height: number },
): { left: number; top: number } {
  const along = (at: number, length: number, room: number): number => {
    let start = at + cursorGapPx;
    if (start + length > room - edgeGapPx) start = at - cursorGapPx - length;
    return Math.max(edgeGapPx, Math.min(start, room - edgeGapPx - length));
  };
  return { left: along(cursor.x, size.width, area.width), top: along(cursor.y, size.height, area.height) };
}
