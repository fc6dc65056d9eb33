import type { MapBin } from '../../../../shared/clusters';
import { formatFixed } from '../positions/format';
import { formatUsdCompact } from './usd-compact';

/** How many leverages a tooltip line names before it says "…". */
const leveragesShown = 3;

/**
 * Decimals that resolve a bin's width without noise: a 58-wide BTC bin needs none, a 3-wide ETH
 * bin one; never more than the tick allows.
 */
export function rangeDecimals(binWidth: number, tickSize: number): number {
  const tickDecimals = tickSize > 0 && tickSize < 1 ? Math.round(-Math.log10(tickSize)) : 0;
  if (!(binWidth > 0)) return tickDecimals;
  return Math.max(0, Math.min(tickDecimals, Math.ceil(-Math.log10(binWidth / 10))));
}

/** "58,200–58,300" for a bin, at the precision its width deserves. */
export function binRangeText(bin: Pick<MapBin, 'low' | 'high'>, tickSize: number): string {
  const decimals = rangeDecimals(bin.high - bin.low, tickSize);
  return `${formatFixed(bin.low, decimals)}–${formatFixed(bin.high, decimals)}`;
}

/**
 * "25x 41 %, 50x 33 %, 10x 12 %…": the largest leverages' shares of a side's USD in a bin; the
 * model's near-price band (no leverage) is one more part, named "near price".
 */
export function leverageMixText(
  byLeverage: readonly number[],
  leverages: readonly number[],
  totalUsd: number,
  nearPriceUsd = 0,
): string {
  if (!(totalUsd > 0)) return '';
  const parts = [
    ...leverages.map((leverage, k) => ({ label: `${leverage}x`, order: leverage, usd: byLeverage[k] ?? 0 })),
    { label: 'near price', order: Infinity, usd: nearPriceUsd },
  ]
    .filter((part) => part.usd > 0)
    .sort((a, b) => b.usd - a.usd || a.order - b.order);
  const shown = parts
    .slice(0, leveragesShown)
    .map((part) => `${part.label} ${Math.round((part.usd / totalUsd) * 100)} %`);
  return shown.join(', ') + (parts.length > leveragesShown ? '…' : '');
}

/**
 * The tooltip for the map bin under the cursor, one line per side that holds USD, larger side
 * first: "$412M of long liquidations at 58,200–58,300; 25x 41 %, 50x 33 %…". Empty when the bin is
 * empty.
 */
export function binTooltipLines(bin: MapBin, leverages: readonly number[], tickSize: number): string[] {
  const range = binRangeText(bin, tickSize);
  const sides = [
    { side: 'long', usd: bin.longUsd, byLeverage: bin.longByLeverage, nearUsd: bin.nearPrice?.longUsd ?? 0 },
    { side: 'short', usd: bin.shortUsd, byLeverage: bin.shortByLeverage, nearUsd: bin.nearPrice?.shortUsd ?? 0 },
  ]
    .filter((entry) => entry.usd > 0)
    .sort((a, b) => b.usd - a.usd);
  return sides.map((entry) => {
    const mix = leverageMixText(entry.byLeverage, leverages, entry.usd, entry.nearUsd);
    return `${formatUsdCompact(entry.usd)} of ${entry.side} liquidations at ${range}${mix === '' ? '' : `; ${mix}`}`;
  });
}
