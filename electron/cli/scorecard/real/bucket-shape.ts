import { quantile } from './bucket-metrics';
import type { Bucket } from './real-data';

/**
 * How a set's realized liquidations look beside its buckets' moves and open interest: the figures
 * the simulator is held to, so that tests on it mean something for real markets.
 */
export interface BucketShape {
  /** Share of bucket-sides (longs and shorts of each bucket) with any realized liquidation. */
  readonly shareWithLiquidations: number;
  /** Median over bucket-sides with liquidations of realized USD / open interest at the open, basis points. */
  readonly liquidatedOfOiBp: number;
  /**
   * Median over bucket-sides with liquidations and a move of realized USD / (move × open interest):
   * the realized USD per unit of the "move times OI" reference (move = (open − low) / open for
   * longs, (high − open) / open for shorts).
   */
  readonly liquidatedPerMoveOi: number;
}

const round = (value: number): number => Math.round(value * 10_000) / 10_000;
const median = (values: number[]): number =>
  values.length === 0
    ? 0
    : quantile(
        [...values].sort((a, b) => a - b),
        0.5,
      );

/** The shape of `buckets` (those scored; any order). All zero for no buckets. */
export function bucketShape(buckets: readonly Bucket[]): BucketShape {
  const sides = buckets.flatMap((bucket) => [
    { usd: bucket.longUsd, move: (bucket.open - bucket.low) / bucket.open, oi: bucket.openInterestUsd },
    { usd: bucket.shortUsd, move: (bucket.high - bucket.open) / bucket.open, oi: bucket.openInterestUsd },
  ]);
  const liquidated = sides.filter((side) => side.usd > 0 && side.oi > 0);
  return {
    shareWithLiquidations: round(sides.filter((side) => side.usd > 0).length / Math.max(1, sides.length)),
    liquidatedOfOiBp: round(median(liquidated.map((side) => (side.usd / side.oi) * 10_000))),
    liquidatedPerMoveOi: round(
      median(liquidated.filter((side) => side.move > 0).map((side) => side.usd / (side.move * side.oi))),
    ),
  };
}
