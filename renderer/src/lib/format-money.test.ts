import { describe, expect, it } from 'vitest';
import { formatMoney, formatSignedPercent } from './format-money';

describe('formatMoney', () => {
  it.each([
    [9680.38, '$9,680.38'],
    [16_412.4, '$16,412'],
    [1_412_000, '$1,412,000'],
    [-1860.5, '−$1,860.50'],
    [-0.001, '$0.00'],
    [0, '$0.00'],
    [null, '—'],
    [Number.NaN, '—'],
  ] as const)('writes %s as %s', (amount, text) => expect(formatMoney(amount)).toBe(text));
});

describe('formatSignedPercent', () => {
  it.each([
    [-0.1, '−10.0 %'],
    [0.0325, '+3.3 %'],
    [-0.00001, '0.0 %'],
    [null, '—'],
  ] as const)('writes %s as %s', (fraction, text) => expect(formatSignedPercent(fraction)).toBe(text));
});
