import { describe, expect, it } from 'vitest';
import { cascadePath } from '../../../../shared/clusters';
import { applyWhatIf, evaluateAccount, maxRemovableMargin, type WhatIfOp } from '../../../../shared/risk';
import { demoBinanceRisk, demoBybitRisk, demoMarks } from './fixtures/demo-account';
import { demoEthProfile } from './fixtures/demo-profile';
import { demoView } from './fixtures/demo-view';
import { controlsToOps, isPristine, liveControls, type WhatIfControls } from './what-if-controls';
import { computeWhatIf, sameGhost } from './what-if-model';
import { positionLimits } from './position-limits';

const ethLong: { symbol: string; side: 'long' | 'short' } = { symbol: 'ETHUSDT', side: 'long' };
const ethLongIndex = 3;
const ethLongPosition = demoBinanceRisk.positions[ethLongIndex]!;

const view = (controls: Partial<WhatIfControls>, account = demoBinanceRisk, target = ethLong) =>
  demoView(controls, target, account);

describe('the Demo fixture', () => {
  it.each([
    ['binance ETH long', demoBinanceRisk, 3, 2542.0057564712192],
    ['binance ETH short', demoBinanceRisk, 2, 2812.7047923898285],
    ['binance BTC cross pair', demoBinanceRisk, 0, 22806.784000407963],
    ['bybit ETH long', demoBybitRisk, 2, 2542.4691429372424],
  ])('reproduces the simulator liquidation price of the %s within a tick', (_name, account, index, simulator) => {
    expect(evaluateAccount(account).positions[index]?.liquidationPrice).toBeCloseTo(simulator, 1);
  });
});

describe('controlsToOps', () => {
  const target = { symbol: 'ETHUSDT', side: 'long' } as const;
  const cases: readonly [string, Partial<WhatIfControls>, readonly WhatIfOp[]][] = [
    ['nothing changed', {}, []],
    ['the same leverage', { leverage: 25 }, []],
    ['a leverage', { leverage: 40 }, [{ ...target, op: 'setLeverage', leverage: 40 }]],
    ['added collateral', { collateral: 250 }, [{ ...target, op: 'addMargin', amount: 250 }]],
    ['removed collateral', { collateral: -120 }, [{ ...target, op: 'removeMargin', amount: 120 }]],
    ['a partial close', { closeFraction: 0.5 }, [{ ...target, op: 'close', fraction: 0.5 }]],
    ['added size at the mark', { addSizeBase: 2 }, [{ ...target, op: 'add', size: 2, price: demoMarks.ETHUSDT }]],
    ['added size at a price', { addSizeBase: 2, addPrice: 2500 }, [{ ...target, op: 'add', size: 2, price: 2500 }]],
    ['the other margin mode', { marginMode: 'cross' }, [{ ...target, op: 'setMarginMode', marginMode: 'cross' }]],
    ['the same margin mode', { marginMode: 'isolated' }, []],
    ['a price move', { priceChange: -0.02 }, [{ op: 'price', symbol: 'ETHUSDT', change: -0.02 }]],
    [
      'everything, in trading order',
      { priceChange: 0.01, addSizeBase: 1, closeFraction: 0.25, collateral: 10, leverage: 30, marginMode: 'cross' },
      [
        { ...target, op: 'setMarginMode', marginMode: 'cross' },
        { ...target, op: 'setLeverage', leverage: 30 },
        { ...target, op: 'addMargin', amount: 10 },
        { ...target, op: 'close', fraction: 0.25 },
        { ...target, op: 'add', size: 1, price: demoMarks.ETHUSDT },
        { op: 'price', symbol: 'ETHUSDT', change: 0.01 },
      ],
    ],
  ];
  it.each(cases)('%s', (_name, controls, expected) => {
    expect(controlsToOps(demoBinanceRisk, ethLongPosition, { ...liveControls, ...controls })).toEqual(expected);
    expect(isPristine(ethLongPosition, { ...liveControls, ...controls })).toBe(expected.length === 0);
  });

  it('converts added base units into contracts on OKX', () => {
    const okx = {
      ...demoBinanceRisk,
      venue: 'okx-swap' as const,
      positions: demoBinanceRisk.positions.map((p) => ({ ...p, contractSize: 0.1, size: p.size * 10 })),
    };
    const ops = controlsToOps(okx, okx.positions[ethLongIndex]!, { ...liveControls, addSizeBase: 2 });
    expect(ops).toEqual([{ ...target, op: 'add', size: 20, price: demoMarks.ETHUSDT }]);
  });
});

