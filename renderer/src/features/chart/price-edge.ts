import { formatPrice } from '../positions/format';

/**
 * A far line takes part in the price scale only while the candles keep at least this share of its
 * height: a liquidation 40 % below a calm market would otherwise flatten every candle into a line.
 */
export const minCandleShare = 0.4;

/**
 * Whether the scale may stretch from the candles' [low, high] to `price` and keep the candles at
 * least `minCandleShare` of its height. True for a price inside the candles' range, and when the
 * range is empty or unknown (nothing to squash).
 */
export function fitsBesideCandles(low: number, high: number, price: number): boolean {
  const span = high - low;
  if (!(span > 0)) return true;
  return span / (Math.max(high, price) - Math.min(low, price)) >= minCandleShare;
}

/** Where a price lies against the pane's visible range: above its top, below its bottom, or in view (null). */
export function edgeOf(price: number, top: number, bottom: number): 'above' | 'below' | null {
  if (price > top) return 'above';
  if (price < bottom) return 'below';
  return null;
}

/**
 * An edge marker's text: the line's name, its price at the tick, the way to it and its distance
 * from the mark ("Liq 61,240 ▼ 18.4 %"). Without a mark the distance is left out.
 */
export function edgeMarkerText(name: string, price: number, mark: number | null, tickSize: number): string {
  const head = `${name} ${formatPrice(price, tickSize)}`;
  if (mark === null || !(mark > 0)) return head;
  const distance = Math.abs(price - mark) / mark;
  return `${head} ${price < mark ? '▼' : '▲'} ${(distance * 100).toFixed(1)} %`;
}
