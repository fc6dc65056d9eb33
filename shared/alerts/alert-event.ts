import type { AdlRank } from '../domain/adl-rank';
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
 * How an `adlFront` alert ended: the position left the front of the queue (or its profit), closed
 * (possibly deleveraged), or the rule was switched off. An end is not an all-clear: the position may
 * be back at the front on the next rank update.
 */
export type AlertEnd = 'left-front' | 'closed' | 'switched-off';

/** The facts of an `adlFront` event. */
export interface AdlFacts {
  /** The venue's rank on its own scale when the event was made; null when not known (e.g. after a restart). */
  readonly rank: AdlRank | null;
  /** Unrealised PnL as the venue reported it, quote currency; null when not known. */
  readonly unrealizedPnl: number | null;
}

/** The facts of a `venueLowered` event: what the venue lowered, and when (its own stamps). */
export interface LoweredFacts {
  /** When the venue lowered the risk limit, Unix ms, when this event is about it; else null. */
  readonly riskLimitLoweredAtMs: number | null;
  /** When the venue lowered the leverage, Unix ms, when this event is about it; else null. */
  readonly leverageLoweredAtMs: number | null;
  /** The leverage the position has now, when the leverage was lowered and the venue reports it; else null. */
  readonly leverage: number | null;
}

/**
 * One alert: a level of a rule firing for a position, or clearing (`cleared`). Units of `value` and
 * `threshold` per rule: marginRatio and distance fractions; cluster and cascade USD; imbalance a
 * ratio (null: the other side has none); marginCall the reported margin ratio (threshold null);
 * stale milliseconds without data; liquidated the price it was closed at (threshold: its last
 * liquidation price), always critical, never cleared, with `liquidation` holding the loss;
 * adlFront the venue's rank figure (threshold: the front figure of its scale), never cleared but
 * ended (`end`), with `adl` holding the rank and the PnL; venueLowered the new leverage where the
 * leverage was lowered, else null (threshold null), one event per change, with `lowered`.
 */
export interface AlertEvent {
  /** Unique across restarts when the state is carried over: `<timeMs>-<sequence>`. */
  readonly id: string;
  /** When the engine emitted it (`nowMs` of the evaluate call), Unix ms. */
  readonly timeMs: number;
  readonly accountId: string;
  /** The account's label as the user named it ("Main HL"); the account id when no label was given. */
  readonly accountLabel: string;
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
  /**
   * Only on a clear that took several levels at once (`level` is the highest, the one that fired):
   * the lowest of them, whose threshold the value is back past (`threshold` is its threshold). The
   * rule holds the level below it afterwards, or none.
   */
  readonly clearedTo?: Level | undefined;
  /** Record it, but do not notify (why: `silencedBy`). */
  readonly silent: boolean;
  /** Why a silent event is silent: quiet hours, the position's snooze, or an acknowledgement of its level. */
  readonly silencedBy?: SilenceReason | undefined;
  /** One plain sentence for the trader. */
  readonly message: string;
  /** Only on `liquidated` events: the price, the loss and the alerts it ended. */
  readonly liquidation?: LiquidationFacts | undefined;
  /** Only on the event that ends an `adlFront` alert (then `cleared` is false): why it ended. */
  readonly end?: AlertEnd | undefined;
  /** Only on `adlFront` events: the rank and the unrealised PnL. */
  readonly adl?: AdlFacts | undefined;
  /** Only on `venueLowered` events: what was lowered. */
  readonly lowered?: LoweredFacts | undefined;
}

/**
 * Why an event is recorded but not notified: `quiet-hours` (the daily window; critical still rings by
 * default), `snoozed` (the user snoozed the position until a time), `acknowledged` (the user
 * acknowledged the position's level; only a higher level rings again).
 */
export type SilenceReason = 'quiet-hours' | 'snoozed' | 'acknowledged';

/** Whether an event is a new alert to notify about: not a clear, not an end (quiet hours aside). */
export function isFiring(event: Pick<AlertEvent, 'cleared' | 'end'>): boolean {
  return !event.cleared && event.end === undefined;
}

/** The worst level a position holds now, with each active rule's level, and whether the user quieted it. */
export interface ActiveAlert {
  readonly accountId: string;
  /** The account's label ("Main HL"); the account id when none was given. */
  readonly accountLabel: string;
  readonly venue: Venue;
  readonly symbol: string;
  readonly displaySymbol: string;
  readonly side: Side;
  readonly level: Level;
  readonly rules: readonly { readonly rule: RuleKind; readonly level: Level }[];
  /** Until when the position's alerts are snoozed (recorded, not notified), Unix ms; null when not snoozed. */
  readonly snoozedUntilMs: number | null;
  /** The level the user acknowledged (alerts up to it are recorded, not notified, until a higher level fires); null when none. */
  readonly acknowledged: Level | null;
}
