import { withoutSource, type Freshness } from '../../../../shared/domain/freshness';
import type { PositionView } from '../../../../shared/ipc/views/positions';

/**
 * Where the what-if's figures stand: they are computed from the selected position's last snapshot,
 * so they are exactly as fresh as it is. Without the core nothing is confirmed, whatever the row
 * last said: the figures turn stale with "connection to LiqLens lost" (the same words as every
 * other view, `withoutSource`). A position not (yet) in the list has nothing to judge: unknown.
 */
export function whatIfFreshness(position: PositionView | undefined, connected: boolean): Freshness {
  const freshness: Freshness = position?.freshness ?? { state: 'unknown', reason: 'no position data yet' };
  return connected ? freshness : withoutSource(freshness);
}
