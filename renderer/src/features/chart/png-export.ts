import type { ChartTimeframe } from '../../../../shared/ipc/views/markets';
import { withPngText } from './png-text';

/** What the exported picture says it shows. */
export interface ExportCaption {
  /** "BTC/USDT". */
  readonly symbol: string;
  /** The venue and its source when not production ("Binance · Demo"). */
  readonly venue: string;
  readonly timeframe: ChartTimeframe;
  /** When the picture was taken, epoch ms; written in UTC. */
  readonly timeMs: number;
  /** The market is the built-in Demo's (simulated prices): the picture carries a Demo mark. */
  readonly demo: boolean;
}

/** "2026-12-04 18:42 UTC". */
export function utcMinute(timeMs: number): string {
  return `${new Date(timeMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The caption line: "BTC/USDT · Binance · Demo · 5m · 2026-12-04 18:42 UTC". */
export function captionText(caption: ExportCaption): string {
  return [caption.symbol, caption.venue, caption.timeframe, utcMinute(caption.timeMs)].join(' · ');
}

/** The Demo mark's words, drawn on the picture of a Demo market. */
export const demoMarkText = 'DEMO · simulated market';

/** The download's file name: "liqlens-btc-usdt-binance-demo-5m-20261204-1842z.png". */
export function exportFileName(caption: ExportCaption): string {
  const time = new Date(caption.timeMs).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  const name = [caption.symbol, caption.venue, caption.timeframe].join('-');
  return `liqlens-${name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}-${time.toLowerCase()}z.png`;
}

/** Colours and font of the caption strip. */
export interface CaptionStyle {
  readonly background: string;
  readonly text: string;
  readonly muted: string;
  readonly accent: string;
  readonly fontFamily: string;
}

const stripCssPx = 30;

/**
 * The chart's picture (`chart`, as `takeScreenshot` gives it) with a caption strip under it: the
 * caption on the left, "LiqLens" on the right, and on a Demo market the Demo mark in the accent
 * colour. `ratio` is the picture's device pixel ratio (its pixels per CSS px).
 */
export function captionedCanvas(
  chart: HTMLCanvasElement,
  caption: ExportCaption,
  style: CaptionStyle,
  ratio: number,
): HTMLCanvasElement {
  const strip = Math.round(stripCssPx * ratio);
  const out = document.createElement('canvas');
  out.width = chart.width;
  out.height = chart.height + strip;
  const context = out.getContext('2d');
  if (context === null) return chart;
  context.drawImage(chart, 0, 0);
  context.fillStyle = style.background;
  context.fillRect(0, chart.height, out.width, strip);
  context.textBaseline = 'middle';
  const middle = chart.height + strip / 2;
  const pad = 10 * ratio;
  context.font = `600 ${12 * ratio}px ${style.fontFamily}`;
  context.fillStyle = style.text;
  context.textAlign = 'left';
  context.fillText(captionText(caption), pad, middle);
  context.textAlign = 'right';
  context.font = `${11 * ratio}px ${style.fontFamily}`;
  context.fillStyle = style.muted;
  context.fillText('LiqLens', out.width - pad, middle);
  if (caption.demo) {
    const brand = context.measureText('LiqLens').width;
    context.font = `700 ${12 * ratio}px ${style.fontFamily}`;
    context.fillStyle = style.accent;
    context.fillText(demoMarkText, out.width - pad * 2.5 - brand, middle);
  }
  return out;
}

/**
 * Saves the captioned picture as a PNG the browser downloads; the caption (and the Demo mark) are
 * also written into the file as iTXt chunks "Title" and "Comment".
 */
export async function downloadCaptionedPng(canvas: HTMLCanvasElement, caption: ExportCaption): Promise<void> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob === null) return;
  let bytes = withPngText(new Uint8Array(await blob.arrayBuffer()), 'Title', captionText(caption));
  if (caption.demo) bytes = withPngText(bytes, 'Comment', demoMarkText);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'image/png' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = exportFileName(caption);
  link.click();
  // The download reads the URL after the click returns: release it well after.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
