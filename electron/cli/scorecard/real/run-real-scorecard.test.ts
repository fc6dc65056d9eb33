import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultRules } from '../../../../shared/alerts/rule-schemas';
import { defaultLedgerParams, shippedMeasuredSkill } from '../../../../shared/clusters/index';
import { formatRealScorecard } from './format-real';
import { runRealScorecard, type RealScorecardReport } from './run-real-scorecard';
import { skillSummary } from './skill-summary';

// One run of the whole real-data scorecard (a minute or two on a busy machine) serves every test here.
let report: RealScorecardReport;
beforeAll(() => {
  report = runRealScorecard('data/real-market');
}, 600_000);

describe('liqlens scorecard --real on the bundled data', () => {
  it('prints the model, both baselines and both references with intervals for every set, in- and out-of-sample', () => {
    const text = formatRealScorecard(report).join('\n');
    for (const set of ['hourly .*in-sample', 'hourly .*out-of-sample', '5-minute .*out-of-sample'])
      expect(text).toMatch(new RegExp(`${set}: \\d{4}-\\d\\d-\\d\\d \\.\\. `));
    const row = (label: string): RegExp =>
      new RegExp(`^${label} +-?\\d\\.\\d{3} \\[-?\\d\\.\\d{3}, -?\\d\\.\\d{3}\\]`, 'gm');
    for (const label of [
      'model \\(fitted\\)',
      'model \\(shipped\\)',
      'candle direction',
      'volume spike',
      'ref: move x OI',
      'ref: move alone',
    ])
      expect(text.match(row(label))).toHaveLength(3);
    expect(text.match(/^model - best reference .*\[[+-]\d\.\d{3}, [+-]\d\.\d{3}\]/gm)).toHaveLength(3);
  });

  it('fits on the hourly set before the boundary only, and reports the in-sample rank it chose by', () => {
    expect(report.fit.outOfSampleFromMs).toBe(Date.UTC(2026, 2, 5));
    const inSample = report.sets[0];
    expect(inSample?.toMs).toBeLessThanOrEqual(report.fit.outOfSampleFromMs);
    expect(inSample?.estimators.model.pooled.value).toBeCloseTo(report.fit.inSampleRank, 3);
    for (const set of report.sets.slice(1)) expect(set.fromMs).toBeGreaterThanOrEqual(report.fit.outOfSampleFromMs);
  });

  it("ships what the fit chose: the app's default parameters are the fit's, so the shipped rows are the fitted ones", () => {
    expect(report.fit.params).toEqual(defaultLedgerParams);
    for (const set of report.sets) expect(set.estimators.modelDefault).toEqual(set.estimators.model);
  });

  it('the skill the app shows is what this measurement gives (npm run skill-report wrote it)', () => {
    const file = JSON.parse(readFileSync('shared/clusters/measured-skill.json', 'utf8')) as unknown;
    expect(skillSummary(report)).toEqual(file);
    expect(shippedMeasuredSkill).toEqual(file);
  });

  it('the imbalance alert is off by default unless the measurement found an edge', () => {
    const edge = (skillSummary(report)?.imbalance.low ?? 0) > 0.5;
    expect(defaultRules.imbalance.enabled).toBe(edge);
  });

  it('prints the simulator beside the real sets, each of its figures marked in or out of the real range', () => {
    const text = formatRealScorecard(report).join('\n');
    const range = /^real range +(\S+) +(\S+) +(\S+) +(\S+) +(\S+)$/m.exec(text);
    expect(range?.slice(1).every((cell) => /^\d+\.\d+-\d+\.\d+$/.test(cell))).toBe(true);
    for (const sim of report.simulator) {
      const label = sim.label.replace(/[+]/g, '\\+');
      const row = new RegExp(`^${label} +${sim.buckets}( +\\d+\\.\\d+ (in|out)){5}$`, 'm');
      expect(text).toMatch(row);
    }
    const share = report.sets.map((set) => set.shape.shareWithLiquidations);
    expect(Math.min(...share)).toBeGreaterThan(0.9);
  });

  it('on the simulator the measure ranks the exact truth map first, so it can tell a good map from a bad one', () => {
    expect(report.simulator.length).toBeGreaterThan(0);
    for (const sim of report.simulator) {
      expect(sim.buckets).toBeGreaterThan(24);
      const rivals = [sim.rank.model, sim.rank.moveTimesOi, sim.rank.moveOnly];
      expect(sim.rank.truth, sim.label).toBeGreaterThan(Math.max(...rivals));
    }
  });
});
