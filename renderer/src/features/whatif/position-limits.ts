import type { RiskAccount } from '../../../../shared/domain/risk-account';
import type { RiskPosition } from '../../../../shared/domain/risk-position';
import { maxRemovableMargin, tierIndexForContracts, tierIndexForNotional, venueRules } from '../../../../shared/risk';

/** What the venue lets a trader do to one position right now. */
export interface PositionLimits {
  /** Lowest leverage the slider offers (1x). */
  readonly minLeverage: number;
  /** Highest leverage of the position's tier at its current size (or the asset's maximum). */
  readonly maxLeverage: number;
  /** The venue's maximum removable collateral, margin asset, or why it cannot be known. */
  readonly maxRemovable: number | string;
}

/** Fallback when neither the tier nor the asset states a maximum leverage. */
const unknownMaxLeverage = 125;

/**
 * Highest leverage the venue allows for `position` at its current size: the maximum of the tier
 * the venue applies (by contracts on OKX, by notional at the mark elsewhere), else the asset's
 * maximum, else 125x. Mirrors the engine's own refusal threshold for `setLeverage`.
 */
export function tierMaxLeverage(account: RiskAccount, position: RiskPosition): number {
  const rules = venueRules[account.venue];
  const quantity = position.size * position.contractSize;
  const notional = rules.contractKind === 'inverse' ? quantity / position.markPrice : quantity * position.markPrice;
  const index =
    rules.tierBasis === 'contracts'
      ? tierIndexForContracts(position.tiers, position.size)
      : tierIndexForNotional(position.tiers, notional);
  return position.tiers[index]?.maxLeverage ?? position.maxLeverage ?? unknownMaxLeverage;
}

/** The limits of position `index` of `account` (live state). */
export function positionLimits(account: RiskAccount, index: number): PositionLimits | null {
  const position = account.positions[index];
  if (position === undefined) return null;
  return {
    minLeverage: 1,
    maxLeverage: Math.max(1, tierMaxLeverage(account, position)),
    maxRemovable: maxRemovableMargin(account, index),
  };
}
