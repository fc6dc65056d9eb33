import type { Candle } from '../../../../shared/domain/candle';
import { formatPrice } from '../positions/format';

/** One labelled figure of the OHLC legend ("O", "2,512.3"). */
export interface OhlcField {
  readonly label: string;
  readonly value: string;
  /** Colours the change: up, down or flat. */
  readonly tone?: 'up' | 'down' | 'flat';
}

/** A volume in base units, compact ("1.24k", "3.1M", "0.52"); "—" when the bar has none (mark-price bars carry none). */
export function formatVolume(volume: number): string {
  if (!(volume > 0) || !Number.isFinite(volume)) return '—';
  const units: readonly [number, string][] = [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [size, suffix] of units) if (volume >= size * 0.9995) return `${(volume / size).toFixed(2)}${suffix}`;
  return volume >= 100 ? volume.toFixed(0) : volume.toPrecision(3);
}

/**
 * The legend's figures for one candle: open, high, low and close at the tick, the change from open
 * to close in percent (signed, two decimals) and the traded volume.
 */
export function ohlcFields(candle: Candle, tickSize: number): OhlcField[] {
  const change = candle.open > 0 ? (candle.close - candle.open) / candle.open : 0;
  const tone = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
  return [
    { label: 'O', value: formatPrice(candle.open, tickSize) },
    { label: 'H', value: formatPrice(candle.high, tickSize) },
    { label: 'L', value: formatPrice(candle.low, tickSize) },
    { label: 'C', value: formatPrice(candle.close, tickSize) },
    { label: '', value: `${change > 0 ? '+' : change < 0 ? '−' : ''}${Math.abs(change * 100).toFixed(2)} %`, tone },
    { label: 'Vol', value: formatVolume(candle.volume) },
  ];
}

/** The legend as one line of text, as it reads on screen: "O 2,512.3 H 2,520.1 L 2,508.0 C 2,515.5 +0.12 % Vol 1.24k". */
export function ohlcText(candle: Candle, tickSize: number): string {
  return ohlcFields(candle, tickSize)
    .map((field) => (field.label === '' ? field.value : `${field.label} ${field.value}`))
    .join(' ');
}

/**
 * The candle that opened at `timeSeconds` (the chart's bar time, UTC s) among `candles` (oldest
 * first, as the chart holds them); the last candle when `timeSeconds` is null (cursor off the
 * chart) or no candle opened then. Null without candles.
 */
export function candleAtTime(candles: readonly Candle[], timeSeconds: number | null): Candle | null {
  if (timeSeconds === null) return candles.at(-1) ?? null;
  let low = 0,
    high = candles.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const open = Math.floor((candles[middle]?.openTimeMs ?? 0) / 1000);
    if (open === timeSeconds) return candles[middle] ?? null;
    if (open < timeSeconds) low = middle + 1;
    else high = middle - 1;
  }
  return candles.at(-1) ?? null;
}
