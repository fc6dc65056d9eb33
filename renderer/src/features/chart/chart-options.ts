import {
  ColorType,
  CrosshairMode,
  type CandlestickSeriesPartialOptions,
  type DeepPartial,
  type ChartOptions,
} from 'lightweight-charts';
import type { ChartColors } from './chart-colors';

/** Chart options for a theme: terminal-dense, no watermark, the profile's room on the right. */
export function chartOptions(colors: ChartColors): DeepPartial<ChartOptions> {
  return {
    autoSize: true,
    layout: {
      background: { type: ColorType.Solid, color: colors.background },
      textColor: colors.textMuted,
      fontSize: 11,
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      attributionLogo: false,
    },
    grid: { vertLines: { color: colors.grid }, horzLines: { color: colors.grid } },
    rightPriceScale: { borderColor: colors.border, scaleMargins: { top: 0.08, bottom: 0.08 } },
    // Room after the last bar: the profile at the right edge sits over empty future, not candles.
    timeScale: { borderColor: colors.border, rightOffset: 28, barSpacing: 7, timeVisible: true, secondsVisible: false },
    crosshair: {
      mode: CrosshairMode.Normal,
      vertLine: { color: colors.textMuted, labelBackgroundColor: colors.border },
      horzLine: { color: colors.textMuted, labelBackgroundColor: colors.border },
    },
  };
}

/** Candle colours: up in the long colour, down in danger red, hollow-free, thin wicks. */
export function candleOptions(colors: ChartColors): CandlestickSeriesPartialOptions {
  return {
    upColor: colors.up,
    downColor: colors.down,
    borderUpColor: colors.up,
    borderDownColor: colors.down,
    wickUpColor: colors.up,
    wickDownColor: colors.down,
    priceLineColor: colors.textMuted,
  };
}
