import type { Side } from '../domain/side';
import type { Venue } from '../domain/venue';
import type { Level } from './levels';
import type { RuleKind } from './rule-schemas';

/** What an alert event is about: one of the rules, or `liquidated` (the venue force-closed the position). */
export type AlertRule = RuleKind | 'liquidated';

/** The facts of a `liquidated` event. Prices in quote units. */
export interface LiquidationFacts {
  /** The venue's fill price of the forced close, else the position's last liquidation price (see `evidence`). */
  readonly price: number;
  /** Realised loss, USD (positive = lost, negative = a gain); null when unknown. */
  readonly lossUsd: number | null;
  /** `venue`: the venue's own figure; `computed`: from the entry, the size and `price` (fees not included). */
  readonly lossSource: 'venue' | 'computed';
  /** `venue`: the venue's force-close record; `price`: the mark reached the liquidation price before the position vanished. */
  readonly evidence: 'venue' | 'price';
  /** The position's alerts this event ended (each rule's highest level): they end here, they do not clear. */
  readonly ended: readonly { readonly rule: RuleKind; readonly level: Level }[];
}

/**
 * One alert: a level of a rule firing for a position, or clearing (`cleared`). Units of `value` and
 * `threshold` per rule: marginRatio and distance fractions; cluster and cascade USD; imbalance a
 * ratio (null: the other side has none); marginCall the reported margin ratio (threshold null);
 * stale milliseconds without data; liquidated the price it was closed at (threshold: its last
 * liquidation price), always critical, never cleared, with `liquidation` holding the loss.
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
  readonly rule: AlertRule;
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
  /** Only on `liquidated` events: the price, the loss and the alerts it ended. */
  readonly liquidation?: LiquidationFacts | undefined;
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
