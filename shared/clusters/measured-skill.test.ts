import { describe, expect, it } from 'vitest';
import {
  imbalanceHasEdge,
  imbalanceSkillText,
  mapLegendSkillText,
  mapSkillText,
  type MeasuredSkill,
} from './measured-skill';

const skill = (imbalance: MeasuredSkill['imbalance']): MeasuredSkill => ({
  source: 'test',
  map: { rank: 0.6012, low: 0.58, high: 0.62, days: 90, referenceName: 'move size x OI', referenceRank: 0.7154 },
  imbalance,
});

describe('the skill texts beside the imbalance badge', () => {
  it('say "not measured yet" without a measurement', () => {
    expect(imbalanceSkillText(null)).toBe('imbalance: not measured yet');
    expect(mapSkillText(null)).toBe('map: not measured yet');
    expect(imbalanceHasEdge(null)).toBe(false);
  });

  it('say "no measured edge" when the interval reaches down to a coin flip or below', () => {
    const none = skill({ agreement: 0.468, low: 0.451, high: 0.485, days: 90 });
    expect(imbalanceHasEdge(none)).toBe(false);
    expect(imbalanceSkillText(none)).toBe('imbalance: no measured edge over 90 days (leaned right 47 % [45–49 %])');
    expect(imbalanceHasEdge(skill({ agreement: 0.55, low: 0.5, high: 0.6, days: 14 }))).toBe(false);
  });

  it('state the share when the whole interval is above a coin flip', () => {
    const edge = skill({ agreement: 0.56, low: 0.52, high: 0.6, days: 30 });
    expect(imbalanceHasEdge(edge)).toBe(true);
    expect(imbalanceSkillText(edge)).toBe('imbalance: leaned right 56 % over 30 days [52–60 %]');
  });

  it('give the map rank with the best reference beside it', () => {
    expect(mapSkillText(skill({ agreement: 0.5, low: 0.4, high: 0.6, days: 90 }))).toBe(
      'map rank 0.60 out-of-sample, 90 days (move size x OI 0.72)',
    );
  });

  it('label the map itself: the estimate with its rank and the reference, a measured map as measured', () => {
    const measured = skill({ agreement: 0.5, low: 0.4, high: 0.6, days: 90 });
    expect(mapLegendSkillText('estimated', measured)).toBe('rank 0.60 out-of-sample, 90 days (move size x OI 0.72)');
    expect(mapLegendSkillText('estimated', null)).toBe('skill not measured yet');
    expect(mapLegendSkillText('measured', measured)).toMatch(/^measured .*not modelled$/);
    expect(mapLegendSkillText('measured', null)).toBe(mapLegendSkillText('measured', measured));
  });
});
