import { describe, expect, it } from 'vitest';
import { evaluateAccount } from '../../../../shared/risk';
import { approximationNote } from './approximation-note';
import { demoBinanceRisk } from './fixtures/demo-account';

describe('the what-if in a mode whose what-if is an approximation', () => {
  // The Demo's Binance account read as if it were in OKX multi-currency margin: a mode LiqLens
  // cannot recompute for current positions, whose what-if is a named approximation.
  const account = { ...demoBinanceRisk, venue: 'okx-swap' as const, accountMode: 'okx-multi-currency' as const };

  it('gives its live state the approximate price the changes build on, where the current evaluation has none', () => {
    const current = evaluateAccount(account);
    const whatIf = evaluateAccount(account, 'what-if');
    expect(current.positions.every((position) => position.liquidationPrice === null)).toBe(true);
    expect(whatIf.positions.some((position) => position.liquidationPrice !== null)).toBe(true);
  });

  it("names the approximation and the venue's own figure, or says the venue gives none", () => {
    expect(approximationNote(account, { exchangeLiquidationPrice: 35_527.94 }, 0.1)).toBe(
      "Approximate (cross positions against OKX's adjusted equity in USD, discounts held at today's rates). The venue's own figure: 35,527.9.",
    );
    expect(approximationNote(account, { exchangeLiquidationPrice: null }, 0.1)).toMatch(
      /The venue gives no liquidation price for this position\.$/,
    );
  });

  it('says nothing in a mode LiqLens recomputes exactly', () => {
    expect(approximationNote(demoBinanceRisk, { exchangeLiquidationPrice: 35_000 }, 0.1)).toBeNull();
  });
});
