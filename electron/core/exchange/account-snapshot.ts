import { defaultAccountMode } from '../../../shared/domain/account-mode';
import type { AccountSnapshot } from '../../../shared/domain/account-snapshot';
import type { PositionSnapshot } from '../../../shared/domain/position-snapshot';
import type { RiskAccount } from '../../../shared/domain/risk-account';
import type { RiskPosition } from '../../../shared/domain/risk-position';
import type { Tier } from '../../../shared/domain/tier';
import type { Venue } from '../../../shared/domain/venue';
import { evaluateAccount } from '../../../shared/risk';
import type { MappedPosition } from './map-ccxt';

/** What the adapter gathered for one symbol beside the positions. */
export interface SymbolFacts {
  readonly tiers: readonly Tier[];
  readonly maxLeverage: number | null;
  readonly tickSize: number | null;
  readonly takerFeeRate: number | null;
}

/**
 * Builds the account snapshot: the `RiskAccount` for `shared/risk` from the venue's positions,
 * tiers and cross wallet; the engine's liquidation price, maintenance and ratio per position beside
 * the venue's reported liquidation price (the self-check); the account totals. Pure.
 *
 * The taker fee rate is the highest among the positions' symbols (one rate per account in
 * RiskAccount; all of a venue's USDT perpetuals share one base rate in practice).
 */
export function buildAccountSnapshot(
  venue: Venue,
  mapped: readonly MappedPosition[],
  facts: ReadonlyMap<string, SymbolFacts>,
  walletBalance: number,
  fetchedAtMs: number,
): AccountSnapshot {
  const positions: RiskPosition[] = [];
  const kept: MappedPosition[] = [];
  for (const position of mapped) {
    const symbolFacts = facts.get(position.symbol);
    if (symbolFacts === undefined || symbolFacts.tiers.length === 0) continue;
    kept.push(position);
    positions.push({
      symbol: position.symbol,
      side: position.side,
      marginMode: position.marginMode,
      size: position.size,
      contractSize: position.contractSize,
      entryPrice: position.entryPrice,
      markPrice: position.markPrice,
      leverage: position.leverage,
      isolatedMargin: position.isolatedMargin,
      maxLeverage: symbolFacts.maxLeverage,
      tiers: symbolFacts.tiers,
    });
  }
  const takerFeeRate = Math.max(0, ...kept.map((p) => facts.get(p.symbol)?.takerFeeRate ?? 0));
  const risk: RiskAccount = {
    venue,
    positionMode: kept.some((p) => p.hedgeLeg) ? 'hedge' : 'oneway',
    walletBalance,
    takerFeeRate,
    positions,
  };
  const result = evaluateAccount(risk);
  const snapshots = kept.map((position, index): PositionSnapshot => {
    const computed = result.positions[index];
    const computedLiquidationPrice = computed?.liquidationPrice ?? null;
    const exchange = position.exchangeLiquidationPrice;
    return {
      venue,
      symbol: position.symbol,
      unifiedSymbol: position.unifiedSymbol,
      side: position.side,
      marginMode: position.marginMode,
      size: position.size * position.contractSize,
      contracts: position.size,
      contractSize: position.contractSize,
      entryPrice: position.entryPrice,
      markPrice: position.markPrice,
      leverage: position.leverage,
      unrealizedPnl: position.unrealizedPnl,
      exchangeLiquidationPrice: exchange,
      computedLiquidationPrice,
      selfCheckDifference:
        exchange === null || computedLiquidationPrice === null ? null : computedLiquidationPrice - exchange,
      maintenanceMargin: computed?.maintenanceMargin ?? 0,
      marginRatio: computed?.marginRatio ?? null,
      tickSize: facts.get(position.symbol)?.tickSize ?? null,
      // Modes are not read yet: every account is in its venue's classic mode, which LiqLens recomputes.
      computedNote: null,
      isolatedOnly: false,
      adlRank: null,
    };
  });
  return {
    risk,
    positions: snapshots,
    account: {
      equity: result.account.equity,
      maintenanceMargin: result.account.maintenanceMargin,
      marginRatio: result.account.marginRatio,
    },
    accountMode: defaultAccountMode[venue],
    venueGauge: null,
    fetchedAtMs,
  };
}
