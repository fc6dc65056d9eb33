import { describe, expect, it } from 'vitest';
import { captureIo } from '../../../test/support/capture-io';
import { runScorecardCommand } from './scorecard';

describe('liqlens scorecard', () => {
  it('--json prints one object with the documented keys', async () => {
    const { io, out } = captureIo();
    expect(await runScorecardCommand(['--seed', '3', '--days', '0.25', '--scenario', 'calm', '--json'], io)).toBe(0);
    expect(out).toHaveLength(1);
    const report = JSON.parse(out[0] ?? '') as Record<string, unknown>;
    expect(report).toMatchObject({ seed: 3, days: 0.25, scenario: 'calm' });
    expect(Object.keys(report['model'] as object)).toEqual([
      'top10Capture',
      'rankCorrelation',
      'imbalanceSignAgreement',
      'imbalanceRatioError',
    ]);
    expect(Object.keys(report['baselines'] as object)).toEqual(['candleDirection', 'volumeSpike']);
  });

  it('prints a table without --json', async () => {
    const { io, out } = captureIo();
    expect(await runScorecardCommand(['--seed', '3', '--days', '0.25', '--scenario', 'calm'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/model \(OI ledger\)[\s\d.-]+\ncandle direction[\s\d.-]+\nvolume spike/);
  });

  it.each([
    [['--days', '31'], /--days/],
    [['--seed', 'x'], /--seed/],
    [['--scenario', 'moon'], /--scenario: expected one of/],
  ])('refuses %j with one line', async (args, message) => {
    const { io, err } = captureIo();
    expect(await runScorecardCommand(args, io)).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(message);
  });
});
