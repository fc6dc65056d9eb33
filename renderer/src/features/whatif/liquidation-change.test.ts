import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWithinReach } from '../../../../shared/risk';
import { demoBinanceRisk, demoBybitRisk } from './fixtures/demo-account';
import { demoView } from './fixtures/demo-view';
import { changeText, liquidationLabel } from './liquidation-change';
import type { WhatIfControls, WhatIfTarget } from './what-if-controls';
import type { WhatIfView } from './what-if-model';

const view = (controls: Partial<WhatIfControls>, target: WhatIfTarget, account = demoBinanceRisk): WhatIfView =>
  demoView(controls, target, account);
const btcLong = { symbol: 'BTCUSDT', side: 'long' } as const;
const ethShort = { symbol: 'ETHUSDT', side: 'short' } as const;
const ethLong = { symbol: 'ETHUSDT', side: 'long' } as const;

describe('what the card says about the liquidation', () => {
  it('closing half of the hedged BTC long: none within reach, the exact root on hover, no ghost, no percent', () => {
    const result = view({ closeFraction: 0.5 }, btcLong);
    expect(result.next?.liquidationPrice).toBeGreaterThan(1e9);
    const label = liquidationLabel(result.next!, 0.1);
    expect(label.text).toBe('none within reach');
    expect(label.title).toMatch(/^Exact root 1,409,27\d,\d{3}\.\d: more than 10x away from the mark 53,587\.9$/);
    expect(result.ghost?.liquidationPrice).toBeNull();
    expect(result.liquidationDelta).toBeNull();
    expect(result.nextCascade).toBeNull();
    expect(changeText(result, 0.1)).toBe('moved beyond reach · further from the mark');
  });

  it('moving the price 4 % past the liquidation: liquidated at that price, not "unchanged"', () => {
    const live = view({}, ethShort).current;
    const past = (live.liquidationPrice ?? 0) / live.markPrice - 1 + 0.04;
    const result = view({ priceChange: past }, ethShort);
    expect(result.next?.liquidatable).toBe(true);
    expect(liquidationLabel(result.next!, 0.01).text).toBe('liquidated at 2,812.70');
    expect(changeText(result, 0.01)).toBe('liquidated: the mark reaches the liquidation price');
    expect(result.ghost?.liquidationPrice).toBe(live.liquidationPrice);
  });

  it('says closer or further by distance from the mark, also when the price itself did not move', () => {
    const towards = view({ priceChange: -0.01 }, ethLong);
    expect(towards.liquidationDelta).toBe(0);
    expect(changeText(towards, 0.01)).toBe('unchanged · closer to the mark');
    const away = view({ priceChange: 0.01 }, ethLong);
    expect(changeText(away, 0.01)).toBe('unchanged · further from the mark');
    const added = view({ collateral: 100 }, ethLong);
    expect(changeText(added, 0.01)).toMatch(/^−[\d,.]+ \(-?[\d.]+ %\) · further from the mark$/);
    // Bybit resets isolated margin to the new leverage's initial margin: a higher leverage brings it closer.
    const levered = view({ leverage: 50 }, ethLong, demoBybitRisk);
    expect(levered.refused).toEqual([]);
    expect(changeText(levered, 0.01)).toMatch(/^\+[\d,.]+ \([\d.]+ %\) · closer to the mark$/);
  });

  it('over random controls on every Demo position: a reachable ghost, no figure beyond reach, liquidated when past it', () => {
    const picks = [
      [demoBinanceRisk, btcLong],
      [demoBinanceRisk, { symbol: 'BTCUSDT', side: 'short' }],
      [demoBinanceRisk, ethShort],
      [demoBinanceRisk, ethLong],
      [demoBybitRisk, ethLong],
      [demoBybitRisk, { symbol: 'BTCUSDT', side: 'short' }],
    ] as const;
    const controlsArb = fc.record({
      closeFraction: fc.double({ min: 0, max: 0.99, noNaN: true }),
      collateral: fc.double({ min: -3000, max: 3000, noNaN: true }),
      priceChange: fc.double({ min: -0.3, max: 0.3, noNaN: true }),
      leverage: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.constantFrom(...picks), controlsArb, ([account, target], controls) => {
        const result = view(controls, target, account);
        const next = result.next;
        if (next === null) return;
        const price = result.ghost?.liquidationPrice ?? null;
        if (price !== null) expect(isWithinReach(price, next.markPrice)).toBe(true);
        const text = `${liquidationLabel(next, 0.01).text} ${changeText(result, 0.01)}`;
        expect(text).not.toMatch(/e\+|Infinity|NaN/);
        for (const figure of text.match(/[\d,]+\.\d+/g) ?? [])
          expect(Number(figure.replace(/,/g, ''))).toBeLessThan(10 * next.markPrice);
        if (next.liquidatable) expect(liquidationLabel(next, 0.01).text).toMatch(/^liquidated/);
        const closer = changeText(result, 0.01).endsWith('closer to the mark');
        if (closer && next.reach.kind === 'within' && result.current.reach.kind === 'within')
          expect(Math.abs(next.distance ?? 0)).toBeLessThan(Math.abs(result.current.distance ?? 0));
      }),
      { numRuns: 300 },
    );
  });
});
