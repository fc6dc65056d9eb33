import type { PositionView } from '../../../../shared/ipc/views/positions';

/**
 * The liquidation price the app shows for a position: the exchange's own when it reports one,
 * else the risk engine's; null without either (or without a position). The chart's line, its
 * cascade band and the what-if's live "clusters on the way" all start from this one value.
 */
export function shownLiquidationPrice(
  position: Pick<PositionView, 'exchangeLiquidationPrice' | 'computedLiquidationPrice'> | null | undefined,
): number | null {
  return position?.exchangeLiquidationPrice ?? position?.computedLiquidationPrice ?? null;
}
