import { describe, expect, it } from 'vitest';
import { runScorecard, type ModelScores } from './run-scorecard';

function expectRanges(scores: ModelScores): void {
  for (const key of ['top10Capture', 'imbalanceSignAgreement'] as const) {
    expect(scores[key]).toBeGreaterThanOrEqual(0);
    expect(scores[key]).toBeLessThanOrEqual(1);
  }
  expect(scores.rankCorrelation).toBeGreaterThanOrEqual(-1);
  expect(scores.rankCorrelation).toBeLessThanOrEqual(1);
  expect(scores.imbalanceRatioError).toBeGreaterThanOrEqual(0);
}

describe('runScorecard', () => {
  it('reports the documented shape with values in range, deterministically', () => {
    const options = { seed: 5, days: 0.5, scenario: 'chop' } as const;
    const report = runScorecard(options);
    expect(Object.keys(report)).toEqual(['seed', 'days', 'scenario', 'model', 'baselines']);
    expect(Object.keys(report.baselines)).toEqual(['candleDirection', 'volumeSpike']);
    expect(Object.keys(report.model)).toEqual([
      'top10Capture',
      'rankCorrelation',
      'imbalanceSignAgreement',
      'imbalanceRatioError',
    ]);
    for (const scores of [report.model, report.baselines.candleDirection, report.baselines.volumeSpike])
      expectRanges(scores);
    expect(runScorecard(options)).toEqual(report);
  });

  it('the ledger beats both baselines on average over seeds and scenarios', () => {
    const runs = [
      runScorecard({ seed: 21, days: 1, scenario: 'calm' }),
      runScorecard({ seed: 22, days: 1, scenario: 'long-squeeze-crash' }),
      runScorecard({ seed: 23, days: 1, scenario: 'short-squeeze' }),
    ];
    const mean = (pick: (r: (typeof runs)[number]) => number): number =>
      runs.reduce((sum, r) => sum + pick(r), 0) / runs.length;
    for (const key of ['top10Capture', 'rankCorrelation'] as const) {
      const model = mean((r) => r.model[key]);
      expect(model).toBeGreaterThan(mean((r) => r.baselines.candleDirection[key]));
      expect(model).toBeGreaterThan(mean((r) => r.baselines.volumeSpike[key]));
    }
  }, 60_000);
});
