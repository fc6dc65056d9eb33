import type { AccountSnapshot } from '../../../shared/domain/account-snapshot';
import type { Freshness } from '../../../shared/domain/freshness';
import type { MarketKey } from '../../../shared/domain/market-source';
import type { PositionView } from '../../../shared/ipc/views/positions';
import { evaluateAccount } from '../../../shared/risk';

/** `BTC/USDT:USDT` → `BTC/USDT`: the name a trader reads. */
export function displaySymbol(unifiedSymbol: string): string {
  return unifiedSymbol.split(':')[0] ?? unifiedSymbol;
}

/**
 * The positions of one snapshot of an account reading `market`'s venue at its source, as the renderer shows them: the exchange's liquidation price, the
 * app's own (from the snapshot's risk input through shared/risk), the self-check between them, and
 * the distance to liquidation. `freshness` is the account's (the positions are its snapshot); `stale` follows it.
 */
export function toPositionViews(
  accountId: string,
  market: Pick<MarketKey, 'venue' | 'source'>,
  snapshot: AccountSnapshot,
  freshness: Freshness,
): PositionView[] {
  const risk = evaluateAccount(snapshot.risk);
  return snapshot.positions.map((position, index) => {
    const computed = risk.positions[index];
    const tickSize = position.tickSize ?? 0;
    const difference = position.selfCheckDifference;
    return {
      accountId,
      venue: market.venue,
      source: market.source,
      symbol: position.symbol,
      displaySymbol: displaySymbol(position.unifiedSymbol),
      side: position.side,
      marginMode: position.marginMode,
      sizeBase: position.size,
      entryPrice: position.entryPrice,
      markPrice: position.markPrice,
      leverage: position.leverage,
      exchangeLiquidationPrice: position.exchangeLiquidationPrice,
      computedLiquidationPrice: position.computedLiquidationPrice,
      computedNote: position.computedNote,
      adlRank: position.adlRank,
      riskLimitLoweredAtMs: position.riskLimitLoweredAtMs,
      leverageLoweredAtMs: position.leverageLoweredAtMs,
      selfCheckDifference: difference,
      // Within one tick (plus float noise) counts as agreeing: venues round their price to the tick.
      selfCheckOk: difference === null ? null : Math.abs(difference) <= tickSize * 1.000001 + 1e-9,
      tickSize,
      maintenanceMargin: position.maintenanceMargin,
      marginRatio: position.marginRatio,
      distance: computed?.distance ?? null,
      unrealizedPnl: position.unrealizedPnl,
      updatedAtMs: snapshot.fetchedAtMs,
      stale: freshness.state !== 'live',
      freshness,
      // The core fills this in from the market's cluster model (see market/position-markets).
      liquidationSideCluster: { state: 'loading' },
    };
  });
}
