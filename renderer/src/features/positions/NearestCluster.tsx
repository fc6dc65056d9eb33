import { useCallback, useMemo } from 'react';
import type { LiquidationSideCluster, PositionView } from '../../../../shared/ipc/views/positions';
import { formatUsdCompact } from '../chart/usd-compact';
import type { MarketState } from '../market/market-state';
import type { MarketStore } from '../market/market-store';
import { marketSource, useMarketSelector } from '../market/useMarket';
import { formatPercent, formatPrice } from './format';
import { marketNearestCluster, sameShownCluster } from './market-nearest-cluster';

/** Where a row's cluster figure comes from: the chart's market in the store, or the core's model. */
type Origin = 'chart' | 'core';

/** Said of a figure from the core: the market is not in the store, so the chart has not drawn its profile. */
const coreNote = "The market is not open on the chart: this is the core's estimate; select the position to chart it.";

/**
 * A position's nearest cluster on its liquidation side, read from its market's entry in the market
 * store, so it is measured on the profile the chart draws. While the market is not open in the
 * store, it falls back to the core's figure (`position.liquidationSideCluster`), shown muted and
 * marked `data-source="core"`. Re-renders only when the shown figure changes, not on every tick.
 */
export function PositionNearestCluster({
  position,
  markets,
}: {
  readonly position: PositionView;
  readonly markets: MarketStore;
}) {
  const { venue, source: sourceId, symbol } = position;
  const source = useMemo(
    () => marketSource(markets, { venue, source: sourceId, symbol }),
    [markets, venue, sourceId, symbol],
  );
  const fromMarket = useMarketSelector(
    source,
    useCallback((state: MarketState) => marketNearestCluster(state, position), [position]),
    sameShownCluster,
  );
  return fromMarket === null ? (
    <NearestCluster cluster={position.liquidationSideCluster} position={position} origin="core" />
  ) : (
    <NearestCluster cluster={fromMarket} position={position} origin="chart" />
  );
}

/**
 * The nearest large cluster of other traders' liquidations on the position's liquidation side:
 * its USD, where it sits and how far from the mark. A cluster between the mark and the position's
 * own liquidation is marked: forced orders there push price toward the position.
 */
export function NearestCluster({
  cluster,
  position,
  origin,
}: {
  readonly cluster: LiquidationSideCluster;
  readonly position: Pick<PositionView, 'side' | 'tickSize'>;
  readonly origin: Origin;
}) {
  const sideWords = position.side === 'long' ? 'long liquidations below' : 'short liquidations above';
  const noted = (text: string): string => (origin === 'core' ? `${text.replace(/\.$/, '')}. ${coreNote}` : text);
  const common = { 'data-testid': 'nearest-cluster', 'data-source': origin, 'data-state': cluster.state };
  switch (cluster.state) {
    case 'loading':
      return (
        <span className="muted" title={noted('The cluster model of this market is loading')} {...common}>
          …
        </span>
      );
    case 'unavailable':
      return (
        <span className="muted" title={noted(cluster.reason)} {...common}>
          n/a
        </span>
      );
    case 'none':
      return (
        <span className="muted" title={noted(`No cluster of ${sideWords} the mark within 15 %`)} {...common}>
          none near
        </span>
      );
    case 'found': {
      const range = `${formatPrice(cluster.low, position.tickSize)}–${formatPrice(cluster.high, position.tickSize)}`;
      const title = noted(
        `${formatUsdCompact(cluster.usd)} of ${sideWords} the mark at ${range}, ${formatPercent(Math.abs(cluster.distance))} away` +
          (cluster.beforeLiquidation
            ? "; it lies before this position's liquidation price, so a cascade through it runs toward it"
            : "; beyond this position's liquidation price"),
      );
      return (
        <span
          className={`nearest-cluster nearest-cluster--${position.side}${origin === 'core' ? ' muted' : ''}`}
          title={title}
          data-price={cluster.price}
          {...common}
        >
          <span className="nearest-cluster__usd">{formatUsdCompact(cluster.usd)}</span> @{' '}
          {formatPrice(cluster.price, position.tickSize)}
          <span className="cell-sub">
            <span className="nearest-cluster__distance"> {formatPercent(cluster.distance)}</span>
            {cluster.beforeLiquidation && (
              <span className="nearest-cluster__before" aria-label="before your liquidation">
                {' '}
                ▲ before liq.
              </span>
            )}
          </span>
        </span>
      );
    }
  }
}
