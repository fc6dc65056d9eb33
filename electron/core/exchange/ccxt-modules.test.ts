import ccxt from 'ccxt';
import { describe, expect, it } from 'vitest';
import { ccxtErrors, proExchanges } from './ccxt-modules';
import { venueProfiles } from './venues';

describe('ccxt-modules', () => {
  it('loads, for every venue profile, the very class the ccxt entry exports as ccxt.pro[id]', () => {
    for (const profile of Object.values(venueProfiles)) {
      expect(proExchanges[profile.ccxtId], profile.ccxtId).toBeTypeOf('function');
      expect(proExchanges[profile.ccxtId], profile.ccxtId).toBe(ccxt.pro[profile.ccxtId]);
    }
  });

  it("loads ccxt's own error classes, so an error a client throws is recognised", () => {
    for (const name of Object.keys(ccxtErrors) as (keyof typeof ccxtErrors)[])
      expect(ccxtErrors[name], name).toBe(ccxt[name]);
    expect(new ccxt.RateLimitExceeded('slow down')).toBeInstanceOf(ccxtErrors.NetworkError);
  });
});
