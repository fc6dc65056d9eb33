import {
  accountModeFacts,
  gaugeMarginRatio,
  type AccountGauge,
  type AccountModeId,
} from '../../../shared/domain/account-mode';
import type { AccountSnapshot } from '../../../shared/domain/account-snapshot';
import type { CollateralAsset } from '../../../shared/domain/collateral';
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

/** What the adapter read about the account mode beside the positions. */
export interface ModeFigures {
  readonly mode: AccountModeId;
  /** The venue's gauge as read, or null when the mode has none or the venue did not give it. */
  readonly gauge: AccountGauge | null;
  /** Hyperliquid unified: the spot USDC total that backs the positions; else null. */
  readonly spotQuoteTotal: number | null;
  /** Hyperliquid unified: the USD value of the other spot tokens, in the equity but not the margin; absent elsewhere. */
  readonly otherSpotUsd?: number;
  /** The venue's ADL scale, or null where it publishes none (the positions' `adl` is then ignored). */
  readonly adlScale: { readonly min: number; readonly max: number } | null;
  /**
   * Multi-asset modes (Binance Multi-Assets, Bybit unified cross): every collateral asset as the venue
   * reports it, the settle asset first; null in other modes.
   */
  readonly collateral: readonly CollateralAsset[] | null;
}

/**
 * Builds the account snapshot: the `RiskAccount` for `shared/risk` from the venue's positions,
 * tiers and cross wallet; the engine's liquidation price, maintenance and ratio per position beside
 * the venue's reported liquidation price (the self-check); the account totals. Pure.
 *
 * The taker fee rate is the highest among the positions' symbols (one rate per account in
 * RiskAccount; all of a venue's USDT perpetuals share one base rate in practice).
 *
 * The account mode decides the liquidation price (docs/research/account-modes.md §1): where LiqLens
 * cannot recompute it, `computedLiquidationPrice` is null and `computedNote` gives the mode's reason,
 * so the self-check shows that sentence instead of a mismatch.
 */
export function buildAccountSnapshot(
  venue: Venue,
  mapped: readonly MappedPosition[],
  facts: ReadonlyMap<string, SymbolFacts>,
  walletBalance: number,
  fetchedAtMs: number,
  modeFigures: ModeFigures,
): AccountSnapshot {
  const { mode, adlScale } = modeFigures;
  // In the modes LiqLens cannot recompute, the venue's figure is the truth and the note says why.
  const modeFacts = accountModeFacts(mode);
  const recomputed = modeFacts.liquidationPrice === 'exact';
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
      entryPrice: modeFigures.collateral === null ? position.entryPrice : pnlEntryPrice(position, symbolFacts.tickSize),
      markPrice: position.markPrice,
      leverage: position.leverage,
      isolatedMargin: position.isolatedMargin,
      maxLeverage: symbolFacts.maxLeverage,
      tiers: symbolFacts.tiers,
      // The engine then keeps its margin in place (no removal in the what-if): docs/research/account-modes.md §6.
      ...(position.isolatedOnly ? { isolatedOnly: true } : {}),
      // Multi-asset modes: PnL and maintenance count in the settle asset's wallet at its own rates (a
      // BTCUSDC position in USDC), docs/research/account-modes.md §2.
      ...(modeFigures.collateral !== null && position.settleAsset !== '' ? { settleAsset: position.settleAsset } : {}),
    });
  }
  const takerFeeRate = Math.max(0, ...kept.map((p) => facts.get(p.symbol)?.takerFeeRate ?? 0));
  const risk: RiskAccount = {
    venue,
    positionMode: kept.some((p) => p.hedgeLeg) ? 'hedge' : 'oneway',
    walletBalance,
    takerFeeRate,
    positions,
    accountMode: mode,
    ...(modeFigures.spotQuoteTotal === null ? {} : { spotQuoteTotal: modeFigures.spotQuoteTotal }),
    ...(modeFigures.collateral === null ? {} : { collateral: modeFigures.collateral }),
    // The alerts read a cross position's ratio from it where LiqLens cannot recompute (shared/alerts from-risk.ts).
    ...(modeFigures.gauge === null ? {} : { venueGauge: modeFigures.gauge }),
  };
  const result = evaluateAccount(risk);
  const venueRatio = modeFigures.gauge === null ? null : gaugeMarginRatio(modeFigures.gauge);
  const snapshots = kept.map((position, index): PositionSnapshot => {
    const computed = result.positions[index];
    const computedLiquidationPrice = recomputed ? (computed?.liquidationPrice ?? null) : null;
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
      // LiqLens's ratio is only as good as its model of the mode: where it cannot recompute, a cross
      // position's ratio is the venue's account gauge (the account is liquidated as a whole).
      marginRatio: recomputed ? (computed?.marginRatio ?? null) : position.marginMode === 'cross' ? venueRatio : null,
      tickSize: facts.get(position.symbol)?.tickSize ?? null,
      computedNote: recomputed ? null : modeFacts.liquidationNote,
      isolatedOnly: position.isolatedOnly,
      adlRank:
        adlScale === null || position.adl === null
          ? null
          : { value: position.adl, min: adlScale.min, max: adlScale.max },
      riskLimitLoweredAtMs: position.riskLimitLoweredAtMs,
      leverageLoweredAtMs: position.leverageLoweredAtMs,
    };
  });
  return {
    risk,
    positions: snapshots,
    account: {
      // A unified Hyperliquid account is worth its spot tokens too, though only USDC backs the perpetuals.
      equity: result.account.equity + (modeFigures.otherSpotUsd ?? 0),
      maintenanceMargin: result.account.maintenanceMargin,
      marginRatio: recomputed ? result.account.marginRatio : venueRatio,
    },
    accountMode: mode,
    venueGauge: modeFigures.gauge,
    fetchedAtMs,
  };
}

/**
 * The entry price that gives the venue's own unrealized PnL at the published mark: mark − PnL / (side ×
 * quantity). Bybit publishes `avgPrice` and `markPrice` rounded to the tick but `unrealisedPnl` to 8
 * decimals from its unrounded prices, and in a multi-asset cross pool each symbol's PnL moves every other
 * symbol's liquidation price: half a BTC tick on both prices of a 0.5 BTC long is 0.05 USD of equity, more
 * than a tick of a 4 ETH short's liquidation price. The pool is priced from this entry so the venue's PnL
 * counts exactly; the published entry stands where the two differ by more than a tick (the PnL is then on
 * another basis) or where the venue gave no PnL (read as 0).
 */
function pnlEntryPrice(position: MappedPosition, tickSize: number | null): number {
  const quantity = position.size * position.contractSize;
  if (position.unrealizedPnl === 0 || quantity <= 0 || tickSize === null) return position.entryPrice;
  const entry = position.markPrice - position.unrealizedPnl / ((position.side === 'long' ? 1 : -1) * quantity);
  return Math.abs(entry - position.entryPrice) <= tickSize ? entry : position.entryPrice;
}
