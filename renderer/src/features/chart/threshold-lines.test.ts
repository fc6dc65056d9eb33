import { describe, expect, it } from 'vitest';
import { createAlertEngine, defaultRules, observationsFromRisk } from '../../../../shared/alerts';
import { binanceAccount, btcPosition, withMark } from '../../../../shared/alerts/testing/support';
import { evaluateAccount } from '../../../../shared/risk';
import type { RiskAccount } from '../../../../shared/domain/risk-account';
import { thresholdLines } from './threshold-lines';

const account = binanceAccount([btcPosition('long', 1, 5)]);
const liquidation = evaluateAccount(account).positions[0]?.liquidationPrice ?? null;

/** The alert a fresh engine raises for the position with the mark at `price`: "rule:level" of its worst event. */
function alertAt(risk: RiskAccount, price: number, rule: 'marginRatio' | 'distance'): string | null {
  const moved = withMark(risk, price);
  const observations = observationsFromRisk('main', moved, evaluateAccount(moved), 1_000);
  const events = createAlertEngine().evaluate({ positions: observations }, 1_000);
  const event = events.find((candidate) => candidate.rule === rule);
  return event === undefined ? null : `${event.rule}:${event.level}`;
}

describe('threshold lines', () => {
  it('name their rule and level, for each rule that is on', () => {
    const lines = thresholdLines(account, 0, liquidation, defaultRules);
    expect(lines.map((line) => line.title)).toEqual([
      'MR 50 %',
      'MR 70 %',
      'MR 85 %',
      '10 % away',
      '5 % away',
      '2.5 % away',
    ]);
    // Below the mark for a long, closer to liquidation level by level.
    const distance = lines.filter((line) => line.rule === 'distance').map((line) => line.price);
    expect(distance[0]).toBeLessThan(60_000);
    expect(distance[2]).toBeLessThan(distance[1] ?? 0);
    expect(distance[2]).toBeGreaterThan(liquidation ?? Infinity);
  });

  it('draw only the lines of the rules that are on', () => {
    const off = { ...defaultRules.marginRatio, enabled: false };
    expect(
      thresholdLines(account, 0, liquidation, { ...defaultRules, marginRatio: off }).map((line) => line.title),
    ).toEqual(['10 % away', '5 % away', '2.5 % away']);
    expect(
      thresholdLines(account, 0, liquidation, {
        marginRatio: defaultRules.marginRatio,
        distance: { ...defaultRules.distance, enabled: false },
      }).map((line) => line.rule),
    ).toEqual(['marginRatio', 'marginRatio', 'marginRatio']);
    expect(thresholdLines(account, 0, null, defaultRules).every((line) => line.rule === 'marginRatio')).toBe(true);
  });

  it('fire, when the mark crosses one, the alert that line names, and not before', () => {
    for (const line of thresholdLines(account, 0, liquidation, defaultRules)) {
      // A long: the line is crossed going down.
      expect(alertAt(account, line.price * (1 - 1e-6), line.rule), line.title).toBe(`${line.rule}:${line.level}`);
      expect(alertAt(account, line.price * (1 + 1e-6), line.rule), line.title).not.toBe(`${line.rule}:${line.level}`);
    }
  });

  it('leave out a level the mark has already passed', () => {
    const near = withMark(account, (liquidation ?? 0) * 1.07);
    const titles = thresholdLines(near, 0, liquidation, defaultRules).map((line) => line.title);
    expect(titles).not.toContain('10 % away');
    expect(titles).toContain('5 % away');
  });
});
