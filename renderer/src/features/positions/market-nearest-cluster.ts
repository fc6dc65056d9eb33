import { liquidationSideNearest } from '../../../../shared/clusters/nearest-cluster';
import type { LiquidationSideCluster, PositionView } from '../../../../shared/ipc/views/positions';
import type { MarketState } from '../market/market-state';
import { formatPercent } from './format';
import { shownLiquidationPrice } from './shown-liquidation';

/**
 * A position's nearest cluster on its liquidation side, read from its market's entry in the store:
 * the very profile the chart draws, measured from the store's live mark, against the liquidation
 * price the table and the chart show. Loading until the market's snapshot and mark are in;
 * unavailable when opening failed or the market has no cluster estimate.
 */
export function marketNearestCluster(
  state: MarketState,
  position: Pick<PositionView, 'side' | 'exchangeLiquidationPrice' | 'computedLiquidationPrice'>,
): LiquidationSideCluster {
  if (state.snapshot === null) {
    return state.error === null
      ? { state: 'loading' }
      : { state: 'unavailable', reason: `The market could not be opened: ${state.error}` };
  }
  if (state.mark === null) return { state: 'loading' };
  if (state.profile === null)
    return {
      state: 'unavailable',
      reason: 'No estimate yet: this market has no liquidation map. It fills as open interest is recorded.',
    };
  const found = liquidationSideNearest(state.profile, state.mark, position.side, shownLiquidationPrice(position));
  return found === null ? { state: 'none' } : { state: 'found', ...found };
}

/**
 * True when two readings show the same in the table (the distance at its shown precision), so a
 * tick that moves the mark by less than that does not redraw the row.
 */
export function sameShownCluster(a: LiquidationSideCluster, b: LiquidationSideCluster): boolean {
  if (a.state === 'found' && b.state === 'found')
    return (
      a.price === b.price &&
      a.low === b.low &&
      a.high === b.high &&
      a.usd === b.usd &&
      a.beforeLiquidation === b.beforeLiquidation &&
      formatPercent(a.distance) === formatPercent(b.distance)
    );
  if (a.state === 'unavailable' && b.state === 'unavailable') return a.reason === b.reason;
  return a.state === b.state;
}
