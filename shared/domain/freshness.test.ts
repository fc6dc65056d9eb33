import { describe, expect, it } from 'vitest';
import { freshnessText, withoutSource, type Freshness } from './freshness';

describe('freshness as every view reads it', () => {
  it.each([
    { freshness: { state: 'live', updatedAtMs: 1_000 }, text: 'live' },
    {
      freshness: { state: 'stale', updatedAtMs: 23_000, reason: 'venue not answering: timed out' },
      text: 'stale · last update 77 s ago · venue not answering: timed out',
    },
    {
      freshness: { state: 'stale', updatedAtMs: 100_000 - 5 * 60_000, reason: 'no market data' },
      text: 'stale · last update 5 min ago · no market data',
    },
    {
      freshness: { state: 'stale', updatedAtMs: null, reason: 'no market data' },
      text: 'stale · no update yet · no market data',
    },
    { freshness: { state: 'unknown', reason: 'connecting' }, text: 'unknown · connecting' },
  ] satisfies { freshness: Freshness; text: string }[])('$text', ({ freshness, text }) => {
    expect(freshnessText(freshness, 100_000)).toBe(text);
  });

  it('turns live data stale once its source is lost, keeping when it last arrived', () => {
    expect(withoutSource({ state: 'live', updatedAtMs: 40_000 })).toEqual({
      state: 'stale',
      updatedAtMs: 40_000,
      reason: 'connection to LiqLens lost',
    });
    expect(freshnessText(withoutSource({ state: 'live', updatedAtMs: 40_000 }), 100_000)).toBe(
      'stale · last update 60 s ago · connection to LiqLens lost',
    );
    expect(withoutSource({ state: 'unknown', reason: 'connecting' }).state).toBe('unknown');
  });
});
