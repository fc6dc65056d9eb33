import type { LineColors } from './price-line-specs';
import type { OverlayColors } from './cluster-renderer';

/** Every colour the chart needs, resolved from the theme's CSS variables. */
export interface ChartColors {
  readonly background: string;
  readonly text: string;
  readonly textMuted: string;
  readonly grid: string;
  readonly border: string;
  readonly up: string;
  readonly down: string;
  readonly lines: LineColors;
  readonly overlay: OverlayColors;
  readonly theme: 'dark' | 'light';
}

/**
 * Reads the chart's colours from CSS custom properties on `element` (the theme's tokens in
 * ui/tokens.css, --chart-* among them), because the canvas cannot use `var()` and the theme can change.
 */
export function readChartColors(element: Element): ChartColors {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  const theme = element.closest('[data-theme]')?.getAttribute('data-theme') === 'light' ? 'light' : 'dark';
  const long = read('--long', '#2ec4b6'),
    short = read('--short', '#ff8a3d'),
    danger = read('--danger', '#f0506e');
  const ghost = read('--chart-ghost', '#a78bfa'),
    text = read('--text', '#d7dce5');
  return {
    theme,
    text,
    background: read('--chart-bg', '#0b0e14'),
    textMuted: read('--text-muted', '#7d8696'),
    grid: read('--chart-grid', 'rgba(125,134,150,0.08)'),
    border: read('--border', '#1f2633'),
    up: read('--chart-up', long),
    down: read('--chart-down', danger),
    lines: {
      entry: read('--chart-entry', '#8fa3bf'),
      breakEven: read('--chart-break-even', '#c3cad6'),
      liquidation: danger,
      ghost,
      warning: read('--warn', '#f5a524'),
      danger: read('--chart-threshold-danger', '#ff6b3d'),
      critical: danger,
      stop: read('--chart-stop', '#5aa9ff'),
    },
    overlay: { long, short, danger, ghost, text, labelBackground: read('--chart-label-bg', 'rgba(11,14,20,0.85)') },
  };
}
