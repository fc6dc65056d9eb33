import fc from 'fast-check';
import type { RiskPosition } from '../../domain/risk-position';
import type { Side } from '../../domain/side';
import type { Tier } from '../../domain/tier';

/**
 * A cross position of `symbol` for property tests: linear, contract size 1, leverage 10, the mark
 * within ±10 % of the entry, a notional in `[minNotional, maxNotional]` at the entry.
 */
export function crossLegArb(
  symbol: string,
  side: fc.Arbitrary<Side>,
  tiers: fc.Arbitrary<readonly Tier[]>,
  minNotional: number,
  maxNotional: number,
): fc.Arbitrary<RiskPosition> {
  return fc
    .record({
      side,
      entry: fc.double({ min: 1, max: 1e5, noNaN: true }),
      move: fc.double({ min: -0.1, max: 0.1, noNaN: true }),
      notional: fc.double({ min: minNotional, max: maxNotional, noNaN: true }),
      tiers,
    })
    .map((r) => ({
      symbol,
      side: r.side,
      marginMode: 'cross' as const,
      size: r.notional / r.entry,
      contractSize: 1,
      entryPrice: r.entry,
      markPrice: r.entry * (1 + r.move),
      leverage: 10,
      isolatedMargin: 0,
      maxLeverage: null,
      tiers: r.tiers,
    }));
}
