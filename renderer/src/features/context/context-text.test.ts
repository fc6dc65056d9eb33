import { describe, expect, it } from 'vitest';
import { countdownText, settlementText } from './context-text';

describe('the funding settlement as the market context writes it', () => {
  it('counts down to the next settlement and says when it is due, never "settles in settling"', () => {
    expect(settlementText(45 * 60_000)).toBe('settles in 45 min');
    expect(settlementText(3 * 3_600_000 + 12 * 60_000)).toBe('settles in 3 h 12 min');
    expect(settlementText(40_000)).toBe('settles in 40 s');
    expect(settlementText(0)).toBe('settling now');
    expect(settlementText(-5_000)).toBe('settling now');
    expect(settlementText(null)).toBe('settlement time not given');
    expect(countdownText(-1)).toBe('settling');
  });
});
