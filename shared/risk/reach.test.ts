import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyWhatIf } from './apply-what-if';
import { evaluateAccount } from './evaluate-account';
import { parseRiskInput } from './input-errors';
import { isWithinReach, liquidationReach, liquidationReachFactor, reportPositionRisk } from './reach';

/** The Demo's hedged cross BTC pair (0.4 long, 0.15 short, 8,000 wallet, the simulator's brackets). */
const parsed = parseRiskInput(readFileSync(new URL('./testdata/demo-hedge.json', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error(parsed.error);
const hedge = parsed.value.account;
const mark = hedge.positions[0]?.markPrice ?? Number.NaN;

describe('the reachable band', () => {
  it('runs from a tenth of the mark to ten times it, ends included', () => {
    expect(liquidationReachFactor).toBe(10);
    expect(isWithinReach(100, 1000)).toBe(true);
    expect(isWithinReach(10_000, 1000)).toBe(true);
    expect(isWithinReach(99.99, 1000)).toBe(false);
    expect(isWithinReach(10_000.01, 1000)).toBe(false);
    expect(isWithinReach(500, 0)).toBe(false);
  });

  it('closing half of the hedged long leaves a root of about 1.4 billion, reported as beyond reach', () => {
    const after = applyWhatIf(hedge, [{ op: 'close', symbol: 'BTCUSDT', side: 'long', fraction: 0.5 }]);
    const risk = after.positions[0];
    if (risk === undefined) throw new Error('no position');
    expect(risk.liquidationPrice).toBeGreaterThan(1e9);
    expect(liquidationReach(risk, mark)).toEqual({ kind: 'beyond', root: risk.liquidationPrice });
    expect(reportPositionRisk(risk, mark)).toMatchObject({
      liquidationPrice: null,
      distance: null,
      liquidationNote: 'beyond reach',
      liquidationRoot: risk.liquidationPrice,
    });
    // Before the close the pair liquidates within reach, and is reported as it is.
    const live = evaluateAccount(hedge).positions[0];
    if (live === undefined) throw new Error('no position');
    expect(liquidationReach(live, mark).kind).toBe('within');
    expect(reportPositionRisk(live, mark)).toBe(live);
  });

  it('says "liquidated" at the liquidation price once the mark has moved past it', () => {
    const live = evaluateAccount(hedge).positions[0]?.liquidationPrice ?? Number.NaN;
    const past = applyWhatIf(hedge, [{ op: 'price', symbol: 'BTCUSDT', markPrice: live * 0.96 }]);
    const risk = past.positions[0];
    if (risk === undefined) throw new Error('no position');
    expect(liquidationReach(risk, live * 0.96)).toEqual({ kind: 'liquidated', price: live });
  });
});
