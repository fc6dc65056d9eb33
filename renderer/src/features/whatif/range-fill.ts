import type { CSSProperties } from 'react';

/**
 * The filled stretch of a slider track, from `origin` to `value` (both clamped to [min, max]), as
 * the CSS custom properties `--fill-from` / `--fill-to` in percent of the track. A centred slider
 * (price move) fills from the middle; a plain one from its minimum.
 */
export function rangeFill(min: number, max: number, value: number, origin = min): CSSProperties {
  const span = max - min;
  const at = (x: number): number => (span > 0 ? (Math.min(max, Math.max(min, x)) - min) / span : 0) * 100;
  const a = at(origin),
    b = at(value);
  const style: Record<string, string> = { '--fill-from': `${Math.min(a, b)}%`, '--fill-to': `${Math.max(a, b)}%` };
  return style;
}
