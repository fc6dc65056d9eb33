import type { SimBar, SimLiquidation } from './types';

const minuteMs = 60_000;
// Column order of the bar store: last-price bar fields, then mark OHLC, then open interest and the
// crowd's long share at the close.
const columns = [
  'open',
  'high',
  'low',
  'close',
  'volume',
  'quoteVolume',
  'takerBuyVolume',
  'takerBuyQuoteVolume',
  'trades',
  'markOpen',
  'markHigh',
  'markLow',
  'markClose',
  'openInterest',
  'longShare',
] as const;
type Column = (typeof columns)[number];

/** One closed minute as the store takes it. */
export type StoredMinute = Readonly<Record<Column, number>>;

/**
 * Contiguous one-minute bars of one symbol in a ring of typed-array columns (15 × 8 bytes per
 * minute: 30 days ≈ 5.2 MB), plus its liquidations. When full, the oldest minute is dropped, so
 * memory stays bounded however long the simulation runs.
 */
export interface HistoryStore {
  /** Open time of the oldest bar held, epoch ms. */
  readonly firstOpenTimeMs: number;
  readonly barCount: number;
  append(openTimeMs: number, minute: StoredMinute): void;
  bars(kind: 'last' | 'mark', startMs: number, endMs: number, limit: number): SimBar[];
  /** Open interest at each minute boundary in [startMs, endMs), base units. */
  openInterest(startMs: number, endMs: number): { timeMs: number; openInterest: number }[];
  /** The traders' long share by size (fraction) at each minute boundary in [startMs, endMs). */
  longShare(startMs: number, endMs: number): { timeMs: number; longShare: number }[];
  addLiquidation(liquidation: SimLiquidation): void;
  liquidations(startMs: number, endMs: number): SimLiquidation[];
}

/** Creates a store holding at most `capacityBars` minutes and `capacityLiquidations` liquidations. */
export function createHistoryStore(
  symbol: string,
  capacityBars: number,
  capacityLiquidations = 1_000_000,
): HistoryStore {
  const data = new Map<Column, Float64Array>(columns.map((name) => [name, new Float64Array(capacityBars)]));
  const column = (name: Column): Float64Array => data.get(name) ?? new Float64Array(0);
  let head = 0; // ring index of the oldest bar
  let count = 0;
  let firstOpenTimeMs = Number.NaN;
  // Liquidations: parallel columns, appended in time order; the oldest half is dropped when full.
  let liqTime = new Float64Array(1024),
    liqPrice = new Float64Array(1024),
    liqSize = new Float64Array(1024);
  let liqLong = new Uint8Array(1024);
  let liqCount = 0;

  const read = (name: Column, i: number): number => column(name)[(head + i) % capacityBars] ?? 0;
  const indexRange = (startMs: number, endMs: number): [number, number] => {
    if (count === 0) return [0, 0];
    const from = Math.max(0, Math.ceil((startMs - firstOpenTimeMs) / minuteMs));
    const to = Math.min(count, Math.ceil((endMs - firstOpenTimeMs) / minuteMs));
    return [from, Math.max(from, to)];
  };
  const lowerBound = (timeMs: number): number => {
    let lo = 0,
      hi = liqCount;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((liqTime[mid] ?? 0) < timeMs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  return {
    get firstOpenTimeMs() {
      return firstOpenTimeMs;
    },
    get barCount() {
      return count;
    },
    append(openTimeMs, minute) {
      if (count === 0) firstOpenTimeMs = openTimeMs;
      const at = (head + count) % capacityBars;
      for (const name of columns) column(name)[at] = minute[name];
      if (count < capacityBars) count++;
      else {
        head = (head + 1) % capacityBars;
        firstOpenTimeMs += minuteMs;
      }
    },
    bars(kind, startMs, endMs, limit) {
      const [from, to] = indexRange(startMs, endMs);
      const out: SimBar[] = [];
      for (let i = from; i < to && out.length < limit; i++) {
        const openTimeMs = firstOpenTimeMs + i * minuteMs;
        if (kind === 'mark') {
          out.push({
            openTimeMs,
            open: read('markOpen', i),
            high: read('markHigh', i),
            low: read('markLow', i),
            close: read('markClose', i),
            volume: 0,
            quoteVolume: 0,
            takerBuyVolume: 0,
            takerBuyQuoteVolume: 0,
            trades: 0,
          });
        } else {
          out.push({
            openTimeMs,
            open: read('open', i),
            high: read('high', i),
            low: read('low', i),
            close: read('close', i),
            volume: read('volume', i),
            quoteVolume: read('quoteVolume', i),
            takerBuyVolume: read('takerBuyVolume', i),
            takerBuyQuoteVolume: read('takerBuyQuoteVolume', i),
            trades: read('trades', i),
          });
        }
      }
      return out;
    },
    openInterest(startMs, endMs) {
      // The value at boundary T is the close of the bar that opened at T − 1 minute.
      const [from, to] = indexRange(startMs - minuteMs, endMs - minuteMs);
      const out: { timeMs: number; openInterest: number }[] = [];
      for (let i = from; i < to; i++)
        out.push({ timeMs: firstOpenTimeMs + (i + 1) * minuteMs, openInterest: read('openInterest', i) });
      return out;
    },
    longShare(startMs, endMs) {
      const [from, to] = indexRange(startMs - minuteMs, endMs - minuteMs);
      const out: { timeMs: number; longShare: number }[] = [];
      for (let i = from; i < to; i++)
        out.push({ timeMs: firstOpenTimeMs + (i + 1) * minuteMs, longShare: read('longShare', i) });
      return out;
    },
    addLiquidation(liquidation) {
      if (liqCount === liqTime.length) {
        if (liqCount >= capacityLiquidations) {
          const half = liqCount >> 1;
          liqTime.copyWithin(0, half);
          liqPrice.copyWithin(0, half);
          liqSize.copyWithin(0, half);
          liqLong.copyWithin(0, half);
          liqCount -= half;
        } else {
          const grow = <T extends Float64Array | Uint8Array>(array: T, make: (n: number) => T): T => {
            const next = make(array.length * 2);
            next.set(array);
            return next;
          };
          liqTime = grow(liqTime, (size) => new Float64Array(size));
          liqPrice = grow(liqPrice, (size) => new Float64Array(size));
          liqSize = grow(liqSize, (size) => new Float64Array(size));
          liqLong = grow(liqLong, (size) => new Uint8Array(size));
        }
      }
      liqTime[liqCount] = liquidation.timeMs;
      liqPrice[liqCount] = liquidation.price;
      liqSize[liqCount] = liquidation.size;
      liqLong[liqCount] = liquidation.side === 'long' ? 1 : 0;
      liqCount++;
    },
    liquidations(startMs, endMs) {
      const out: SimLiquidation[] = [];
      for (let i = lowerBound(startMs); i < liqCount && (liqTime[i] ?? 0) < endMs; i++) {
        out.push({
          symbol,
          timeMs: liqTime[i] ?? 0,
          side: liqLong[i] === 1 ? 'long' : 'short',
          price: liqPrice[i] ?? 0,
          size: liqSize[i] ?? 0,
        });
      }
      return out;
    },
  };
}
