import { describe, expect, it } from 'vitest';
import { isAdlFront } from './adl-rank';

describe('the front of the ADL queue', () => {
  it.each([
    ['Binance adlQuantile 4 of 0-4', { value: 4, min: 0, max: 4 }, true],
    ['Binance adlQuantile 3 of 0-4', { value: 3, min: 0, max: 4 }, false],
    ['Bybit adlRankIndicator 5 of 0-5', { value: 5, min: 0, max: 5 }, true],
    ['Bybit adlRankIndicator 0 (not ranked)', { value: 0, min: 0, max: 5 }, false],
    ['OKX adl 5 of 1-5', { value: 5, min: 1, max: 5 }, true],
    ['OKX adl 1 of 1-5', { value: 1, min: 1, max: 5 }, false],
  ])('%s', (_name, rank, front) => {
    expect(isAdlFront(rank)).toBe(front);
  });

  it('is never the front where the venue publishes no rank', () => {
    expect(isAdlFront(null)).toBe(false);
  });
});
