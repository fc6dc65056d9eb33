import { describe, expect, it } from 'vitest';
import { createAlertEngine } from './engine';
import { observation } from './testing/support';

/*
 * `nearWarning` decides whether an account is read at the fast cadence: a position within its
 * warning levels (band included) or holding a level of the account's own rules; a safe one, or one
 * held only by a market rule (a cluster nearby), leaves its account on the calm cadence.
 */
describe('nearWarning: which accounts need the fast cadence', () => {
  it.each([
    { name: 'safe: 20 % from liquidation at a 10 % margin ratio', patch: {}, near: false },
    { name: '12 % from liquidation', patch: { distance: 0.12 }, near: false },
    { name: 'within the distance band above the 10 % warning', patch: { distance: 0.104 }, near: true },
    { name: 'within the margin-ratio band below the 50 % warning', patch: { marginRatio: 0.48 }, near: true },
    { name: 'margin ratio 40 %', patch: { marginRatio: 0.4 }, near: false },
  ])('$name: $near', ({ patch, near }) => {
    const engine = createAlertEngine();
    engine.evaluate({ positions: [observation(patch)] }, 1_000);
    expect(engine.nearWarning('main')).toBe(near);
    expect(engine.nearWarning('another')).toBe(false);
  });

  it('uses the levels a per-account override sets', () => {
    const engine = createAlertEngine({
      overrides: [
        { accountId: 'main', rules: { distance: { levels: { warning: 0.25, danger: 0.1, critical: 0.05 } } } },
      ],
    });
    engine.evaluate({ positions: [observation({ distance: 0.2 })] }, 1_000);
    expect(engine.nearWarning('main')).toBe(true);
  });

  it('a level a cluster rule holds leaves the account calm; a distance level does not', () => {
    const engine = createAlertEngine();
    const clusters = [{ priceLow: 59_900, priceHigh: 60_100, usd: 2e6, side: 'long' as const }];
    const events = engine.evaluate({ positions: [observation({ distance: 0.14, clusters })] }, 1_000);
    expect(events.map((event) => event.rule)).toEqual(['cluster']);
    expect(engine.nearWarning('main')).toBe(false);
    engine.evaluate({ positions: [observation({ distance: 0.09, tickTimeMs: 2_000 })] }, 2_000);
    expect(engine.nearWarning('main')).toBe(true);
  });
});
