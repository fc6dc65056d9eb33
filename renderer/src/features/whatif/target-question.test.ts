import { describe, expect, it } from 'vitest';
import { applyWhatIf, evaluateAccount } from '../../../../shared/risk';
import { demoBinanceRisk, demoBybitRisk, demoMarks } from './fixtures/demo-account';
import { demoEthProfile } from './fixtures/demo-profile';
import { draftToControls, liveDraft, parseAmount } from './what-if-draft';
import { answerTarget, clustersOnTheWay, roundToTick, beyondBuffer } from './target-question';
import { rangeFill } from './range-fill';

const ethLong = { symbol: 'ETHUSDT', side: 'long' } as const;

describe('answerTarget', () => {
  it('answers with the collateral that puts the liquidation price on the target', () => {
    const answer = answerTarget(demoBinanceRisk, ethLong, 2450);
    if (answer.kind !== 'answer' || answer.collateral === null) throw new Error('expected an answer');
    expect(answer.collateral).toBeGreaterThan(0);
    const after = applyWhatIf(demoBinanceRisk, [{ ...ethLong, op: 'addMargin', amount: answer.collateral }]);
    expect(after.positions[3]?.liquidationPrice).toBeCloseTo(2450, 6);
    expect(answer.maximumLeverage).toBeGreaterThan(1);
  });

  it('says the target is already cleared with a negative collateral', () => {
    const answer = answerTarget(demoBybitRisk, { symbol: 'BTCUSDT', side: 'long' }, 40_000);
    expect(answer.kind === 'answer' && answer.collateral !== null && answer.collateral < 0).toBe(true);
  });

  it.each([
    ['a target above the mark for a long', ethLong, demoMarks.ETHUSDT + 1, /below the mark/],
    [
      'a target below the mark for a short',
      { symbol: 'ETHUSDT', side: 'short' } as const,
      demoMarks.ETHUSDT - 1,
      /above the mark/,
    ],
    ['a price of 0', ethLong, 0, /above 0/],
    ['a position not held', { symbol: 'SOLUSDT', side: 'long' } as const, 10, /No long position/],
  ])('refuses %s', (_name, target, price, reason) => {
    const answer = answerTarget(demoBinanceRisk, target, price);
    expect(answer.kind === 'invalid' && answer.reason).toMatch(reason);
  });

  it('gives the leverage reason for a cross position', () => {
    const answer = answerTarget(demoBinanceRisk, { symbol: 'BTCUSDT', side: 'long' }, 30_000);
    expect(answer.kind === 'answer' && answer.leverageReason).toMatch(/cross/);
  });
});

describe('clustersOnTheWay', () => {
  it('offers the nearest clusters below the mark for a long, a stated buffer past their far edge, on the tick', () => {
    const clusters = clustersOnTheWay(demoEthProfile, demoMarks.ETHUSDT, 'long', 0.01);
    expect(clusters.length).toBeGreaterThan(0);
    for (const cluster of clusters) {
      expect(cluster.high).toBeLessThan(demoMarks.ETHUSDT);
      const gap = cluster.low - cluster.beyond;
      expect(gap).toBeGreaterThanOrEqual(beyondBuffer * demoMarks.ETHUSDT - 1e-9);
      expect(gap).toBeLessThan(beyondBuffer * demoMarks.ETHUSDT + 0.01);
      // On the 0.01 tick: at most two decimals, written exactly.
      expect(String(cluster.beyond)).toMatch(/^\d+(\.\d{1,2})?$/);
    }
    const distances = clusters.map((cluster) => demoMarks.ETHUSDT - cluster.high);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });
  it('offers nothing without a profile', () => {
    expect(clustersOnTheWay(null, 100, 'short', 0.1)).toEqual([]);
  });
  it.each([
    [2475.24238625, 0.01, 'down', 2475.24],
    [2475.24238625, 0.01, 'up', 2475.25],
    [2475.2, 0.1, 'down', 2475.2],
    [64012.37, 0.5, 'up', 64012.5],
    [0.000123456, 0.000001, 'down', 0.000123],
  ] as const)('rounds %d to the tick %d (%s)', (price, tick, direction, expected) => {
    expect(roundToTick(price, tick, direction)).toBe(expected);
  });
});

describe('what-if draft', () => {
  it.each([
    ['', 0],
    ['1,250.5', 1250.5],
    [' 300 ', 300],
    ['abc', 'enter a number'],
    ['-5', 'enter a positive amount'],
  ] as const)('reads %j', (text, expected) => {
    expect(parseAmount(text)).toBe(expected);
  });

  it('turns the typed fields into controls, an error counting as unused', () => {
    const { controls, errors } = draftToControls({
      ...liveDraft,
      collateralSide: 'remove',
      collateralText: '200',
      closePercent: 50,
      addSizeText: 'x',
      addPriceText: '0',
      pricePercent: -2.5,
    });
    expect(controls).toMatchObject({
      collateral: -200,
      closeFraction: 0.5,
      addSizeBase: 0,
      addPrice: null,
      priceChange: -0.025,
    });
    expect(errors).toEqual({ addSize: 'enter a number', addPrice: 'the price must be above 0' });
  });

  it('reset gives the live controls', () => {
    const { controls, errors } = draftToControls(liveDraft);
    expect(controls).toEqual({
      leverage: null,
      collateral: 0,
      closeFraction: 0,
      addSizeBase: 0,
      addPrice: null,
      marginMode: null,
      priceChange: 0,
    });
    expect(errors).toEqual({});
  });
});

describe('small helpers', () => {
  it('fills a centred slider from its middle', () => {
    expect(rangeFill(-30, 30, -15, 0)).toEqual({ '--fill-from': '25%', '--fill-to': '50%' });
    expect(rangeFill(1, 101, 51)).toEqual({ '--fill-from': '0%', '--fill-to': '50%' });
  });
  it('keeps the live evaluation stable for the fixture', () => {
    expect(evaluateAccount(demoBinanceRisk).positions).toHaveLength(4);
  });
});
