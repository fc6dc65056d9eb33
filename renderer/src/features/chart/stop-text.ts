import type { StopSuggestion } from '../../../../shared/clusters';
import { formatFixed } from '../positions/format';
import { rangeDecimals } from './tooltip-text';
import { formatUsdCompact } from './usd-compact';

/**
 * Why a stop sits where it does: "beyond $1.4M of long liquidations at 2,559; 1.5 ATR". The
 * cluster's price at the precision its window's width deserves, the buffer in ATRs.
 */
export function stopReasonText(stop: StopSuggestion, tickSize: number): string {
  const { cluster } = stop;
  const price = formatFixed(cluster.price, rangeDecimals(cluster.high - cluster.low, tickSize));
  const multiple = Number.isInteger(stop.atrMultiple) ? stop.atrMultiple.toFixed(0) : String(stop.atrMultiple);
  return `beyond ${formatUsdCompact(cluster.usd)} of ${stop.clusterSide} liquidations at ${price}; ${multiple} ATR`;
}
