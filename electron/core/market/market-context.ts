import type { ClusterBin, ImbalanceInput } from '../../../shared/alerts';
import {
  buildProfile,
  imbalance,
  liquidationSideNearest,
  type LedgerView,
  type Profile,
} from '../../../shared/clusters';
import type { RealizedLiquidation } from '../../../shared/domain/liquidation';
import type { LiquidationSideCluster, PositionView } from '../../../shared/ipc/views/positions';

/** How far around the mark the positions' context reaches, fraction each side (the chart's range). */
const rangeFraction = 0.15;
/** The imbalance alerts read: ±10 % of the mark. */
const imbalanceFraction = 0.1;

/** What the positions and the alerts know of a market's cluster model right now. */
export type MarketContext =
  | { readonly state: 'loading' }
  | { readonly state: 'unavailable'; readonly reason: string }
  | {
      readonly state: 'ready';
      readonly profile: Profile;
      /** Non-empty bins within the range, both sides (the alert engine's cluster input). */
      readonly clusters: readonly ClusterBin[];
      readonly imbalance: ImbalanceInput;
      readonly liquidations: readonly RealizedLiquidation[];
    };

/** The context of a market from its ledger (null: no model, e.g. tiers unknown) and its realized liquidations. */
export function contextOf(ledger: LedgerView | null, realized: readonly RealizedLiquidation[]): MarketContext {
  if (ledger === null || !(ledger.price > 0)) return { state: 'loading' };
  const price = ledger.price;
  const profile = buildProfile(ledger, {
    fromPrice: price * (1 - rangeFraction),
    toPrice: price * (1 + rangeFraction),
  });
  const clusters: ClusterBin[] = [];
  for (let i = 0; i < profile.long.length; i++) {
    const bin = profile.firstBin + i;
    const priceLow = profile.grid.low(bin),
      priceHigh = profile.grid.high(bin);
    const long = profile.long[i] ?? 0,
      short = profile.short[i] ?? 0;
    if (long > 0) clusters.push({ priceLow, priceHigh, usd: long, side: 'long' });
    if (short > 0) clusters.push({ priceLow, priceHigh, usd: short, side: 'short' });
  }
  if (clusters.length === 0)
    return {
      state: 'unavailable',
      reason:
        'No estimate yet: the map holds no liquidation levels within 15 % of the price. It fills as open interest is recorded.',
    };
  const window = imbalance(profile, price, { kind: 'fraction', fraction: imbalanceFraction });
  return {
    state: 'ready',
    profile,
    clusters,
    imbalance: { longUsd: window.longBelowUsd, shortUsd: window.shortAboveUsd },
    liquidations: realized,
  };
}

/**
 * The nearest large cluster on a position's liquidation side, measured from the position's own mark,
 * and whether it lies before the position's liquidation price (a cascade through it runs toward it).
 */
export function liquidationSideCluster(
  context: MarketContext,
  position: Pick<PositionView, 'side' | 'markPrice' | 'exchangeLiquidationPrice' | 'computedLiquidationPrice'>,
): LiquidationSideCluster {
  if (context.state !== 'ready') return context;
  const found = liquidationSideNearest(
    context.profile,
    position.markPrice,
    position.side,
    position.exchangeLiquidationPrice ?? position.computedLiquidationPrice,
  );
  return found === null ? { state: 'none' } : { state: 'found', ...found };
}
