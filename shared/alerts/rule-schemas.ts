import { z } from 'zod';
import { levelSchema } from './levels';

/** Every rule kind; the `rule` field of an alert event. */
export type RuleKind =
  | 'marginRatio'
  | 'distance'
  | 'cluster'
  | 'imbalance'
  | 'cascade'
  | 'marginCall'
  | 'stale'
  | 'adlFront'
  | 'venueLowered';

/** Every rule kind, in the order the engine evaluates them. */
export const ruleKinds: readonly RuleKind[] = [
  'marginRatio',
  'distance',
  'cluster',
  'imbalance',
  'cascade',
  'marginCall',
  'stale',
  'adlFront',
  'venueLowered',
];

const week = 7 * 86_400_000;
const durationMs = z.number().int().min(0).max(week);
const positiveMs = z.number().int().min(1).max(week);
const fraction = z.number().min(0).max(1);
const usd = z.number().min(0).finite();
const common = { enabled: z.boolean(), cooldownMs: durationMs };

/** Thresholds of a graded rule, one per level (their order is checked on the merged rule set). */
export const gradedLevelsSchema = z.strictObject({ warning: fraction, danger: fraction, critical: fraction });

/** Margin ratio (maintenance / margin balance, fraction, 1 = liquidation) at or above each level. */
export const marginRatioRuleSchema = z.strictObject({
  ...common,
  levels: gradedLevelsSchema,
  band: z.number().min(0).max(0.5),
});

/** Distance to liquidation (fraction of the mark, 0.05 = 5 %) at or below each level. */
export const distanceRuleSchema = z.strictObject({
  ...common,
  levels: gradedLevelsSchema,
  band: z.number().min(0).max(0.5),
});

/**
 * The mark inside a cluster bin of at least `minUsd` whose side is the position's own (the side that
 * would be liquidated there). `maxDistance` (fraction of the mark, null = always) limits the rule to
 * positions that close to their liquidation; `band` (fraction of price) widens the bins to leave one.
 */
export const clusterRuleSchema = z.strictObject({
  ...common,
  level: levelSchema,
  minUsd: usd,
  maxDistance: fraction.nullable(),
  band: z.number().min(0).max(0.1),
});

/**
 * Liquidation volume on the position's side over the other side's at or above `minRatio` (1 = the
 * dominant side flips to the position's); clears below `minRatio / (1 + band)`.
 */
export const imbalanceRuleSchema = z.strictObject({
  ...common,
  level: levelSchema,
  minRatio: z.number().positive().finite(),
  maxDistance: fraction.nullable(),
  band: z.number().min(0).max(1),
});

/**
 * At least `minCount` realized liquidations of the position's side totalling at least `minUsd`
 * within `windowMs` and within `priceBand` (fraction) of its liquidation price; holds while both
 * stay above `holdFraction` of those.
 */
export const cascadeRuleSchema = z.strictObject({
  ...common,
  level: levelSchema,
  windowMs: positiveMs,
  minCount: z.number().int().min(0),
  minUsd: usd,
  priceBand: z.number().positive().max(1),
  holdFraction: fraction,
});

/** The venue's own margin call; active until `clearAfterMs` pass without another one. */
export const marginCallRuleSchema = z.strictObject({ ...common, level: levelSchema, clearAfterMs: positiveMs });

/** No data for `afterMs` or longer while the last known margin ratio is at or above `minMarginRatio`. */
export const staleRuleSchema = z.strictObject({
  ...common,
  level: levelSchema,
  afterMs: positiveMs,
  minMarginRatio: fraction,
});

/**
 * A profitable position at the front of its venue's auto-deleveraging queue (the top figure of the
 * venue's scale: docs/research/account-modes.md §7). Held while it stays there; it ends (not an
 * all-clear) when the position leaves the front or closes.
 */
export const adlFrontRuleSchema = z.strictObject({ ...common, level: levelSchema });

/**
 * The venue lowered the position's risk limit or leverage on its own (a newer stamp than the one
 * seen before). One event per change; nothing is held, so there is no cooldown and no clear.
 */
export const venueLoweredRuleSchema = z.strictObject({ enabled: z.boolean(), level: levelSchema });

