/** One stop of a heat ramp: position 0..1 and an RGBA colour (channels 0..255, alpha 0..1). */
export interface HeatStop {
  readonly at: number;
  readonly rgba: readonly [number, number, number, number];
}

/**
 * The heatmap ramps: near zero fully transparent (empty price space stays the chart's background),
 * then indigo → magenta → amber → pale yellow. Kept off teal and orange, which mean long and short
 * in the profile; the light theme ends darker so the hottest cells still read on white.
 */
export const heatRamps: Readonly<Record<'dark' | 'light', readonly HeatStop[]>> = {
  dark: [
    { at: 0, rgba: [40, 20, 90, 0] },
    { at: 0.25, rgba: [60, 35, 130, 0.22] },
    { at: 0.55, rgba: [150, 45, 140, 0.38] },
    { at: 0.8, rgba: [240, 140, 40, 0.6] },
    { at: 1, rgba: [255, 236, 140, 0.85] },
  ],
  light: [
    { at: 0, rgba: [120, 100, 220, 0] },
    { at: 0.25, rgba: [120, 100, 220, 0.14] },
    { at: 0.55, rgba: [190, 60, 160, 0.3] },
    { at: 0.8, rgba: [235, 120, 20, 0.5] },
    { at: 1, rgba: [200, 60, 0, 0.75] },
  ],
};

/** `steps` CSS colours sampled evenly along a ramp (computed once, so drawing allocates none). */
export function heatPalette(stops: readonly HeatStop[], steps = 64): string[] {
  const out: string[] = [];
  for (let i = 0; i < steps; i++) {
    const t = steps === 1 ? 1 : i / (steps - 1);
    let k = 0;
    while (k < stops.length - 2 && (stops[k + 1]?.at ?? 1) < t) k++;
    const a = stops[k],
      b = stops[Math.min(k + 1, stops.length - 1)];
    if (a === undefined || b === undefined) break;
    const span = b.at - a.at;
    const f = span > 0 ? Math.min(1, Math.max(0, (t - a.at) / span)) : 1;
    const mix = (j: 0 | 1 | 2 | 3): number => a.rgba[j] + (b.rgba[j] - a.rgba[j]) * f;
    out.push(`rgba(${Math.round(mix(0))},${Math.round(mix(1))},${Math.round(mix(2))},${mix(3).toFixed(3)})`);
  }
  return out;
}

/**
 * Palette index of a value against a scale maximum. A mild power (0.8): liquidation USD is
 * heavy-tailed, so a linear scale would hide all but the largest cluster, while a square root
 * lights up the whole map and hides which clusters matter. Values at or above the maximum take the
 * hottest colour; non-positive values index 0 (transparent).
 */
export function heatIndex(value: number, max: number, steps: number): number {
  if (!(value > 0) || !(max > 0)) return 0;
  return Math.min(steps - 1, Math.max(1, Math.round(Math.pow(Math.min(1, value / max), 0.8) * (steps - 1))));
}

/**
 * The scale maximum of a heatmap: a high quantile of the non-zero cells rather than the single
 * largest, so one freak cell does not wash the rest out. Returns 0 when every cell is empty.
 */
export function heatScaleMax(
  columns: readonly { readonly long: ArrayLike<number>; readonly short: ArrayLike<number> }[],
  quantile = 0.995,
): number {
  let total = 0;
  for (const column of columns) total += Math.max(column.long.length, column.short.length);
  // A typed array sorts numerically without a comparator: a month of hourly columns stays cheap.
  const values = new Float64Array(total);
  let count = 0;
  for (const column of columns) {
    const n = Math.max(column.long.length, column.short.length);
    for (let i = 0; i < n; i++) {
      const v = (column.long[i] ?? 0) + (column.short[i] ?? 0);
      if (v > 0) values[count++] = v;
    }
  }
  if (count === 0) return 0;
  const sorted = values.subarray(0, count).sort();
  return sorted[Math.min(count - 1, Math.floor(quantile * (count - 1)))] ?? 0;
}
