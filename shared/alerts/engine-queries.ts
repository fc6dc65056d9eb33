import type { ActiveAlert } from './alert-event';
import type { Level } from './levels';
import { levelRank, rankLevel, worseLevel } from './levels';
import { positionOf, type Tracked } from './tracked';
import type { RuleKind } from './rule-schemas';
import { cooldownMsOf, ruleKinds } from './rule-schemas';

/** Positions holding a level, worst level first (ties: as tracked). */
export function activeOf(entries: Iterable<Tracked>): ActiveAlert[] {
  const active: ActiveAlert[] = [];
  for (const state of entries) {
    const rules: { rule: RuleKind; level: Level }[] = [];
    let worst: Level | null = null;
    for (const rule of ruleKinds) {
      const level = rankLevel(state.states[rule]?.rank ?? 0);
      if (level === null) continue;
      rules.push({ rule, level });
      worst = worseLevel(worst, level);
    }
    if (worst === null) continue;
    const { snoozedUntilMs } = state;
    const acknowledged = rankLevel(state.acknowledged);
    active.push({
      ...positionOf(state),
      level: worst,
      rules,
      snoozedUntilMs,
      acknowledged,
    });
  }
  return active.sort((a, b) => levelRank(b.level) - levelRank(a.level));
}

/**
 * The earliest time a clock-driven change is due: a stale deadline (last data + `afterMs`, while the
 * margin ratio is at risk and the rule is not yet active), a margin call's expiry, or the end of a
 * cooldown that defers a fire. Null when none is pending.
 */
export function nextCheckOf(entries: Iterable<Tracked>): number | null {
  let next = Number.POSITIVE_INFINITY;
  for (const state of entries) {
    const { last, rules } = state;
    const stale = rules.stale;
    if (
      last !== null &&
      stale.enabled &&
      (state.states.stale?.rank ?? 0) === 0 &&
      (last.marginRatio ?? Number.POSITIVE_INFINITY) >= stale.minMarginRatio
    ) {
      next = Math.min(next, last.receivedAtMs + stale.afterMs);
    }
    const call = state.states.marginCall;
    if (call !== undefined && call.rank > 0 && call.signalMs !== null)
      next = Math.min(next, call.signalMs + rules.marginCall.clearAfterMs);
    for (const rule of ruleKinds) {
      const ruleState = state.states[rule];
      if (ruleState === undefined || ruleState.rank <= ruleState.notified) continue;
      // A fire is deferred only while every rung it owes is cooling down; the first to finish releases it.
      for (const [index, clearedAt] of ruleState.clearedAtMs.entries()) {
        if (clearedAt !== null && index + 1 > ruleState.notified && index + 1 <= ruleState.rank)
          next = Math.min(next, clearedAt + cooldownMsOf(rules, rule));
      }
    }
  }
  return Number.isFinite(next) ? next : null;
}

/**
 * The rules whose level says the account's own figures matter now (its margin, its liquidation
 * price, the venue's margin call, ADL queue and cuts, stale data); the market's rules (cluster,
 * imbalance, cascade) read the public streams, which flow whatever the account's cadence.
 */
const accountRules: readonly RuleKind[] = [
  'marginRatio',
  'distance',
  'marginCall',
  'stale',
  'adlFront',
  'venueLowered',
];

/**
 * Whether a position needs its account read at the fast cadence: it holds a level of one of the
 * account's rules now (hysteresis-held), or its last reading sits within its warning levels, widened
 * by the rule's band (margin ratio at or above `warning - band`, distance to liquidation at or below
 * `warning + band`). The levels count whether or not their rule is on: they say where danger starts
 * for this position.
 */
export function isNearWarning(entry: Tracked): boolean {
  for (const rule of accountRules) if ((entry.states[rule]?.rank ?? 0) > 0) return true;
  const last = entry.last;
  if (last === null) return false;
  const { marginRatio, distance } = entry.rules;
  if (last.marginRatio !== null && last.marginRatio >= marginRatio.levels.warning - marginRatio.band) return true;
  return last.distance !== null && last.distance <= distance.levels.warning + distance.band;
}
