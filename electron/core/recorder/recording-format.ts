import type { RealizedLiquidation } from '../../../shared/domain/liquidation';
import type { OpenInterestPoint } from '../../../shared/domain/open-interest';

/**
 * One closed one-minute bar as the recorder keeps it: the mark's OHLC (levels trigger on the mark),
 * the last-trade OHLC and volume, and the taker split in base units (null where the venue publishes
 * none: the ledger then splits 50/50).
 */
export interface MinuteBar {
  /** Bar open time, Unix ms, a whole minute. */
  readonly timeMs: number;
  readonly mark: { readonly open: number; readonly high: number; readonly low: number; readonly close: number };
  readonly last: { readonly open: number; readonly high: number; readonly low: number; readonly close: number };
  /** Traded volume, base units. */
  readonly volume: number;
  /** Volume bought by takers, base units; null when unknown. */
  readonly takerBuyVolume: number | null;
}

/**
 * A stretch of venue time over which the realized-liquidation stream was connected, so every
 * liquidation the venue pushed then is recorded: a stretch without any `liq` line in it had none,
 * while time outside every span is unknown (the scorecard scores only covered buckets).
 */
export interface WatchSpan {
  /** Unix ms, inclusive. */
  readonly fromMs: number;
  /** Unix ms, exclusive. */
  readonly toMs: number;
}

/** One line of a recording file. */
export type RecordLine =
  | { readonly kind: 'bar'; readonly bar: MinuteBar }
  | { readonly kind: 'oi'; readonly point: OpenInterestPoint }
  | { readonly kind: 'liq'; readonly liquidation: RealizedLiquidation }
  | { readonly kind: 'watch'; readonly span: WatchSpan };

/** Time of a record, Unix ms (what decides its day file). */
export function recordTimeMs(line: RecordLine): number {
  if (line.kind === 'bar') return line.bar.timeMs;
  if (line.kind === 'oi') return line.point.timeMs;
  if (line.kind === 'watch') return line.span.fromMs;
  return line.liquidation.timeMs;
}

/** Serialises one record as a single line of JSON (no newline). Short keys keep a day of 1m bars near 200 KB. */
export function encodeLine(line: RecordLine): string {
  if (line.kind === 'bar') {
    const { bar } = line;
    return JSON.stringify({
      k: 'bar',
      t: bar.timeMs,
      m: [bar.mark.open, bar.mark.high, bar.mark.low, bar.mark.close],
      l: [bar.last.open, bar.last.high, bar.last.low, bar.last.close],
      v: bar.volume,
      b: bar.takerBuyVolume,
    });
  }
  if (line.kind === 'oi')
    return JSON.stringify({ k: 'oi', t: line.point.timeMs, base: line.point.base, usd: line.point.usd });
  if (line.kind === 'watch') return JSON.stringify({ k: 'watch', t: line.span.fromMs, to: line.span.toMs });
  const { liquidation: l } = line;
  return JSON.stringify({
    k: 'liq',
    t: l.timeMs,
    s: l.symbol,
    side: l.side,
    p: l.price,
    q: l.size,
    usd: l.notionalUsd,
  });
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const nullableFinite = (value: unknown): number | null | undefined =>
  value === null ? null : finite(value) ? value : undefined;
const ohlc = (value: unknown): MinuteBar['mark'] | undefined => {
  if (!Array.isArray(value) || value.length !== 4 || !value.every(finite)) return undefined;
  const [open, high, low, close] = value as [number, number, number, number];
  return { open, high, low, close };
};

/**
 * Parses one line; returns undefined for anything that is not a complete, valid record (a torn last
 * line after a crash, a line from a future format), so a reader skips it rather than failing.
 */
export function decodeLine(text: string): RecordLine | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const row = raw as Record<string, unknown>;
  const time = row['t'];
  if (!finite(time)) return undefined;
  if (row['k'] === 'bar') {
    const mark = ohlc(row['m']),
      last = ohlc(row['l']),
      volume = row['v'],
      takerBuy = nullableFinite(row['b']);
    if (mark === undefined || last === undefined || !finite(volume) || takerBuy === undefined) return undefined;
    return { kind: 'bar', bar: { timeMs: time, mark, last, volume, takerBuyVolume: takerBuy } };
  }
  if (row['k'] === 'oi') {
    const base = nullableFinite(row['base']),
      usd = nullableFinite(row['usd']);
    if (base === undefined || usd === undefined || (base === null && usd === null)) return undefined;
    return { kind: 'oi', point: { timeMs: time, base, usd } };
  }
  if (row['k'] === 'watch') {
    const to = row['to'];
    return finite(to) && to > time ? { kind: 'watch', span: { fromMs: time, toMs: to } } : undefined;
  }
  if (row['k'] === 'liq') {
    const side = row['side'],
      price = row['p'],
      size = row['q'],
      usd = row['usd'],
      symbol = row['s'];
    if (
      (side !== 'long' && side !== 'short') ||
      !finite(price) ||
      !finite(size) ||
      !finite(usd) ||
      typeof symbol !== 'string'
    )
      return undefined;
    return { kind: 'liq', liquidation: { symbol, side, price, size, notionalUsd: usd, timeMs: time } };
  }
  return undefined;
}
