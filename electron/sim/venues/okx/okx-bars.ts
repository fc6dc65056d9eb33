import { weekOffsetMs } from '../common/candles';

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
/** Candles of 6 hours and more open at Hong Kong midnight (UTC+8) unless the id ends in 'utc'. */
const hongKongOffsetMs = -8 * hourMs;

/** A candle interval: length and alignment. */
export interface OkxBar {
  readonly intervalMs: number;
  readonly offsetMs: number;
}

const lengths: Readonly<Record<string, number>> = {
  '1m': minuteMs,
  '3m': 3 * minuteMs,
  '5m': 5 * minuteMs,
  '15m': 15 * minuteMs,
  '30m': 30 * minuteMs,
  '1H': hourMs,
  '2H': 2 * hourMs,
  '4H': 4 * hourMs,
  '6H': 6 * hourMs,
  '12H': 12 * hourMs,
  '1D': 24 * hourMs,
  '2D': 48 * hourMs,
  '3D': 72 * hourMs,
  '1W': 168 * hourMs,
};

/**
 * OKX's `bar` ids ('1m' … '1W', and '6Hutc' … '1Wutc'). Months are not simulated: undefined, like
 * any unknown id. Lower-case hour/day ids ('1h', '1d') are accepted as OKX does.
 */
export function okxBar(id: string): OkxBar | undefined {
  const utc = id.endsWith('utc');
  const base = utc ? id.slice(0, -3) : id;
  const intervalMs = lengths[base] ?? lengths[base.toUpperCase()];
  if (intervalMs === undefined || (utc && intervalMs < 6 * hourMs)) return undefined;
  const local = !utc && intervalMs >= 6 * hourMs ? hongKongOffsetMs : 0;
  const week = intervalMs === lengths['1W'] ? weekOffsetMs : 0;
  return { intervalMs, offsetMs: week + local };
}
