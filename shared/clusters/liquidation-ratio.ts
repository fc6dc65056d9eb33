import type { Side } from '../domain/side';
import { evaluateAccount, tierIndexForContracts, tierIndexForNotional, venueRules } from '../risk/index';
import type { VenueMarket } from './types';

/** How a representative new position is sized and funded. */
export interface RatioAssumptions {
  /** Notional at entry, USD. */
  readonly notionalUsd: number;
  /** Whether the opening taker fee is paid out of the isolated margin. */
  readonly openingFeeFromMargin: boolean;
}

/**
 * The leverage a venue lets a position of `notionalUsd` use: `leverage` capped at the max leverage
 * of the tier the position opens in (by notional; by contracts at `entryPrice` on OKX).
 */
export function allowedLeverage(
  market: VenueMarket,
  leverage: number,
  notionalUsd: number,
  entryPrice: number,
): number {
  const cap = market.tiers[tierAtEntry(market, notionalUsd, entryPrice)]?.maxLeverage ?? null;
  return cap === null ? leverage : Math.min(leverage, cap);
}

function tierAtEntry(market: VenueMarket, notionalUsd: number, entryPrice: number): number {
  return venueRules[market.venue].tierBasis === 'contracts'
    ? tierIndexForContracts(market.tiers, notionalUsd / entryPrice / market.contractSize)
    : tierIndexForNotional(market.tiers, notionalUsd);
}

/**
 * Liquidation price / entry price of a new isolated position (one-way) of leverage `leverage`
 * opened at `entryPrice`, or null when no price > 0 liquidates it (a 1x long).
 *
 * Solved by `shared/risk`'s `evaluateAccount` (equity = the venue's maintenance requirement, tier
 * chosen at the liquidation price, fee to close where the venue adds it), with margin =
 * notional / leverage, minus the opening fee when assumed. For a linear contract the ratio does not
 * depend on the entry price while the notional is fixed (every term scales with it), except through
 * OKX's contract-count tier, which is why callers cache per (venue, side, leverage, tier).
 * Ignores funding and fees other than the opening and closing taker fee.
 */
export function liquidationRatio(
  market: VenueMarket,
  side: Side,
  leverage: number,
  entryPrice: number,
  assumptions: RatioAssumptions,
): number | null {
  const notional = assumptions.notionalUsd;
  const lev = allowedLeverage(market, leverage, notional, entryPrice);
  const fee = assumptions.openingFeeFromMargin ? notional * market.takerFeeRate : 0;
  const result = evaluateAccount({
    venue: market.venue,
    positionMode: 'oneway',
    walletBalance: 0,
    takerFeeRate: market.takerFeeRate,
    positions: [
      {
        symbol: 'LEDGER',
        side,
        marginMode: 'isolated',
        size: notional / entryPrice / market.contractSize,
        contractSize: market.contractSize,
        entryPrice,
        markPrice: entryPrice,
        leverage: lev,
        isolatedMargin: notional / lev - fee,
        maxLeverage: null,
        tiers: market.tiers,
      },
    ],
  });
  const price = result.positions[0]?.liquidationPrice ?? null;
  return price === null ? null : price / entryPrice;
}

/** Cached `liquidationRatio` for one venue: one solve per (side, leverage index, tier). */
export interface RatioTable {
  /** Ratio for side (0 long, 1 short) and leverage index at `entryPrice`; NaN when none exists. */
  ratio(sideIndex: number, leverageIndex: number, entryPrice: number): number;
  /** The cache's tier slot of a position opened at `entryPrice` (always 0 unless tiers go by contracts, as on OKX). */
  tierOf(entryPrice: number): number;
  /**
   * The cache slot of (tier, side, leverage index), solved at `entryPrice` if still empty: read its
   * ratio from `ratios` and ln(ratio) from `logRatios` (NaN when none exists). `tier` comes from
   * `tierOf(entryPrice)`, so one entry price's tier is looked up once for every leverage.
   */
  slot(tier: number, sideIndex: number, leverageIndex: number, entryPrice: number): number;
  readonly ratios: Float64Array;
  readonly logRatios: Float64Array;
}

/**
 * Builds a lazily filled ratio cache for `market` and the mix's `leverages`. A slot keeps the ratio
 * solved at the first entry price that needed it (the ratio does not depend on the entry within a tier).
 */
export function createRatioTable(
  market: VenueMarket,
  leverages: readonly number[],
  assumptions: RatioAssumptions,
): RatioTable {
  const byContracts = venueRules[market.venue].tierBasis === 'contracts';
  const slots = Math.max(1, market.tiers.length) * leverages.length * 2;
  const ratios = new Float64Array(slots),
    logRatios = new Float64Array(slots),
    filled = new Uint8Array(slots);
  const slotOf = (tier: number, sideIndex: number, leverageIndex: number, entryPrice: number): number => {
    const slot = (tier * leverages.length + leverageIndex) * 2 + sideIndex;
    if (filled[slot] === 1) return slot;
    const found =
      liquidationRatio(
        market,
        sideIndex === 0 ? 'long' : 'short',
        leverages[leverageIndex] ?? 1,
        entryPrice,
        assumptions,
      ) ?? Number.NaN;
    ratios[slot] = found;
    logRatios[slot] = found > 0 ? Math.log(found) : Number.NaN;
    filled[slot] = 1;
    return slot;
  };
  const tierOf = (entryPrice: number): number =>
    byContracts ? Math.max(0, tierAtEntry(market, assumptions.notionalUsd, entryPrice)) : 0;
  return {
    tierOf,
    slot: slotOf,
    ratios,
    logRatios,
    ratio: (sideIndex, leverageIndex, entryPrice) =>
      ratios[slotOf(tierOf(entryPrice), sideIndex, leverageIndex, entryPrice)] ?? Number.NaN,
  };
}
