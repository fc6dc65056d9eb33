import { describe, expect, it } from 'vitest';
import type { Freshness } from '../../../../shared/domain/freshness';
import type { PositionView } from '../../../../shared/ipc/views/positions';
import { demoBinanceRisk, fixtureAccountPositions } from './fixtures/demo-account';
import { whatIfFreshness } from './what-if-freshness';

const row = (freshness: Freshness): PositionView => {
  const first = fixtureAccountPositions('demo-binance', demoBinanceRisk).positions[0];
  if (first === undefined) throw new Error('the fixture holds a position');
  return { ...first, freshness, stale: freshness.state !== 'live' };
};

describe('where the what-if figures stand', () => {
  it("follow the position's own freshness while the core is connected", () => {
    const live: Freshness = { state: 'live', updatedAtMs: 5_000 };
    const stale: Freshness = { state: 'stale', updatedAtMs: 5_000, reason: 'venue not answering: timed out' };
    expect(whatIfFreshness(row(live), true)).toEqual(live);
    expect(whatIfFreshness(row(stale), true)).toEqual(stale);
  });

  it('turn stale with the core-lost reason once the core is lost, keeping when the data last arrived', () => {
    expect(whatIfFreshness(row({ state: 'live', updatedAtMs: 5_000 }), false)).toEqual({
      state: 'stale',
      updatedAtMs: 5_000,
      reason: 'connection to LiqLens lost',
    });
    expect(whatIfFreshness(row({ state: 'stale', updatedAtMs: 4_000, reason: 'venue not answering' }), false)).toEqual({
      state: 'stale',
      updatedAtMs: 4_000,
      reason: 'connection to LiqLens lost',
    });
    expect(whatIfFreshness(undefined, false)).toEqual({ state: 'unknown', reason: 'connection to LiqLens lost' });
  });
});
