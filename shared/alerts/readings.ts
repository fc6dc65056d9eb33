import type { Side } from '../domain/side';
import type { ClusterBin, ImbalanceInput, PositionObservation } from './inputs';
import type { RankOrNone } from './levels';
import { levelRank } from './levels';
import type { GradedLevels, RuleSet } from './rule-schemas';

/** What a rule sees now: the rank it asks for (0 = none) and the value behind it (units per rule). */
export interface Reading {
  readonly rank: RankOrNone;
  readonly value: number | null;
  /** Cascade only: how many liquidations made the value. */
  readonly count?: number;
}

const off: Reading = { rank: 0, value: null };
/** Once a gated rule is active, the gate widens by this fraction so a distance hovering at it does not flap. */
const gateSlack = 0.1;

/**
 * Highest rank whose threshold `value` reaches, or that is already held (rank <= `current`) and not
 * yet left by more than `band`. `direction` 1: at or above (margin ratio); −1: at or below (distance).
 * Thresholds must be ordered (checked with the config), so the held ranks are always 1..n.
 */
export function gradedRank(
  value: number,
  levels: GradedLevels,
  band: number,
  current: RankOrNone,
  direction: 1 | -1,
): RankOrNone {
  const signed = value * direction;
  const reached = (threshold: number, rank: RankOrNone): boolean =>
    signed >= threshold * direction || (rank <= current && signed >= threshold * direction - band);
  if (reached(levels.critical, 3)) return 3;
  if (reached(levels.danger, 2)) return 2;
  return reached(levels.warning, 1) ? 1 : 0;
}

/** Margin ratio rule; a null ratio (balance <= 0) is critical; NaN is no reading (state kept). */
export function marginRatioReading(
  rule: RuleSet['marginRatio'],
  marginRatio: number | null,
  current: RankOrNone,
): Reading | null {
  if (!rule.enabled) return off;
  if (marginRatio === null) return { rank: 3, value: null };
  if (Number.isNaN(marginRatio)) return null;
  return { rank: gradedRank(marginRatio, rule.levels, rule.band, current, 1), value: marginRatio };
}

/** Distance rule; no liquidation price (null) is safe; NaN is no reading. */
export function distanceReading(
  rule: RuleSet['distance'],
  distance: number | null,
  current: RankOrNone,
): Reading | null {
  if (!rule.enabled || distance === null) return off;
  if (Number.isNaN(distance)) return null;
  return { rank: gradedRank(distance, rule.levels, rule.band, current, -1), value: distance };
}

/** Whether a gated rule may be active: within `maxDistance` of liquidation (null = no gate). */
function withinGate(maxDistance: number | null, distance: number | null, active: boolean): boolean {
  if (maxDistance === null) return true;
  return distance !== null && distance <= maxDistance * (active ? 1 + gateSlack : 1);
}

/** Cluster rule: value = USD of the largest qualifying bin the mark is in. */
export function clusterReading(
  rule: RuleSet['cluster'],
  observation: PositionObservation,
  clusters: readonly ClusterBin[],
  current: RankOrNone,
): Reading {
  const active = current > 0;
  if (!rule.enabled || !withinGate(rule.maxDistance, observation.distance, active)) return off;
  const mark = observation.markPrice;
  const pad = active ? rule.band * mark : 0;
  let best = 0;
  for (const bin of clusters) {
    if (
      bin.side === observation.side &&
      bin.usd >= rule.minUsd &&
      bin.usd > best &&
      mark >= bin.priceLow - pad &&
      mark <= bin.priceHigh + pad
    )
      best = bin.usd;
  }
  return best > 0 ? { rank: levelRank(rule.level), value: best } : off;
}

/** Imbalance rule: value = the position's side volume / the other side's (null when the other is 0). */
export function imbalanceReading(
  rule: RuleSet['imbalance'],
  side: Side,
  distance: number | null,
  imbalance: ImbalanceInput,
  current: RankOrNone,
): Reading {
  const active = current > 0;
  if (!rule.enabled || !withinGate(rule.maxDistance, distance, active)) return off;
  const own = side === 'long' ? imbalance.longUsd : imbalance.shortUsd;
  const other = side === 'long' ? imbalance.shortUsd : imbalance.longUsd;
  if (!(own > 0)) return off;
  const ratio = other > 0 ? own / other : Number.POSITIVE_INFINITY;
  const needed = active ? rule.minRatio / (1 + rule.band) : rule.minRatio;
  return ratio >= needed ? { rank: levelRank(rule.level), value: Number.isFinite(ratio) ? ratio : null } : off;
}

/** Cascade rule (null without a liquidation list: state kept): value = USD of the position-side liquidations near its liquidation price within the window ending at the tick. */
export function cascadeReading(
  rule: RuleSet['cascade'],
  observation: PositionObservation,
  current: RankOrNone,
): Reading | null {
  const liquidation = observation.liquidationPrice;
  const list = observation.liquidations;
  if (!rule.enabled || liquidation === null) return off;
  if (list === undefined) return null;
  const since = observation.tickTimeMs - rule.windowMs;
  const reach = rule.priceBand * liquidation;
  let count = 0;
  let usd = 0;
  for (const item of list) {
    if (item.side === observation.side && item.timeMs >= since && Math.abs(item.price - liquidation) <= reach) {
      count++;
      usd += item.notionalUsd;
    }
  }
  const scale = current > 0 ? rule.holdFraction : 1;
  const burst = count > 0 && count >= rule.minCount * scale && usd >= rule.minUsd * scale;
  return burst ? { rank: levelRank(rule.level), value: usd, count } : off;
}
