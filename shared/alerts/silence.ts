import type { AlertEvent, AlertRule } from './alert-event';
import type { Level } from './levels';
import { levelRank } from './levels';
import type { Tracked } from './tracked';

/** Quiet hours as the engine applies them: whether an event at `nowMs` of `level` goes out silent. */
export type QuietCheck = (nowMs: number, level: Level, cleared: boolean) => boolean;

/**
 * Whether an event of a tracked position is recorded without notifying, and why:
 * - `snoozed`: the user snoozed the position and `nowMs` is before the end (a liquidation still rings:
 *   it is a fact, not a warning);
 * - `acknowledged`: a fire no higher than the level the user acknowledged; a higher one rings and
 *   ends the acknowledgement (the caller passes `rises` to let it go);
 * - `quiet-hours`: inside the daily window, except the loud levels (critical by default).
 * A snooze that has run out is dropped here, so it is not saved again.
 */
export function silenceOf(
  tracked: Tracked,
  rule: AlertRule,
  level: Level,
  cleared: boolean,
  nowMs: number,
  quiet: QuietCheck,
): Pick<AlertEvent, 'silent' | 'silencedBy'> {
  if (tracked.snoozedUntilMs !== null && nowMs >= tracked.snoozedUntilMs) tracked.snoozedUntilMs = null;
  if (tracked.snoozedUntilMs !== null && rule !== 'liquidated') return { silent: true, silencedBy: 'snoozed' };
  if (!cleared && tracked.acknowledged > 0) {
    if (levelRank(level) <= tracked.acknowledged) return { silent: true, silencedBy: 'acknowledged' };
    // The level rose past the acknowledged one: this alert rings, and the acknowledgement is over.
    tracked.acknowledged = 0;
  }
  return quiet(nowMs, level, cleared) ? { silent: true, silencedBy: 'quiet-hours' } : { silent: false };
}
