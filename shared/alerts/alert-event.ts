import type { Side } from '../domain/side';
import type { Venue } from '../domain/venue';
import type { Level } from './levels';
import type { RuleKind } from './rule-schemas';

/**
 * One alert: a level of a rule firing for a position, or clearing (`cleared`). Units of `value` and
 * `threshold` per rule: marginRatio and distance fractions; cluster and cascade USD; imbalance a
 * ratio (null: the other side has none); marginCall the reported margin ratio (threshold null);
 * stale milliseconds without data.
 */
export interface AlertEvent {
  /** Unique across restarts when the state is carried over: `<timeMs>-<sequence>`. */
  readonly id: string;
  /** When the engine emitted it (`nowMs` of the evaluate call), Unix ms. */
  readonly timeMs: number;
  readonly accountId: string;
  readonly venue: Venue;
  readonly symbol: string;
  readonly displaySymbol: string;
  readonly side: Side;
  readonly rule: RuleKind;
  readonly level: Level;
  /** The value that triggered (or cleared) it; null where the rule has none (see above). */
  readonly value: number | null;
  /** The level's threshold (the entry threshold also for a clear); null where the rule has none. */
  readonly threshold: number | null;
  /** Time of the tick the value came from, Unix ms (margin call: its event time). */
  readonly tickTimeMs: number;
  readonly cleared: boolean;
  /** Inside quiet hours: record it, but do not notify. */
  readonly silent: boolean;
  /** One plain sentence for the trader. */
  readonly message: string;
}

/** The worst level a position holds now, with each active rule's level. */
export interface ActiveAlert {
  readonly accountId: string;
  readonly venue: Venue;
  readonly symbol: string;
  readonly displaySymbol: string;
  readonly side: Side;
  readonly level: Level;
  readonly rules: readonly { readonly rule: RuleKind; readonly level: Level }[];
}
