/** A point of a sparkline in its box's pixels: x grows rightwards, y downwards (SVG's axes). */
export interface SparkPoint {
  readonly x: number;
  readonly y: number;
}

/**
 * The points of a sparkline for `values` (oldest first) in a `width` × `height` box, spread evenly
 * from the left edge to the right and scaled so the lowest and highest values touch the bottom and top,
 * `pad` px inside them so a stroke is not cut. A flat series sits in the middle. Fewer than two values
 * give no line (an empty array): one point has no direction to show.
 */
export function sparkPoints(values: readonly number[], width: number, height: number, pad = 1): SparkPoint[] {
  if (values.length < 2) return [];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low;
  const step = width / (values.length - 1);
  const inner = height - 2 * pad;
  return values.map((value, i) => ({
    x: i * step,
    y: span > 0 ? pad + ((high - value) / span) * inner : height / 2,
  }));
}

/** The y of `value` on the scale `sparkPoints` gives `values`, or null when it is outside their range. */
export function sparkY(values: readonly number[], value: number, height: number, pad = 1): number | null {
  const low = Math.min(...values);
  const high = Math.max(...values);
  if (values.length < 2 || value < low || value > high) return null;
  return high > low ? pad + ((high - value) / (high - low)) * (height - 2 * pad) : height / 2;
}
