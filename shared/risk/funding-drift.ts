import type { RiskAccount } from '../domain/risk-account';
import { evaluateAccount } from './evaluate-account';
import { venueRules } from './venue-rules';
import type { PositionTarget } from './what-if-op';
import { payFunding } from './what-if-scenario';
import { findPosition } from './what-if-support';

/** Longest horizon, in funding intervals, that `fundingDrift` walks (about a year of 8 h funding). */
const maximumSteps = 1100;

/** The liquidation price after `hours` of funding. */
export interface DriftPoint {
  readonly hours: number;
  /** Null when none exists at that point. */
  readonly liquidationPrice: number | null;
}

/** How funding moves a liquidation price. */
export interface FundingDrift {
  readonly liquidationPriceNow: number | null;
  /** One point per funding interval up to `hours`, the last one at `hours` exactly. */
  readonly points: readonly DriftPoint[];
  /** Change of the liquidation price per hour (quote per hour); null if either end has none. */
  readonly driftPerHour: number | null;
}

/**
 * Drift of a position's liquidation price from paying funding at `rate` per interval (a fraction;
 * positive: longs pay) for `hours`, the mark held at its current value. Funding is charged as in
 * `payFunding` (isolated: from the position's margin; Bybit: from the wallet first, so its drift is
 * zero while the wallet covers it). Pro rata between settlements: the result is the trend, not the
 * step at each settlement time. Returns a reason string on a bad target or horizon.
 */
export function fundingDrift(
  account: RiskAccount,
  target: PositionTarget,
  rate: number,
  hours: number,
  intervalHours?: number,
): FundingDrift | string {
  const index = findPosition(account, target);
  if (typeof index === 'string') return index;
  const interval = intervalHours ?? venueRules[account.venue].fundingIntervalHours;
  if (!(hours > 0) || !(interval > 0)) return 'hours and the funding interval must be above 0';
  const steps = Math.ceil(hours / interval);
  if (steps > maximumSteps) return `at most ${maximumSteps} funding intervals can be projected`;
  const liquidationPriceNow = evaluateAccount(account).positions[index]?.liquidationPrice ?? null;
  const points: DriftPoint[] = [];
  for (let step = 1; step <= steps; step++) {
    const elapsed = Math.min(step * interval, hours);
    const outcome = payFunding(account, target, rate, elapsed, interval);
    if ('refused' in outcome) return outcome.refused;
    points.push({
      hours: elapsed,
      liquidationPrice: evaluateAccount(outcome.state).positions[index]?.liquidationPrice ?? null,
    });
  }
  const last = points[points.length - 1]?.liquidationPrice ?? null;
  return {
    liquidationPriceNow,
    points,
    driftPerHour: last === null || liquidationPriceNow === null ? null : (last - liquidationPriceNow) / hours,
  };
}
