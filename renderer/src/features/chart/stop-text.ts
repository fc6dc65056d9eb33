import type { DroppedStop, StopSuggestion } from '../../../../shared/clusters';
import { formatFixed } from '../positions/format';
import { rangeDecimals } from './tooltip-text';
import { formatUsdCompact } from './usd-compact';

/**
 * Why a stop sits where it does: "beyond $1.4M of long liquidations at 2,559; 1.5 ATR". The
 * cluster's price at the precision its window's width deserves, the buffer in ATRs.
 */
export function stopReasonText(stop: StopSuggestion, tickSize: number): string {
  const multiple = Number.isInteger(stop.atrMultiple) ? stop.atrMultiple.toFixed(0) : String(stop.atrMultiple);
  return `beyond ${clusterText(stop, tickSize)}; ${multiple} ATR`;
}

/** "$1.4M of long liquidations at 2,559": a cluster at the precision its window's width deserves. */
function clusterText({ cluster, clusterSide }: Pick<StopSuggestion, 'cluster' | 'clusterSide'>, tickSize: number) {
  const price = formatFixed(cluster.price, rangeDecimals(cluster.high - cluster.low, tickSize));
  return `${formatUsdCompact(cluster.usd)} of ${clusterSide} liquidations at ${price}`;
}

/**
 * Why no stop is drawn beyond the nearest cluster that was too close to the liquidation: "No stop
 * beyond $1.2M of long liquidations at 2,565: 0.3 ATR from the liquidation, too close (0.5 needed)".
 * Null when none was dropped for that reason (one beyond the liquidation needs no words: the
 * liquidation line already shows it).
 */
export function droppedStopText(dropped: readonly DroppedStop[], tickSize: number): string | null {
  const tooClose = dropped.find((stop) => stop.reason === 'too-close');
  if (tooClose === undefined) return null;
  return `No stop beyond ${clusterText(tooClose, tickSize)}: ${tooClose.gapAtr.toFixed(1)} ATR from the liquidation, too close (${tooClose.minGapAtr} needed)`;
}