/** The settings of every rule for one position. */
export const ruleSetSchema = z.strictObject({
  marginRatio: marginRatioRuleSchema,
  distance: distanceRuleSchema,
  cluster: clusterRuleSchema,
  imbalance: imbalanceRuleSchema,
  cascade: cascadeRuleSchema,
  marginCall: marginCallRuleSchema,
  stale: staleRuleSchema,
  adlFront: adlFrontRuleSchema,
  venueLowered: venueLoweredRuleSchema,
});

/** Every rule's settings; see the schemas for units. */
export type RuleSet = z.infer<typeof ruleSetSchema>;
/** Thresholds of a graded rule (margin ratio, distance). */
export type GradedLevels = z.infer<typeof gradedLevelsSchema>;

/** Any subset of a rule set's fields (levels too), for the config's `rules` and per-account/position overrides. */
export const ruleSetPatchSchema = z.strictObject({
  marginRatio: marginRatioRuleSchema.extend({ levels: gradedLevelsSchema.partial() }).partial().optional(),
  distance: distanceRuleSchema.extend({ levels: gradedLevelsSchema.partial() }).partial().optional(),
  cluster: clusterRuleSchema.partial().optional(),
  imbalance: imbalanceRuleSchema.partial().optional(),
  cascade: cascadeRuleSchema.partial().optional(),
  marginCall: marginCallRuleSchema.partial().optional(),
  stale: staleRuleSchema.partial().optional(),
  adlFront: adlFrontRuleSchema.partial().optional(),
  venueLowered: venueLoweredRuleSchema.partial().optional(),
});

/** A rule's cooldown, ms; 0 for the venue-lowered rule, whose events are one per change and never held. */
export function cooldownMsOf(rules: RuleSet, rule: RuleKind): number {
  return rule === 'venueLowered' ? 0 : rules[rule].cooldownMs;
}

/** A partial rule set. */
export type RuleSetPatch = z.infer<typeof ruleSetPatchSchema>;

/**
 * The defaults. Margin ratio 50 / 70 / 85 % (hold 3 points below each); distance 10 / 5 / 2.5 % of
 * the mark (hold 0.5 point above each); a 60 s cooldown; cluster ≥ $1M and imbalance 2:1 only within
 * 15 % of liquidation (the imbalance rule off: the real-data scorecard measured no edge for it,
 * `shared/clusters/measured-skill.json`); a cascade of 5 liquidations and $500k within 60 s and 5 % of the liquidation
 * price is danger; a venue margin call is critical for 5 min; 15 s without data at ≥ 50 % is danger;
 * a profitable position at the front of the ADL queue is a warning (ADL closes winners, not losers);
 * the venue lowering a risk limit or leverage is danger (the liquidation price moves closer).
 */
export const defaultRules: RuleSet = {
  marginRatio: { enabled: true, cooldownMs: 60_000, levels: { warning: 0.5, danger: 0.7, critical: 0.85 }, band: 0.03 },
  distance: { enabled: true, cooldownMs: 60_000, levels: { warning: 0.1, danger: 0.05, critical: 0.025 }, band: 0.005 },
  cluster: { enabled: true, cooldownMs: 60_000, level: 'warning', minUsd: 1_000_000, maxDistance: 0.15, band: 0.001 },
  imbalance: { enabled: false, cooldownMs: 60_000, level: 'warning', minRatio: 2, maxDistance: 0.15, band: 0.1 },
  cascade: {
    enabled: true,
    cooldownMs: 60_000,
    level: 'danger',
    windowMs: 60_000,
    minCount: 5,
    minUsd: 500_000,
    priceBand: 0.05,
    holdFraction: 0.5,
  },
  marginCall: { enabled: true, cooldownMs: 60_000, level: 'critical', clearAfterMs: 300_000 },
  stale: { enabled: true, cooldownMs: 60_000, level: 'danger', afterMs: 15_000, minMarginRatio: 0.5 },
  adlFront: { enabled: true, cooldownMs: 60_000, level: 'warning' },
  venueLowered: { enabled: true, level: 'danger' },
};
