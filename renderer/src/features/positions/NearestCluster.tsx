import type { PositionView } from '../../../../shared/ipc/views/positions';
import { formatUsdCompact } from '../chart/usd-compact';
import { formatPercent, formatPrice } from './format';

/**
 * The nearest large cluster of other traders' liquidations on the position's liquidation side:
 * its USD, where it sits and how far from the mark. A cluster between the mark and the position's
 * own liquidation is marked: forced orders there push price toward the position.
 */
export function NearestCluster({ position }: { readonly position: PositionView }) {
  const cluster = position.liquidationSideCluster;
  const sideWords = position.side === 'long' ? 'long liquidations below' : 'short liquidations above';
  switch (cluster.state) {
    case 'loading':
      return (
        <span
          className="muted"
          title="The cluster model of this market is loading"
          data-testid="nearest-cluster"
          data-state="loading"
        >
          …
        </span>
      );
    case 'unavailable':
      return (
        <span className="muted" title={cluster.reason} data-testid="nearest-cluster" data-state="unavailable">
          n/a
        </span>
      );
    case 'none':
      return (
        <span
          className="muted"
          title={`No cluster of ${sideWords} the mark within 15 %`}
          data-testid="nearest-cluster"
          data-state="none"
        >
          none near
        </span>
      );
    case 'found': {
      const range = `${formatPrice(cluster.low, position.tickSize)}–${formatPrice(cluster.high, position.tickSize)}`;
      const title =
        `${formatUsdCompact(cluster.usd)} of ${sideWords} the mark at ${range}, ${formatPercent(Math.abs(cluster.distance))} away` +
        (cluster.beforeLiquidation
          ? "; it lies before this position's liquidation price, so a cascade through it runs toward it"
          : "; beyond this position's liquidation price");
      return (
        <span
          className={`nearest-cluster nearest-cluster--${position.side}`}
          title={title}
          data-testid="nearest-cluster"
          data-state="found"
          data-price={cluster.price}
        >
          <span className="nearest-cluster__usd">{formatUsdCompact(cluster.usd)}</span> @{' '}
          {formatPrice(cluster.price, position.tickSize)}
          <span className="nearest-cluster__distance"> {formatPercent(cluster.distance)}</span>
          {cluster.beforeLiquidation && (
            <span className="nearest-cluster__before" aria-label="before your liquidation">
              {' '}
              ▲ before liq.
            </span>
          )}
        </span>
      );
    }
  }
}
