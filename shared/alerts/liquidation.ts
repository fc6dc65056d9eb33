import type { ForceClose } from '../domain/force-close';
import type { Side } from '../domain/side';
import type { LiquidationInput, PositionRef } from './inputs';

/**
 * What is known of a position that was in the last snapshot and is not in the new one: its last
 * numbers, and the closest it came to its liquidation price since a snapshot last showed it alive.
 */
export interface VanishedPosition extends PositionRef {
  readonly venue: LiquidationInput['venue'];
  readonly displaySymbol?: string | undefined;
  /** Average entry price, quote units. */
  readonly entryPrice: number;
  /** Size in base units (contracts × contract size), > 0. */
  readonly sizeBase: number;
  /** The liquidation price last computed for it, or null when none. */
  readonly liquidationPrice: number | null;
  /**
   * The mark closest to (or furthest past) the liquidation price seen since the last snapshot that
   * held the position, with its signed distance (fraction of the mark, ≤ 0 at or past it); null when
   * no mark was seen.
   */
  readonly closestMark: { readonly price: number; readonly distance: number | null } | null;
  /** When a snapshot last showed the position, Unix ms (venue clock). */
  readonly lastSeenMs: number;
  /** When it was first seen missing, Unix ms on the engine's clock. */
  readonly vanishedAtMs: number;
}

/**
 * The venue's force-close records for the account: a list (possibly empty) that was read,
 * `unsupported` where the venue offers none the app reads, or `unavailable` when reading failed.
 */
export type ForceCloseEvidence = readonly ForceClose[] | 'unsupported' | 'unavailable';

/** The verdict on a vanished position. */
export type VanishVerdict =
  | { readonly kind: 'liquidated'; readonly liquidation: LiquidationInput }
  | { readonly kind: 'closed' }
  | { readonly kind: 'undecided'; readonly reason: string };

/** How far before the last sighting a force-close record may lie and still explain the vanishing, ms (clock skew). */
export const evidenceSlackMs = 60_000;

/**
 * Profit of closing `sizeBase` of a position entered at `entryPrice` at `price`, USD (linear
 * contracts): (price − entry) × size for a long, the opposite for a short. Fees, funding and the
 * venue's liquidation fee are not in it.
 */
export function closeProfitUsd(side: Side, entryPrice: number, sizeBase: number, price: number): number {
  return (side === 'long' ? 1 : -1) * (price - entryPrice) * sizeBase;
}

/**
 * Signed distance from `markPrice` to `liquidationPrice` as a fraction of the mark, the way
 * `shared/risk` states it: positive while the mark is on the safe side, ≤ 0 at or past it.
 */
export function liquidationDistance(side: Side, liquidationPrice: number, markPrice: number): number {
  return ((side === 'long' ? 1 : -1) * (markPrice - liquidationPrice)) / markPrice;
}

/** `closest` updated with a new mark: the one nearer to (or further past) the liquidation price wins. */
export function closerMark(
  closest: VanishedPosition['closestMark'],
  side: Side,
  liquidationPrice: number | null,
  markPrice: number,
): VanishedPosition['closestMark'] {
  if (liquidationPrice === null) return closest ?? { price: markPrice, distance: null };
  const distance = liquidationDistance(side, liquidationPrice, markPrice);
  if (closest === null || closest.distance === null || distance < closest.distance)
    return { price: markPrice, distance };
  return closest;
}

/**
 * Judges a vanished position (docs/research/liquidation-events.md §1):
 * - a force-close record of the venue for its symbol and side, no older than the last sighting
 *   (minus `evidenceSlackMs`), makes it liquidated at the record's price, with the venue's loss when
 *   the record has one, else the loss computed at that price;
 * - otherwise a mark at or past its liquidation price since it was last seen alive makes it
 *   liquidated at its liquidation price, the loss computed there (the venue's fill may be worse);
 * - otherwise, when the evidence could be read (or the venue has none to read) and the mark is fresh,
 *   the user closed it;
 * - otherwise (evidence unreadable, or no fresh mark) it stays undecided until fresh data arrives.
 * `markFresh`: a mark tick of the symbol arrived recently enough to count as live data.
 */
export function judgeVanished(
  position: VanishedPosition,
  evidence: ForceCloseEvidence,
  markFresh: boolean,
): VanishVerdict {
  const { accountId, venue, symbol, side, displaySymbol } = position;
  const base = { accountId, venue, symbol, side, ...(displaySymbol === undefined ? {} : { displaySymbol }) };
  if (typeof evidence !== 'string') {
    const record = evidence
      .filter(
        (item) => item.symbol === symbol && item.side === side && item.timeMs >= position.lastSeenMs - evidenceSlackMs,
      )
      .sort((a, b) => b.timeMs - a.timeMs)[0];
    if (record !== undefined) {
      const computed = -closeProfitUsd(side, position.entryPrice, position.sizeBase, record.price);
      return {
        kind: 'liquidated',
        liquidation: {
          ...base,
          timeMs: record.timeMs,
          price: record.price,
          lossUsd: record.lossUsd ?? computed,
          lossSource: record.lossUsd === null ? 'computed' : 'venue',
          evidence: 'venue',
          liquidationPrice: position.liquidationPrice,
        },
      };
    }
  }
  const closest = position.closestMark;
  const liquidationPrice = position.liquidationPrice;
  if (liquidationPrice !== null && closest !== null && closest.distance !== null && closest.distance <= 0) {
    return {
      kind: 'liquidated',
      liquidation: {
        ...base,
        timeMs: position.vanishedAtMs,
        price: liquidationPrice,
        lossUsd: -closeProfitUsd(side, position.entryPrice, position.sizeBase, liquidationPrice),
        lossSource: 'computed',
        evidence: 'price',
        liquidationPrice,
      },
    };
  }
  if (evidence === 'unavailable')
    return { kind: 'undecided', reason: "the venue's force-close records could not be read" };
  if (!markFresh) return { kind: 'undecided', reason: 'no fresh mark price' };
  return { kind: 'closed' };
}