describe('computeWhatIf', () => {
  it('shows the live state with no ghost when nothing changed (reset)', () => {
    const result = view(liveControls);
    expect(result.pristine).toBe(true);
    expect(result.ghost).toBeNull();
    expect(result.next).toEqual(result.current);
    expect(result.current.liquidationPrice).toBeCloseTo(2542.0058, 3);
  });

  it('moves the liquidation price away when collateral is added, as the engine does', () => {
    const result = view({ collateral: 500 });
    const engine = applyWhatIf(demoBinanceRisk, [{ ...ethLong, op: 'addMargin', amount: 500 }]);
    expect(result.next?.liquidationPrice).toBe(engine.positions[ethLongIndex]?.liquidationPrice);
    expect(result.liquidationDelta).toBeLessThan(0);
    expect(result.ghost?.liquidationPrice).toBe(result.next?.liquidationPrice);
    expect(result.refused).toEqual([]);
  });

  it.each([
    ['removing more than the venue maximum', { collateral: -5000 }, 'removeMargin', /at most .* can be removed/],
    [
      'lowering leverage on a Binance isolated position',
      { leverage: 10 },
      'setLeverage',
      /does not lower the leverage/,
    ],
    ['a leverage above the tier maximum', { leverage: 150 }, 'setLeverage', /allows at most 100x/],
    ['adding more size than the free balance pays for', { addSizeBase: 500 }, 'add', /only .* is free/],
  ] as const)('surfaces the refusal of %s with its reason, state unchanged', (_name, controls, op, reason) => {
    const result = view(controls);
    expect(result.refused).toHaveLength(1);
    expect(result.refused[0]?.op).toBe(op);
    expect(result.refused[0]?.reason).toMatch(reason);
    expect(result.next?.liquidationPrice).toBe(result.current.liquidationPrice);
  });

  it('accepts removing exactly the maximum', () => {
    const limit = maxRemovableMargin(demoBinanceRisk, ethLongIndex);
    if (typeof limit === 'string') throw new Error(limit);
    expect(view({ collateral: -limit }).refused).toEqual([]);
  });

  it('keeps going after a refusal: the next operations still apply', () => {
    const result = view({ collateral: -5000, priceChange: -0.01 });
    expect(result.refused.map((refusal) => refusal.op)).toEqual(['removeMargin']);
    expect(result.next?.markPrice).toBeCloseTo(demoMarks.ETHUSDT * 0.99, 6);
  });

  it('labels a margin-mode switch as hypothetical through the engine note', () => {
    const result = view({ marginMode: 'cross' });
    expect(result.notes.join(' ')).toMatch(/does not switch the margin mode/);
    expect(result.next?.marginMode).toBe('cross');
  });

  it('explains a cross leverage change that cannot move the liquidation price', () => {
    const result = view({ leverage: 10 }, demoBinanceRisk, { symbol: 'BTCUSDT', side: 'long' });
    expect(result.refused).toEqual([]);
    expect(result.liquidationDelta).toBe(0);
    expect(result.hints.join(' ')).toMatch(/Cross margin/);
  });

  it('resets Bybit isolated margin on a leverage change (documented rule)', () => {
    const result = view({ leverage: 10 }, demoBybitRisk);
    expect(result.refused).toEqual([]);
    expect(result.next?.isolatedMargin).toBeCloseTo((10 * ethLongPosition.entryPrice) / 10, 6);
    expect(result.liquidationDelta).toBeLessThan(0);
  });

  it('closes the whole position: no next state, an empty ghost', () => {
    const result = view({ closeFraction: 1 });
    expect(result.next).toBeNull();
    expect(result.ghost).toEqual({ liquidationPrice: null, marginRatio: null, distance: null });
    expect(result.hints.join(' ')).toMatch(/fully closed/);
  });

  it('averages the entry when size is added at a price', () => {
    const result = view({ addSizeBase: 8, addPrice: 2400 });
    expect(result.next?.entryPrice).toBeCloseTo((8 * ethLongPosition.entryPrice + 8 * 2400) / 16, 6);
    expect(result.next?.size).toBe(16);
  });

  it('sums the crowd liquidations between the moved mark and the new liquidation price', () => {
    const result = view({ priceChange: -0.01 });
    const next = result.next!;
    expect(result.nextCascade?.side).toBe('long');
    expect(result.nextCascade?.totalUsd).toBe(
      cascadePath(demoEthProfile, next.markPrice, next.liquidationPrice!).totalUsd,
    );
    expect(result.currentCascade?.totalUsd).toBeGreaterThan(0);
    // A fall has already run through part of the path: less is left between price and the liquidation.
    expect(result.nextCascade?.totalUsd).toBeLessThan(result.currentCascade?.totalUsd ?? 0);
  });

  it('returns null for a position the account does not hold', () => {
    expect(
      computeWhatIf({
        account: demoBybitRisk,
        live: evaluateAccount(demoBybitRisk),
        target: { symbol: 'ETHUSDT', side: 'short' },
        controls: liveControls,
        profile: null,
      }),
    ).toBeNull();
  });
});

describe('positionLimits and sameGhost', () => {
  it('limits the leverage slider to the tier maximum and reports the removable margin', () => {
    const limits = positionLimits(demoBinanceRisk, ethLongIndex);
    expect(limits?.maxLeverage).toBe(100);
    expect(limits?.maxRemovable).toBe(maxRemovableMargin(demoBinanceRisk, ethLongIndex));
    expect(positionLimits(demoBinanceRisk, 9)).toBeNull();
  });

  it('compares ghosts by value', () => {
    const ghost = { liquidationPrice: 1, marginRatio: 0.5, distance: 0.1 };
    expect(sameGhost(ghost, { ...ghost })).toBe(true);
    expect(sameGhost(ghost, { ...ghost, liquidationPrice: 2 })).toBe(false);
    expect(sameGhost(null, null)).toBe(true);
    expect(sameGhost(ghost, null)).toBe(false);
  });
});
