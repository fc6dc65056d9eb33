import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPrice } from './message';

/** What the locale format gives: the text the messages promised before it was written out by hand. */
const localeText = (price: number): string => price.toLocaleString('en-US', { maximumSignificantDigits: 8 });

describe('a price in an alert message', () => {
  it('reads like the en-US locale format with 8 significant digits, from memecoins to BTC', () => {
    for (const price of [52_310.5, 2_542.47, 0.00001234567, 0.1, 1, 999_999_999.9, 123_456_789, 0.000000098765])
      expect(formatPrice(price)).toBe(localeText(price));
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1e9, noNaN: true }), (price) => formatPrice(price) === localeText(price)),
      { numRuns: 5000 },
    );
  });

  it('keeps zero, negative and non-finite values readable', () => {
    expect(formatPrice(0)).toBe(localeText(0));
    expect(formatPrice(-1234.5)).toBe(localeText(-1234.5));
    expect(formatPrice(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });
});
