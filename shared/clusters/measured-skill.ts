import measured from './measured-skill.json' with { type: 'json' };

/**
 * What the real-data scorecard measured of the shipped map and its imbalance, as the app shows it.
 * The figures live in `measured-skill.json` beside this file, written by `npm run skill-report`
 * (`liqlens scorecard --real data/real-market --skill-file …`) and recomputed by a test, never typed.
 */
export interface MeasuredSkill {
  /** Where the figures come from, in words. */
  readonly source: string;
  /** The shipped map: pooled rank correlation per bucket-side, out-of-sample, with its 90 % interval. */
  readonly map: {
    readonly rank: number;
    readonly low: number;
    readonly high: number;
    readonly days: number;
    /** The best map-free reference on the same buckets (its name and rank). */
    readonly referenceName: string;
    readonly referenceRank: number;
  };
  /** The imbalance's lean against the bucket's close: share agreeing, interval, days. */
  readonly imbalance: {
    readonly agreement: number;
    readonly low: number;
    readonly high: number;
    readonly days: number;
  };
}

/** True when the imbalance's agreement interval lies above a coin flip (0.5). */
export function imbalanceHasEdge(skill: MeasuredSkill | null): boolean {
  return skill !== null && skill.imbalance.low > 0.5;
}

/**
 * "imbalance: no measured edge over 90 days (agreed 48 % [47–50 %])", "imbalance: agreed 56 % over
 * 90 days [52–60 %]" when it has one, or "imbalance: not measured yet" without a measurement.
 */
export function imbalanceSkillText(skill: MeasuredSkill | null): string {
  if (skill === null) return 'imbalance: not measured yet';
  const { agreement, low, high, days } = skill.imbalance;
  const pct = (x: number): string => `${Math.round(x * 100)}`;
  return imbalanceHasEdge(skill)
    ? `imbalance: leaned right ${pct(agreement)} % over ${days} days [${pct(low)}–${pct(high)} %]`
    : `imbalance: no measured edge over ${days} days (leaned right ${pct(agreement)} % [${pct(low)}–${pct(high)} %])`;
}

/** "map rank 0.60 out-of-sample, 90 days (move size alone 0.71)", or "map: not measured yet". */
export function mapSkillText(skill: MeasuredSkill | null): string {
  if (skill === null) return 'map: not measured yet';
  const { rank, days, referenceName, referenceRank } = skill.map;
  return `map rank ${rank.toFixed(2)} out-of-sample, ${days} days (${referenceName} ${referenceRank.toFixed(2)})`;
}

/**
 * What the map legend says of the map's skill: for the estimate, "rank 0.67 out-of-sample, 90 days
 * (move size x OI 0.72)" (the shipped model's pooled rank on real buckets, beside the best map-free
 * reference) or "skill not measured yet"; for a measured map, that it is measured, not modelled.
 */
export function mapLegendSkillText(kind: 'estimated' | 'measured', skill: MeasuredSkill | null): string {
  if (kind === 'measured') return 'measured from positions read on the venue, not modelled';
  if (skill === null) return 'skill not measured yet';
  const { rank, days, referenceName, referenceRank } = skill.map;
  return `rank ${rank.toFixed(2)} out-of-sample, ${days} days (${referenceName} ${referenceRank.toFixed(2)})`;
}

/** The measurement checked in with this build (`measured-skill.json`), or null before one exists. */
export const shippedMeasuredSkill: MeasuredSkill | null = measured;

/**
 * The shipped map measured on the app's own recordings of one market (electron/core/skill), with
 * the scorecard's measure (`liqlens scorecard --recordings`, 30-minute buckets): null figures until
 * the recordings hold `daysNeeded` UTC days of scored buckets.
 */
export interface RecordedSkill {
  /** UTC days with at least one scored bucket. */
  readonly days: number;
  /** Days the measurement needs before a figure is shown (the recordings scorecard's minimum). */
  readonly daysNeeded: number;
  /** Scored bucket-sides (two per bucket). */
  readonly bucketSides: number;
  /** The map's pooled rank correlation over the bucket-sides; null while not measured. */
  readonly rank: number | null;
  /** The "move size x OI" reference's pooled rank on the same bucket-sides; null while not measured. */
  readonly referenceRank: number | null;
  /** When it was measured, epoch ms. */
  readonly measuredAtMs: number;
}

/**
 * "rank 0.64 over 6 days of your recordings; move x OI 0.62"; while not measured, "not measured on
 * your recordings yet (2 of 5 days)", or, with the days but too few liquidations in them, "not
 * measured on your recordings yet (6 days, too few liquidations recorded)"; null (the core has not
 * measured yet): "not measured on your recordings yet".
 */
export function recordedSkillText(skill: RecordedSkill | null): string {
  if (skill === null) return 'not measured on your recordings yet';
  const needed = skill.daysNeeded;
  const days = skill.days;
  if (skill.rank === null || skill.referenceRank === null)
    return days < needed
      ? `not measured on your recordings yet (${days} of ${needed} days)`
      : `not measured on your recordings yet (${days} days, too few liquidations recorded)`;
  return `rank ${skill.rank.toFixed(2)} over ${days} days of your recordings; move x OI ${skill.referenceRank.toFixed(2)}`;
}

/** UTC days of scored buckets a measurement on the recordings needs (the recordings scorecard's minimum for intervals over days). */
export const recordedSkillDays = 5;
