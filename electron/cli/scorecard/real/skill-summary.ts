import type { MeasuredSkill } from '../../../../shared/clusters/measured-skill';
import type { RealScorecardReport } from './run-real-scorecard';

const referenceNames = { moveTimesOi: 'move size x OI', moveOnly: 'move size alone' } as const;

/**
 * The figures the app shows beside its map and imbalance badge: the shipped model's (not the fitted
 * one's) out-of-sample rank on the hourly set, the best reference there, and the imbalance's
 * agreement. Null when the report has no out-of-sample hourly set.
 */
export function skillSummary(report: RealScorecardReport): MeasuredSkill | null {
  const set = report.sets.find((item) => item.name.startsWith('hourly') && item.name.endsWith('out-of-sample'));
  if (set === undefined) return null;
  const shipped = set.estimators.modelDefault.pooled;
  return {
    source: `liqlens scorecard --real data/real-market: ${set.name}, ${set.buckets} buckets`,
    map: {
      rank: shipped.value,
      low: shipped.low,
      high: shipped.high,
      days: set.days,
      referenceName: referenceNames[set.bestReference],
      referenceRank: set.estimators[set.bestReference].pooled.value,
    },
    imbalance: {
      agreement: set.imbalanceAgreement.value,
      low: set.imbalanceAgreement.low,
      high: set.imbalanceAgreement.high,
      days: set.days,
    },
  };
}
